import { Badge, Caption1, Divider, Title3 } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { CaseDetails } from "../shared/types";
import { AmountDue } from "./AmountDue";
import { CaseActions } from "./CaseActions";
import { DebtorMessagesList } from "./DebtorMessagesList";
import { Deadlines } from "./Deadlines";
import { DispatchHistory } from "./DispatchHistory";
import { Invoices } from "./Invoices";
import { LadderView } from "./LadderView";
import { LegalFile } from "./LegalFile";

/** One recovery case: the debtor, the money, the ladder, the actions, the letters, the messages and the deadlines. */
export function CaseView({ caseId }: { caseId: string }) {
  const l = useLayout();
  // An action re-reads the case and its letters; a letter changing state re-reads the case only.
  const details = useApi<CaseDetails>(`/api/cases/${caseId}`);
  const [actions, setActions] = useState(0);
  const reloadCase = details.reload;
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
      <CaseActions details={c} onChanged={() => { reloadCase(); setActions((n) => n + 1); }} />
      <LadderView details={c} />
      <Divider />
      <LegalFile details={c} onChanged={reloadCase} />
      <Divider />
      <Invoices details={c} onChanged={reloadCase} />
      <Divider />
      <DispatchHistory caseId={c.id} history={c.history} actions={actions} onStatesChanged={reloadCase} />
      <Divider />
      <DebtorMessagesList caseId={c.id} />
      <Divider />
      <Deadlines caseId={c.id} />
    </article>
  );
}
