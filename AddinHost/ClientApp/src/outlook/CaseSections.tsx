import { Divider } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { Loading } from "../shared/states";
import type { CaseDetails } from "../shared/types";
import { CaseActions } from "./CaseActions";
import { DebtorMessagesList } from "./DebtorMessagesList";
import { Deadlines } from "./Deadlines";
import { DispatchHistory } from "./DispatchHistory";
import { Invoices } from "./Invoices";
import { LadderView } from "./LadderView";
import { LegalFile } from "./LegalFile";

/** The judicial phase: a chunk of its own, loaded only for a case at that step. */
const JudicialPhase = lazy(() => import("./JudicialPhase"));

/** At the judicial step: the ladder's next or last step is the lawyer's decision. */
const atJudicialStep = (c: CaseDetails) => {
  const { ladder } = c;
  const level = ladder.next?.level ?? ladder.lastLevel;
  return level != null && ladder.levels[level]?.channel === "Decision";
};

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
      {atJudicialStep(c) && (
        <>
          <Suspense fallback={<Loading label="Chargement de la phase judiciaire…" />}>
            <JudicialPhase caseId={c.id} onChanged={onAction} />
          </Suspense>
          <Divider />
        </>
      )}
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
