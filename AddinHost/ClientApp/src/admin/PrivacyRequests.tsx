import {
  Badge, Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { download, getJson, sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { date } from "../shared/format";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { CaseDetails, CaseSummary, ErasureCase, ErasurePlan, ErasureReport } from "../shared/types";

/**
 * A debtor's data-protection requests: the right of access (export) and erasure, which keeps what evidence
 * requires.
 */
export function PrivacyRequests() {
  const l = useLayout();
  const cases = useApi<CaseSummary[]>("/api/cases");
  const [caseId, setCaseId] = useState("");
  const [debtor, setDebtor] = useState<{ id: string; name: string }>();
  const [report, setReport] = useState<ErasureReport>();
  const plan = useApi<ErasurePlan>(debtor ? `/api/debtors/${debtor.id}/erasure` : null);

  const choose = async (id: string) => {
    setCaseId(id);
    setDebtor(undefined);
    setReport(undefined);
    if (id) setDebtor((await getJson<CaseDetails>(`/api/cases/${id}`)).debtor);
  };
  const erase = async () => {
    setReport(await sendJson<ErasureReport>("POST", `/api/debtors/${debtor!.id}/erasure`));
    setCaseId("");
    setDebtor(undefined);
    cases.reload();
  };

  if (cases.loading && !cases.data) return <Loading />;
  return (
    <div className={l.form}>
      {cases.error && <ErrorState error={cases.error} onRetry={cases.reload} />}
      <Field label="Débiteur (choisi par l'un de ses dossiers)">
        <Select value={caseId} onChange={(_, d) => void choose(d.value)}>
          <option value="">Choisir un dossier</option>
          {cases.data?.map((c) => <option key={c.id} value={c.id}>{c.debtor} — {c.reference} ({c.creditor})</option>)}
        </Select>
      </Field>
      {report && <ErasureDone report={report} />}
      {debtor && (
        <Section title={debtor.name} id="donnees-debiteur" actions={
          <Button size="small"
            onClick={() => void download(`/api/debtors/${debtor.id}/export`, "export-debiteur.json")}>
            Exporter ses données (droit d'accès)
          </Button>}>
          {plan.loading && !plan.data && <Loading label="Examen des durées de conservation…" />}
          {plan.error && <ErrorState error={plan.error} onRetry={plan.reload} />}
          {plan.data && (
            <>
              <Text>Examen au {date(plan.data.asOf)} :</Text>
              <ul className={l.list} aria-label="Dossiers du débiteur">
                {plan.data.cases.map((c) => <CaseRetention key={c.caseId} item={c} />)}
              </ul>
              <ul className={l.list} aria-label="Hors de l'application">
                {plan.data.outsideTheApp.map((n) => <li key={n}><Caption1>{n}</Caption1></li>)}
              </ul>
              {plan.data.cases.some((c) => c.erasable) || plan.data.cases.length === 0 ? (
                <div className={l.row}>
                  <FormDialog trigger="Effacer ce qui peut l'être" title="Effacer les données du débiteur"
                    submitLabel="Effacer définitivement" onSubmit={erase}>
                    <Text>
                      {plan.data.cases.filter((c) => c.erasable).length} dossier(s) seront effacés avec leurs
                      courriers et leurs preuves, sans retour possible.
                      {plan.data.debtorErasable ? " Le débiteur sera effacé aussi."
                        : " Les dossiers à conserver et l'identité du débiteur restent."}
                    </Text>
                  </FormDialog>
                </div>
              ) : (
                <MessageBar intent="warning" role="status">
                  <MessageBarBody>
                    <MessageBarTitle>Rien ne peut être effacé aujourd'hui</MessageBarTitle>
                    Répondez au débiteur que ses données sont conservées pour les motifs et jusqu'aux dates
                    ci-dessus (RGPD art. 17.3.e).
                  </MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
        </Section>
      )}
    </div>
  );
}

function CaseRetention({ item }: { item: ErasureCase }) {
  return (
    <li>
      <Text weight="semibold">{item.reference}</Text>{" "}
      {item.erasable ? <Badge color="success">Effaçable</Badge> : <Badge color="warning">À conserver</Badge>}
      <ul>
        {item.holds.map((h) => (
          <li key={h.data}><Text>{h.data} : {h.reason} </Text><Caption1>À conserver {h.untilText}.</Caption1></li>
        ))}
      </ul>
    </li>
  );
}

function ErasureDone({ report }: { report: ErasureReport }) {
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>
        <MessageBarTitle>Effacement effectué</MessageBarTitle>
        Dossiers effacés : {report.erasedCases.join(", ") || "aucun"}.
        {report.debtorErased ? " Le débiteur a été effacé."
          : ` Conservés : ${report.keptCases.map((c) => c.reference).join(", ")}.`}
      </MessageBarBody>
    </MessageBar>
  );
}
