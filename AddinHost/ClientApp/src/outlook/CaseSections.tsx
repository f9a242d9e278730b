import { Divider } from "@fluentui/react-components";
import type { CaseDetails } from "../shared/types";
import { CaseActions } from "./CaseActions";
import { DebtorMessagesList } from "./DebtorMessagesList";
import { Deadlines } from "./Deadlines";
import { DispatchHistory } from "./DispatchHistory";
import { Invoices } from "./Invoices";
import { LadderView } from "./LadderView";
import { LegalFile } from "./LegalFile";

/**
 * The case below its head: the actions, the ladder, the legal file, the invoices, the letters, the debtor's messages
 * and the deadlines. Its own chunk (with the dialogs and tables it needs), so the pane's first view parses less.
 */
export default function CaseSections({ details: c, actions, reloadCase, onAction }:
  { details: CaseDetails; actions: number; reloadCase: () => void; onAction: () => void }) {
  return (
    <>
      <CaseActions details={c} onChanged={onAction} />
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
    </>
  );
}
