import { Badge, Button, Caption1, Field, Input, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { postForBlob, sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { date } from "../shared/format";
import { ErrorState } from "../shared/states";
import { useLayout } from "../shared/ui";
import { saveBlob } from "../shared/saveBlob";
import { useAction } from "../shared/useAction";
import { CommissaireField } from "./CommissaireField";
import type { JudicialView } from "./judicialTypes";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

/**
 * The small-claims procedure (CPCE L.125-1, R.125-1, R.125-2): the commissaire de justice chosen, the firm's letter
 * proposing it (generated once, the invitation recorded with it), then the debtor's answer within a month (silence is
 * a refusal) and the title the commissaire issues.
 */
export function SmallClaimsSection({ view: v, onDone }: { view: JudicialView; onDone: () => void }) {
  const l = useLayout();
  const s = v.smallClaims;
  return (
    <div className={l.section} data-testid="petites-creances">
      <Text weight="semibold">Petites créances</Text>
      {!s ? <Invitation view={v} onDone={onDone} /> : (
        <>
          <Line label="Invitation">{`${date(s.invitedOn!)} — ${s.commissaire ?? ""}`}</Line>
          <Line label="Réponse attendue au plus tard le">{date(s.answerBy!)}</Line>
          <div className={l.spread}>
            <Caption1>Réponse du débiteur</Caption1>
            <Badge appearance="tint" data-testid="reponse-petites-creances"
              color={s.answer.startsWith("accord") ? "success"
                : s.answer.startsWith("refus") ? "danger" : "informative"}>
              {s.answer}{s.answeredOn ? ` (${date(s.answeredOn)})` : ""}
            </Badge>
          </div>
          {s.titleOn && (
            <Line label="Titre exécutoire">
              {`${date(s.titleOn)}${s.titleReference ? ` — n° ${s.titleReference}` : ""}`}
            </Line>
          )}
          <Caption1 as="p" style={{ margin: 0 }}>{s.rule}</Caption1>
          <div className={l.row}>
            <Letter view={v} label="Courrier d'invitation (Word)" format="docx" onDone={onDone} />
            {s.answer === "réponse attendue" && <AnswerDialog caseId={v.caseId} onDone={onDone} />}
            {s.answer.startsWith("accord") && !s.titleOn && <TitleDialog caseId={v.caseId} onDone={onDone} />}
          </div>
        </>
      )}
    </div>
  );
}

function Line({ label, children }: { label: string; children: string }) {
  const l = useLayout();
  return <div className={l.spread}><Caption1>{label}</Caption1><Text>{children}</Text></div>;
}

/** Before the invitation: the commissaire to choose, and the letter in Word or PDF. */
function Invitation({ view: v, onDone }: { view: JudicialView; onDone: () => void }) {
  const l = useLayout();
  const [commissaireId, setCommissaireId] = useState("");
  return (
    <>
      <Caption1>
        Le cabinet propose au débiteur la procédure simplifiée conduite par un commissaire de justice : un courrier
        indique le montant en principal et intérêts, le commissaire mandaté, le délai d'un mois pour accepter (le
        silence vaut refus) et les frais à la charge du créancier. Le générer enregistre l'invitation, une seule
        fois.
      </Caption1>
      <CommissaireField value={commissaireId} onChange={setCommissaireId} />
      <div className={l.row} role="group" aria-label="Courrier d'invitation">
        <Letter view={v} commissaireId={commissaireId} label="Générer l'invitation (Word)" format="docx"
          onDone={onDone} />
        <Letter view={v} commissaireId={commissaireId} label="Générer l'invitation (PDF)" format="pdf"
          onDone={onDone} />
      </div>
    </>
  );
}

function Letter({ view: v, commissaireId, label, format, onDone }: {
  view: JudicialView; commissaireId?: string; label: string; format: "docx" | "pdf"; onDone: () => void;
}) {
  const { busy, error, run } = useAction();
  const generate = () => run(async () => {
    const blob = await postForBlob(`/api/cases/${v.caseId}/judiciaire/petites-creances/invitation`,
      { commissaireId: commissaireId || null, format });
    // Asked again, the host returns the letter made the first time, in its own format.
    const extension = blob.type === "application/pdf" ? "pdf" : "docx";
    saveBlob(blob, `${v.reference}-invitation-petites-creances.${extension}`);
    onDone();
  });
  return (
    <>
      <Button onClick={() => void generate()} disabled={busy}>{busy ? "Préparation du courrier…" : label}</Button>
      {error && <ErrorState error={error} title="Courrier non généré" />}
    </>
  );
}

function AnswerDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [kind, setKind] = useState<"Accord" | "Refus">("Accord");
  const [on, setOn] = useState(today());
  return (
    <FormDialog trigger="Enregistrer la réponse" title="Réponse du débiteur" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${caseId}/judiciaire/petites-creances`, { kind, on: on || null });
        onDone();
      }}>
      <Caption1>Le débiteur a un mois pour accepter ; passé ce délai, son silence vaut refus.</Caption1>
      <Field label="Réponse">
        <Select value={kind} onChange={(_, d) => setKind(d.value as "Accord" | "Refus")}>
          <option value="Accord">Accord du débiteur</option>
          <option value="Refus">Refus du débiteur</option>
        </Select>
      </Field>
      <Field label="Date de la réponse" required>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
    </FormDialog>
  );
}

function TitleDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [on, setOn] = useState(today());
  const [reference, setReference] = useState("");
  return (
    <FormDialog trigger="Enregistrer le titre" title="Titre exécutoire délivré par le commissaire de justice"
      submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${caseId}/judiciaire/petites-creances`,
          { kind: "Titre", on: on || null, reference: reference || null });
        onDone();
      }}>
      <Caption1>
        Ce titre n'est pas une décision de justice : ni le délai de dix ans ni la majoration de cinq points du taux
        légal ne s'y appliquent.
      </Caption1>
      <Field label="Date du titre" required>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="Référence du titre">
        <Input value={reference} onChange={(_, d) => setReference(d.value)} />
      </Field>
    </FormDialog>
  );
}
