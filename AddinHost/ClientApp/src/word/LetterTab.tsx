import {
  Button, Caption1, Combobox, Field, MessageBar, MessageBarBody, Option, Select, Text,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ApiError, download, postForBlob, sendJson } from "../shared/api";
import { eur } from "../shared/format";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { CaseSummary, GeneratedLetter, TemplateInfo } from "../shared/types";
import { saveBlob } from "../shared/saveBlob";
import { insertLetter } from "./document";

const templateNames: Record<string, string> = {
  "relance-1": "Relance 1 (amiable)", "relance-2": "Relance 2 (ferme)", "mise-en-demeure": "Mise en demeure",
  "requete-injonction-de-payer": "Requête en injonction de payer",
};

/** The requête is merged by the judicial phase (court, bordereau), from the route and the court the lawyer chose. */
const requete = "requete-injonction-de-payer";

/**
 * The small-claims proposal names the commissaire the lawyer chooses in the Outlook pane's judicial phase: not
 * here.
 */
const outlookOnly = new Set(["invitation-petites-creances"]);

/** The secretary's work: a case, a template, the merged letter in the document, then the PDF or the lawyer. */
export function LetterTab() {
  const l = useLayout();
  const cases = useApi<CaseSummary[]>("/api/cases");
  const templates = useApi<TemplateInfo[]>("/api/templates");
  const [query, setQuery] = useState("");
  const [caseId, setCaseId] = useState<string>();
  const [template, setTemplate] = useState("");
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<ApiError | Error>();
  const matching = useMemo(() => {
    const q = query.trim().toLocaleLowerCase("fr");
    return (cases.data ?? [])
      .filter((c) => !q || `${c.debtor} ${c.reference} ${c.creditor}`.toLocaleLowerCase("fr").includes(q))
      .slice(0, 50);
  }, [cases.data, query]);
  const chosen = cases.data?.find((c) => c.id === caseId);

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await work());
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  const request = () => ({ template, format: "docx" });
  const isRequete = template === requete;
  const insert = () => run("insertion", async () => {
    const merged = isRequete
      ? await postForBlob(`/api/cases/${caseId}/judiciaire/requete`, { format: "docx" })
      : await postForBlob(`/api/cases/${caseId}/letters/preview`, request());
    const text = await insertLetter(merged);
    return `Courrier inséré (${text.trim().split(/\s+/).length} mots). Relisez-le avant de l'enregistrer.`;
  });
  const pdf = () => run("pdf", async () => {
    if (isRequete) {
      saveBlob(await postForBlob(`/api/cases/${caseId}/judiciaire/requete`, { format: "pdf" }),
        `${chosen?.reference ?? "dossier"}-requete-injonction.pdf`);
      return "Requête générée en PDF (à signer et déposer au greffe avec le dossier des pièces).";
    }
    const letter = await sendJson<GeneratedLetter>("POST", `/api/cases/${caseId}/letters`, { template, format: "pdf" });
    await download(`/api/cases/${caseId}/letters/${letter.id}`, letter.fileName);
    return `PDF enregistré au dossier (${letter.fileName}).`;
  });
  const toLawyer = () => run("avocat", async () => {
    const letter = await sendJson<GeneratedLetter>("POST", `/api/cases/${caseId}/letters`, request());
    return `Courrier rangé au dossier (${letter.fileName}) : `
      + "l'avocat le retrouve dans le volet Outlook pour l'envoyer.";
  });

  if (cases.loading && !cases.data) return <Loading label="Chargement des dossiers…" />;
  if (cases.error) return <ErrorState error={cases.error} onRetry={cases.reload} />;
  if (cases.data?.length === 0) return (
    <EmptyState title="Aucun dossier">Importez les factures impayées pour ouvrir des dossiers.</EmptyState>
  );
  return (
    <div className={l.form}>
      <Field label="Dossier" hint="Nom du débiteur, référence ou créancier">
        <Combobox freeform placeholder="Rechercher un dossier" value={query}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => { setCaseId(d.optionValue); setQuery(d.optionText ?? ""); }}>
          {matching.map((c) => (
            <Option key={c.id} value={c.id} text={`${c.debtor} — ${c.reference}`}>{c.debtor} — {c.reference}</Option>
          ))}
        </Combobox>
      </Field>
      {chosen && (
        <Caption1>
          {chosen.creditor} — {eur(chosen.total)} dus — prochaine étape : {chosen.nextStep ?? "aucune"}
        </Caption1>
      )}
      <Field label="Modèle">
        <Select value={template} onChange={(_, d) => setTemplate(d.value)}>
          <option value="">Choisir un modèle</option>
          {templates.data?.filter((t) => !outlookOnly.has(t.name)).map((t) => (
            <option key={t.name} value={t.name}>{templateNames[t.name] ?? t.name}</option>
          ))}
        </Select>
      </Field>
      <div className={l.row}>
        <Button appearance="primary" disabled={!caseId || !template || !!busy} onClick={() => void insert()}>
          {busy === "insertion" ? "Insertion…" : "Insérer le courrier"}
        </Button>
        <Button disabled={!caseId || !template || !!busy} onClick={() => void pdf()}>
          {busy === "pdf" ? "Génération…" : "Générer le PDF"}
        </Button>
        <Button disabled={!caseId || !template || isRequete || !!busy} onClick={() => void toLawyer()}>
          Transmettre à l'avocat
        </Button>
      </div>
      {isRequete && (
        <Caption1>
          La requête reprend la voie et la juridiction choisies par l'avocat dans la phase judiciaire du volet Outlook,
          où il télécharge aussi le dossier des pièces.
        </Caption1>
      )}
      {done && (
        <MessageBar intent="success" role="status"><MessageBarBody><Text>{done}</Text></MessageBarBody></MessageBar>
      )}
      {error && <ErrorState error={error} title="Le courrier n'a pas pu être préparé" />}
    </div>
  );
}
