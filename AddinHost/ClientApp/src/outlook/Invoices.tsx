import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { date, eur } from "../shared/format";
import { Section, useLayout } from "../shared/ui";
import type { InvoiceLine } from "../shared/types";

export function Invoices({ invoices }: { invoices: InvoiceLine[] }) {
  const l = useLayout();
  const open = invoices.filter((i) => i.principalRemaining > 0);
  return (
    <Section title={`Factures impayées (${open.length})`} id="factures">
      <Table size="small" aria-labelledby="factures">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>N°</TableHeaderCell><TableHeaderCell>Échéance</TableHeaderCell>
            <TableHeaderCell>Reste dû</TableHeaderCell><TableHeaderCell>Retard</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {open.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.number}</TableCell>
              <TableCell>{date(i.dueDate)}</TableCell>
              <TableCell className={l.amount}>{eur(i.principalRemaining)}</TableCell>
              <TableCell>{i.daysLate > 0 ? `${i.daysLate} j` : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
