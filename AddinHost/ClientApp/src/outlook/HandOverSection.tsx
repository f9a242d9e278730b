import { Badge, Caption1, Field, Select, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { dateTime } from "../shared/format";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import { CommissaireField } from "./CommissaireField";
import type { HandOver, OrderCandidate } from "./judicialTypes";

/**
 * The order and the court file handed to a commissaire de justice for service: one e-mail from the lawyer's mailbox,
 * sent once by the host; its state as the outbox reports it.
 */
export function HandOverSection({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const l = useLayout();
  const handOvers = useApi<HandOver[]>(`/api/cases/${caseId}/judiciaire/remises`);
  const last = handOvers.data?.[handOvers.data.length - 1];
  return (
    <div className={l.section} data-testid="remise-commissaire">
      <Text weight="semibold">Remise au commissaire de justice</Text>
      <ul className={l.list}>
        {handOvers.data?.map((h) => (
          <li key={h.id} className={l.spread}>
            <Caption1>
              {h.toName} ({h.toEmail}) — {dateTime(h.sentAt ?? h.createdAt)}
              {h.failureReason ? ` — ${h.failureReason}` : ""}
            </Caption1>
            <Badge appearance="tint" data-state={h.state}
              color={h.state === "Sent" ? "success" : h.state === "Failed" ? "danger" : "informative"}>
              {h.stateLabel}
            </Badge>
          </li>
        ))}
      </ul>
      {(!last || last.state === "Failed") && (
        <div className={l.row}>
          <HandOverDialog caseId={caseId} onDone={() => { handOvers.reload(); onDone(); }} />
        </div>
      )}
    </div>
  );
}

function HandOverDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const documents = useApi<OrderCandidate[]>(`/api/cases/${caseId}/judiciaire/remise/documents`);
  const [commissaireId, setCommissaireId] = useState("");
  const [orderDocumentId, setOrderDocumentId] = useState("");
  const [message, setMessage] = useState("");
  return (
    <FormDialog trigger="Remettre au commissaire de justice" title="Remise pour signification (art. 1411 CPC)"
      submitLabel="Envoyer la remise"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${caseId}/judiciaire/remise`, {
          commissaireId: commissaireId || null, orderDocumentId: orderDocumentId || null, message: message || null,
        });
        onDone();
      }}>
      <Caption1>
        Un courriel part de votre boîte aux lettres, une seule fois, avec l'ordonnance et le dossier (requête, pièces
        numérotées, manifeste).
      </Caption1>
      <CommissaireField value={commissaireId} onChange={setCommissaireId} />
      <Field label="Ordonnance" hint="Importez d'abord la pièce jointe du courriel du greffe dans le dossier.">
        <Select value={orderDocumentId} onChange={(_, d) => setOrderDocumentId(d.value)}>
          <option value="">Choisir</option>
          {documents.data?.map((d) => <option key={d.id} value={d.id}>{d.fileName}</option>)}
        </Select>
      </Field>
      <Field label="Message (facultatif)">
        <Textarea value={message} onChange={(_, d) => setMessage(d.value)} />
      </Field>
    </FormDialog>
  );
}
