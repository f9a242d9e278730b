import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input,
  MessageBar, MessageBarBody, MessageBarTitle, Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { date, eur } from "../shared/format";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { Dispatch, DispatchPreview } from "../shared/types";

/**
 * Sending the next step: the confirmation says the channel, why, and the cost before anything leaves. Sending twice
 * gives back the same dispatch, never a second letter.
 */
export function SendStepDialog({ caseId, stepName, onSent }: {
  caseId: string; stepName: string; onSent: (d: Dispatch) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">Envoyer « {stepName} »</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        {/* Title and buttons stay mounted while the preview loads: focus lands on them and stays in the dialog,
            so Fluent's focus trap keeps the dialog, not the page behind it, visible to screen readers. */}
        <DialogBody>
          <DialogTitle>Envoyer « {stepName} »</DialogTitle>
          {open && <Confirmation caseId={caseId} onDone={(d) => { setOpen(false); onSent(d); }} />}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Confirmation({ caseId, onDone }: { caseId: string; onDone: (d: Dispatch) => void }) {
  const l = useLayout();
  const preview = useApi<DispatchPreview>(`/api/cases/${caseId}/dispatches/next`);
  const [otp, setOtp] = useState("");
  // A qualified LRE is handed to a person AR24 identifies: for a company, the lawyer names who receives it.
  const [recipient, setRecipient] = useState({ firstname: "", lastname: "" });
  const { busy, error, run } = useAction();
  const p = preview.data;
  const send = () => run(async () => onDone(await sendJson<Dispatch>("POST", `/api/cases/${caseId}/dispatches`, {
    level: p!.level, otp: p!.choice.needsOtp ? otp : null,
    recipientFirstname: recipient.firstname.trim() || null, recipientLastname: recipient.lastname.trim() || null,
  })));
  return (
    <>
      <DialogContent className={l.form}>
        {!p && preview.loading && <Loading label="Préparation de l'envoi…" />}
        {!p && preview.error && <ErrorState error={preview.error} onRetry={preview.reload} />}
        {p && (
          <>
            {p.simulation && <Text weight="semibold">{p.simulation}</Text>}
            <dl className={l.list} data-testid="confirmation">
              <div className={l.spread}><dt>Canal</dt><dd>{p.choice.channelLabel}</dd></div>
              <div className={l.spread}><dt>Coût</dt><dd className={l.amount}>{eur(p.choice.priceHt)} HT</dd></div>
              <div className={l.spread}><dt>Prévue le</dt><dd>{date(p.dueOn)}</dd></div>
              {p.senderEmail && <div className={l.spread}><dt>Expéditeur</dt><dd>{p.senderEmail}</dd></div>}
            </dl>
            <Text>{p.choice.explanation}</Text>
            {p.existing && (
              <Text>
                Cette étape a déjà un envoi ({p.existing.stateLabel}) : le confirmer ne crée pas de second courrier.
              </Text>
            )}
            {p.senderProblem && (
              <MessageBar intent="warning" role="status">
                <MessageBarBody>
                  <MessageBarTitle>Expéditeur AR24 non actif</MessageBarTitle>{p.senderProblem}.
                </MessageBarBody>
              </MessageBar>
            )}
            {p.choice.needsOtp && (
              <Field label="Code à usage unique AR24" required
                hint="Le code reçu de AR24 pour signer la lettre recommandée qualifiée.">
                <Input value={otp} onChange={(_, d) => setOtp(d.value)} inputMode="numeric"
                  autoComplete="one-time-code" />
              </Field>
            )}
            {p.choice.needsOtp && (
              <div className={l.row}>
                <Field label="Prénom de la personne qui reçoit"
                  hint="Pour une société : son représentant, qu'AR24 identifie.">
                  <Input value={recipient.firstname}
                    onChange={(_, d) => setRecipient({ ...recipient, firstname: d.value })} />
                </Field>
                <Field label="Nom de la personne qui reçoit">
                  <Input value={recipient.lastname}
                    onChange={(_, d) => setRecipient({ ...recipient, lastname: d.value })} />
                </Field>
              </div>
            )}
            {error && <ErrorState error={error} title="L'envoi n'est pas parti" />}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <DialogTrigger disableButtonEnhancement><Button>Annuler</Button></DialogTrigger>
        <Button appearance="primary" onClick={send}
          disabled={!p || busy || !!p.senderProblem || (p.choice.needsOtp && !otp.trim())}>
          {busy ? "Envoi…" : p ? `Confirmer l'envoi (${eur(p.choice.priceHt)} HT)` : "Confirmer l'envoi"}
        </Button>
      </DialogActions>
    </>
  );
}
