import {
  Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import { dateTime } from "../shared/format";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { AuditEntry } from "../shared/types";

const pageSize = 50;

/** Who did what, and when: the firm's audit log, page by page. */
export function AuditLog() {
  const l = useLayout();
  const [skip, setSkip] = useState(0);
  const log = useApi<AuditEntry[]>(`/api/audit?skip=${skip}&take=${pageSize}`);
  if (log.loading && !log.data) return <Loading />;
  if (log.error) return <ErrorState error={log.error} onRetry={log.reload} />;
  if (log.data!.length === 0 && skip === 0) return <EmptyState title="Journal vide" />;
  return (
    <div className={l.form}>
      <Table size="small" aria-label="Journal d'audit">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Date</TableHeaderCell><TableHeaderCell>Utilisateur</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell><TableHeaderCell>Objet</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {log.data!.map((e, i) => (
            <TableRow key={`${e.at}-${i}`}>
              <TableCell>{dateTime(e.at)}</TableCell><TableCell>{e.userId}</TableCell>
              <TableCell>{e.action}</TableCell><TableCell>{e.entityType}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={l.row}>
        <Button disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - pageSize))}>Plus récents</Button>
        <Button disabled={log.data!.length < pageSize} onClick={() => setSkip(skip + pageSize)}>Plus anciens</Button>
      </div>
    </div>
  );
}
