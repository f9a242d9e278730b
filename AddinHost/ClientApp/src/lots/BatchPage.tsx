import {
  Button, Caption1, Checkbox, Field, Input, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell,
  TableRow, Text, Title3,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { getJson, sendJson, streamEvents } from "../shared/api";
import { useAction } from "../shared/useAction";
import { date, eur } from "../shared/format";
import { EmptyState, ErrorState, Loading, ModeBanner } from "../shared/states";
import { useApi } from "../shared/useApi";
import { DispatchBadge, useLayout } from "../shared/ui";
import type { Batch, DueList } from "../shared/types";

/** Every case with a step due today: review, untick, send, and watch each letter go. */
export function BatchPage() {
  const l = useLayout();
  const due = useApi<DueList>("/api/batches/due");
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [otp, setOtp] = useState("");
  const [batch, setBatch] = useState<Batch>();
  const { error, run } = useAction();
  const sendable = useMemo(() => due.data?.steps.filter((s) => !s.notSendable) ?? [], [due.data]);
  const chosen = sendable.filter((s) => !unticked.has(s.caseId));
  const total = chosen.reduce((sum, s) => sum + (s.choice?.priceHt ?? 0), 0);
  const needsOtp = chosen.some((s) => s.choice?.needsOtp);

  useEffect(() => {
    if (!batch || batch.done) return;
    const stop = new AbortController();
    streamEvents(`/api/batches/${batch.id}/events`, () => {
      void getJson<Batch>(`/api/batches/${batch.id}`).then(setBatch);
    }, stop.signal).catch(() => undefined);
    return () => stop.abort();
  }, [batch?.id, batch?.done]); // eslint-disable-line react-hooks/exhaustive-deps

  const send = () => run(async () =>
    setBatch(await sendJson<Batch>("POST", "/api/batches",
      { items: chosen.map((s) => ({ caseId: s.caseId, level: s.level })), otp: needsOtp ? otp : null })));
  const toggle = (caseId: string) => setUnticked((old) => {
    const next = new Set(old);
    if (next.has(caseId)) next.delete(caseId); else next.add(caseId);
    return next;
  });

  if (due.loading && !due.data) return <Loading label="Recherche des étapes dues…" />;
  if (due.error) return <ErrorState error={due.error} onRetry={due.reload} />;
  if (batch) return <Progress batch={batch} />;
  return (
    <div className={l.page}>
      <Title3 as="h1">Étapes dues au {date(due.data!.on)}</Title3>
      <ModeBanner banner={null} simulation={due.data!.simulation} />
      {due.data!.steps.length === 0 ? <EmptyState title="Rien à envoyer aujourd'hui" /> : (
        <Table size="small" aria-label="Étapes dues">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Envoyer</TableHeaderCell><TableHeaderCell>Débiteur</TableHeaderCell>
              <TableHeaderCell>Étape</TableHeaderCell><TableHeaderCell>Canal</TableHeaderCell>
              <TableHeaderCell>Dû</TableHeaderCell><TableHeaderCell>Coût HT</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {due.data!.steps.map((s) => (
              <TableRow key={s.caseId}>
                <TableCell>
                  <Checkbox aria-label={`Envoyer à ${s.debtor}`} disabled={!!s.notSendable}
                    checked={!s.notSendable && !unticked.has(s.caseId)} onChange={() => toggle(s.caseId)} />
                </TableCell>
                <TableCell>{s.debtor}<Caption1 block>{s.reference}</Caption1></TableCell>
                <TableCell>{s.step}</TableCell>
                <TableCell>{s.notSendable ?? s.choice?.channelLabel}</TableCell>
                <TableCell className={l.amount}>{eur(s.totalDue)}</TableCell>
                <TableCell className={l.amount}>{eur(s.choice?.priceHt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {needsOtp && (
        <Field label="Code à usage unique AR24" hint="Pour les lettres recommandées qualifiées de la liste." required>
          <Input value={otp} onChange={(_, d) => setOtp(d.value)} autoComplete="one-time-code" />
        </Field>
      )}
      <div className={l.row}>
        <Button appearance="primary" disabled={chosen.length === 0 || (needsOtp && !otp.trim())}
          onClick={() => void send()}>
          Envoyer {chosen.length} courrier{chosen.length > 1 ? "s" : ""} ({eur(total)} HT)
        </Button>
      </div>
      {error && <ErrorState error={error} title="La liste n'est pas partie" />}
    </div>
  );
}

function Progress({ batch }: { batch: Batch }) {
  const l = useLayout();
  return (
    <div className={l.page} aria-live="polite">
      <Title3 as="h1">{batch.done ? "Lot terminé" : "Envoi en cours"} : {batch.settled} / {batch.total}</Title3>
      <ProgressBar value={batch.total ? batch.settled / batch.total : 0} aria-label="Avancement du lot" />
      {batch.done && (
        <Text role="status">Terminé : {batch.total - batch.failed} envoyé(s), {batch.failed} refusé(s).</Text>
      )}
      <ul className={l.list}>
        {batch.entries.map((e) => (
          <li key={e.position} className={l.section} data-testid={`lettre-${e.position}`}>
            <div className={l.spread}>
              <Text>{e.debtor} — {e.reference}</Text>
              {e.dispatchState ? <DispatchBadge state={e.dispatchState} label={e.status} />
                : <Caption1>{e.error ?? e.status}</Caption1>}
            </div>
            {/* Each letter's own bar: waiting (moving), prepared (half), settled or refused (full). */}
            <ProgressBar aria-label={`${e.debtor} : ${e.status}`}
              color={e.state === "Rejected" ? "error" : e.settled ? "success" : "brand"}
              value={e.settled || e.state === "Rejected" ? 1 : e.state === "Planned" ? 0.5 : undefined} />
          </li>
        ))}
      </ul>
    </div>
  );
}
