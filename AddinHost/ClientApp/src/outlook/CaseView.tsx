import { Badge, Caption1, Title3 } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useLayoutEffect, useState } from "react";
import { releaseEarlyView } from "../shared/early";
import { mark } from "../shared/timing";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { CaseDetails } from "../shared/types";
import { AmountDue } from "./AmountDue";

/** The sections below the amount due, with their dialogs: a chunk of their own, loaded while the case is read. */
export const loadCaseSections = () => import("./CaseSections");
const CaseSections = lazy(loadCaseSections);

/**
 * One recovery case: the debtor and the money first, then the ladder, the actions, the letters, the messages and the
 * deadlines (CaseSections).
 */
export function CaseView({ caseId, initial }: { caseId: string; initial?: CaseDetails }) {
  const l = useLayout();
  // An action re-reads the case and its letters; a letter changing state re-reads the case only. The case that came
  // with the message's answer is shown at once.
  const details = useApi<CaseDetails>(`/api/cases/${caseId}`, initial?.id === caseId ? initial : undefined);
  const [actions, setActions] = useState(0);
  const reloadCase = details.reload;
  const shown = details.data !== undefined;
  // The head of the case (debtor, amount due) is painted first; the rest, with its own requests, right after.
  const [full, setFull] = useState(false);
  // The head the Outlook page's first script wrote gives way to this one in the same frame (no flash, one h1).
  useLayoutEffect(() => { if (shown) releaseEarlyView(); }, [shown]);
  useEffect(() => {
    if (!shown) return;
    mark("case-painted");
    let timer = 0;
    const frame = requestAnimationFrame(() => { timer = window.setTimeout(() => setFull(true), 0); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [shown]);
  if (details.loading && !details.data) return <Loading label="Ouverture du dossier…" />;
  if (details.error && !details.data) return <ErrorState error={details.error} onRetry={details.reload} />;
  const c = details.data!;
  return (
    <article className={l.page} aria-labelledby="debiteur" data-testid="dossier">
      <header className={l.section}>
        <Title3 as="h1" id="debiteur">{c.debtor.name}</Title3>
        <div className={l.row}>
          <Badge appearance="outline">{c.debtor.kind}</Badge>
          <Caption1>Dossier {c.reference} — créancier : {c.creditor.name}</Caption1>
        </div>
        {c.debtor.email && <Caption1>{c.debtor.email}</Caption1>}
      </header>
      <AmountDue details={c} />
      {full && (
        <Suspense fallback={<Loading label="Chargement du dossier…" />}>
          <CaseSections details={c} actions={actions} reloadCase={reloadCase}
            onAction={() => { reloadCase(); setActions((n) => n + 1); }} />
        </Suspense>
      )}
    </article>
  );
}
