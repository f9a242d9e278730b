import { Button, Caption1, Card, Field, Input, Link, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { download, sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { date, dateTime } from "../shared/format";
import { EmptyState, ErrorState } from "../shared/states";
import { useApi } from "../shared/useApi";
import { DispatchBadge, Section, isSettling, useLayout } from "../shared/ui";
import type { Dispatch, HistoryEntry } from "../shared/types";

const proofNames: Record<string, string> = {
  depot: "Preuve de dépôt", envoi: "Preuve d'envoi", reception: "Preuve de réception", refus: "Preuve de refus",
  negligence: "Preuve de négligence", "non-distribution": "Preuve de non-distribution", lettre: "Courrier envoyé",
};

/** The letters of the case with their live state (read again while one can still change), and their proofs. */
export function DispatchHistory({ caseId, history, actions, onStatesChanged }: {
  caseId: string; history: HistoryEntry[]; actions: number; onStatesChanged: () => void;
}) {
  const l = useLayout();
  const dispatches = useApi<Dispatch[]>(`/api/cases/${caseId}/dispatches`);
  const settling = dispatches.data?.some((d) => isSettling(d.state)) ?? false;
  const { reload } = dispatches;
  useEffect(() => { if (actions > 0) reload(); }, [actions, reload]); // an action may have planned a letter
  // A letter that moved (accepted, refused…) moves the case too: its ladder and history are read again.
  const seen = useRef<string | undefined>(undefined);
  const states = dispatches.data?.map((d) => `${d.id}:${d.state}`).join(",");
  useEffect(() => {
    if (states === undefined) return;
    if (seen.current !== undefined && seen.current !== states) onStatesChanged();
    seen.current = states;
  }, [states, onStatesChanged]);
  useEffect(() => {
    if (!settling) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [settling, reload]);
  return (
    <Section title="Envois et historique" id="historique"
      actions={
        <Link as="button" onClick={() => void download(`/api/cases/${caseId}/evidence`, "dossier-de-preuves.zip")}>
          Dossier de preuves (zip)
        </Link>}>
      {dispatches.error && <ErrorState error={dispatches.error} onRetry={reload} />}
      {dispatches.data?.length === 0 && <EmptyState title="Aucun envoi pour ce dossier" />}
      <ul className={l.list} aria-label="Envois" aria-live="polite">
        {dispatches.data?.map((d) => (
          <li key={d.id}>
            <Card data-testid={`envoi-${d.level}`}>
              <div className={l.spread}>
                <Text weight="semibold">{d.levelName}</Text>
                <DispatchBadge state={d.state} label={d.stateLabel} />
              </div>
              <Caption1>{d.channelReason} — mis à jour le {dateTime(d.updatedAt)}</Caption1>
              {d.mailboxOwner && <Caption1>Depuis la boîte {d.mailboxOwner}</Caption1>}
              {d.failureReason && <Text role="alert">{d.failureReason}</Text>}
              {d.state === "ToPrint" && <Posting dispatch={d} onPosted={reload} />}
              {d.trackingNumber && <Caption1>Suivi La Poste : {d.trackingNumber}</Caption1>}
              {d.state === "Posted"
                && !history.some((h) =>
                  (h.kind === "MiseEnDemeureRecue" || h.kind === "CourrierRecu") && h.level === d.level)
                && <Presentation dispatch={d} onSaved={onStatesChanged} />}
              {d.proofs.length > 0 && (
                <div className={l.row}>
                  {d.proofs.map((p) => (
                    <Link key={p.kind} as="button" onClick={() => void download(p.url, `${p.kind}.pdf`)}>
                      {proofNames[p.kind] ?? p.kind}
                    </Link>
                  ))}
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <ol className={l.list} aria-label="Historique du dossier">
        {[...history].reverse().map((h, i) => (
          <li key={i}><Caption1>{date(h.effectiveOn)} — {h.summary}</Caption1></li>
        ))}
      </ol>
    </Section>
  );
}

/** The postal route: print the letter, post it as a registered letter, then enter La Poste's number. */
function Posting({ dispatch, onPosted }: { dispatch: Dispatch; onPosted: () => void }) {
  const l = useLayout();
  const [number, setNumber] = useState("");
  const { error, run } = useAction();
  const save = () => run(async () => {
    await sendJson("POST", `/api/dispatches/${dispatch.id}/posting`, { trackingNumber: number });
    onPosted();
  });
  return (
    <div className={l.form}>
      <Link as="button" onClick={() => void download(`/api/dispatches/${dispatch.id}/letter`, "courrier.pdf")}>
        Imprimer le courrier (PDF)
      </Link>
      <Field label="Numéro de suivi La Poste du recommandé" validationMessage={error?.message}>
        <Input value={number} onChange={(_, d) => setNumber(d.value)} />
      </Field>
      <Button onClick={() => void save()} disabled={!number.trim()}>Enregistrer le dépôt</Button>
    </div>
  );
}

/**
 * The postal route: the day La Poste first presented the letter; its deadline and, for a notice, legal interest run
 * from it.
 */
function Presentation({ dispatch, onSaved }: { dispatch: Dispatch; onSaved: () => void }) {
  const l = useLayout();
  const [on, setOn] = useState("");
  const { error, run } = useAction();
  const save = () => run(async () => {
    await sendJson("POST", `/api/dispatches/${dispatch.id}/presentation`, { presentedOn: on || null });
    onSaved();
  });
  return (
    <div className={l.form}>
      <Field label="Date de première présentation (avis de réception ou suivi)" validationMessage={error?.message}
        hint="Le délai de paiement court de cette date, et non de l'envoi.">
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Button onClick={() => void save()} disabled={!on}>Enregistrer la présentation</Button>
    </div>
  );
}
