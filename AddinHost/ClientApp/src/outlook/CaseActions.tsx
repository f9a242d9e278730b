import { Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { useLayout } from "../shared/ui";
import type { CaseDetails, Dispatch, PauseKind } from "../shared/types";
import { FormDialog } from "../shared/FormDialog";
import { SendStepDialog } from "./SendStepDialog";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

/** What the lawyer does from the pane: send the next step, pause the case, record a payment. */
export function CaseActions({ details, onChanged }: { details: CaseDetails; onChanged: (sent?: Dispatch) => void }) {
  const l = useLayout();
  const next = details.ladder.next;
  return (
    <div className={l.row} role="group" aria-label="Actions sur le dossier">
      {next && !next.blockedBy && (
        <SendStepDialog caseId={details.id} stepName={next.name} onSent={(d) => onChanged(d)} />
      )}
      <PauseDialog caseId={details.id} onDone={() => onChanged()} />
      <PaymentDialog details={details} onDone={() => onChanged()} />
      <AcknowledgementDialog details={details} onDone={() => onChanged()} />
    </div>
  );
}

function PauseDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [kind, setKind] = useState<PauseKind>("Litige");
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  return (
    <FormDialog trigger="Mettre en pause" title="Mettre le dossier en pause" submitLabel="Mettre en pause"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${caseId}/pauses`, { kind, until: until || null, reason: reason || null });
        onDone();
      }}>
      <Field label="Motif">
        <Select value={kind} onChange={(_, d) => setKind(d.value as PauseKind)}>
          <option value="Litige">Litige (contestation du débiteur)</option>
          <option value="PromesseDePaiement">Promesse de paiement</option>
          <option value="Echeancier">Échéancier accordé</option>
          <option value="Suspension">Suspension</option>
        </Select>
      </Field>
      <Field label="Jusqu'au"
        hint={kind === "PromesseDePaiement" ? "La date promise : elle est inscrite au calendrier." : "Facultatif."}
        required={kind === "PromesseDePaiement"}>
        <Input type="date" value={until} onChange={(_, d) => setUntil(d.value)} />
      </Field>
      <Field label="Précisions"><Textarea value={reason} onChange={(_, d) => setReason(d.value)} /></Field>
    </FormDialog>
  );
}

function PaymentDialog({ details, onDone }: { details: CaseDetails; onDone: () => void }) {
  const [on, setOn] = useState(today());
  const [amount, setAmount] = useState("");
  const [invoiceId, setInvoiceId] = useState("");
  const [reference, setReference] = useState("");
  return (
    <FormDialog trigger="Enregistrer un règlement" title="Enregistrer un règlement" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${details.id}/payments`, {
          date: on, amount: amount === "" ? null : Number(amount.replace(/\s/g, "").replace(",", ".")),
          invoiceId: invoiceId || null, reference: reference || null,
        });
        onDone();
      }}>
      <Field label="Date du règlement" required>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="Montant (€)" required>
        <Input inputMode="decimal" value={amount} onChange={(_, d) => setAmount(d.value)} />
      </Field>
      <Field label="Facture" hint="Sans choix, l'imputation légale s'applique (Code civil, art. 1342-10 et 1343-1).">
        <Select value={invoiceId} onChange={(_, d) => setInvoiceId(d.value)}>
          <option value="">Imputation légale</option>
          {details.invoices.map((i) => <option key={i.id} value={i.id}>{i.number}</option>)}
        </Select>
      </Field>
      <Field label="Référence"><Input value={reference} onChange={(_, d) => setReference(d.value)} /></Field>
    </FormDialog>
  );
}

/** C. civ. 2240: an acknowledgement restarts prescription for the debts it names, and only those. */
function AcknowledgementDialog({ details, onDone }: { details: CaseDetails; onDone: () => void }) {
  const [on, setOn] = useState(today());
  const [note, setNote] = useState("");
  const [named, setNamed] = useState<string[]>([]);
  const toggle = (id: string, checked: boolean) => setNamed((n) => (checked ? [...n, id] : n.filter((x) => x !== id)));
  return (
    <FormDialog trigger="Reconnaissance de dette" title="Enregistrer une reconnaissance de dette"
      submitLabel="Enregistrer" onSubmit={async () => {
        await sendJson("POST", `/api/cases/${details.id}/acknowledgements`,
          { date: on, note: note || null, invoiceIds: named });
        onDone();
      }}>
      <Field label="Date" required><Input type="date" value={on} onChange={(_, d) => setOn(d.value)} /></Field>
      <Field label="Factures reconnues"
        hint={"La prescription ne repart que pour celles-ci (Code civil, art. 2240). "
          + "Aucune cochée : toute la dette du dossier."}>
        <div role="group" aria-label="Factures reconnues">
          {details.invoices.map((i) => (
            <Checkbox key={i.id} label={i.number} checked={named.includes(i.id)}
              onChange={(_, d) => toggle(i.id, d.checked === true)} />
          ))}
        </div>
      </Field>
      <Field label="Précisions" hint="Par exemple : courriel du débiteur du 12/05.">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
    </FormDialog>
  );
}
