import { Button, Caption1, Select, Field } from "@fluentui/react-components";
import { lazy, startTransition, Suspense, useCallback, useEffect, useState } from "react";
import { ApiError, answerJson, getJson, sendJson, setSharedMailbox } from "../shared/api";
import { takeEarlyLookup } from "../shared/early";
import { useAction } from "../shared/useAction";
import { onMessageChanged, openMessage, sharedMailbox, type OpenMessage, type SharedMailbox } from "../shared/office";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { mark } from "../shared/timing";
import { useLayout } from "../shared/ui";
import type { ImportedAttachment, MessageCase } from "../shared/types";
import { CaseView, loadCaseSections } from "./CaseView";

/** What to do with an unknown sender (its forms): loaded only when the message matches no case. */
const UnknownSender = lazy(() => import("./UnknownSender").then((m) => ({ default: m.UnknownSender })));

interface Lookup { other: SharedMailbox | null; result: MessageCase }

/** The open message's case, looked up once the session exists, before the pane has rendered (see prefetchCase). */
let prefetched: { restId: string; answer: Promise<Lookup> } | undefined;

async function findCase(message: OpenMessage): Promise<Lookup> {
  // In the demo, the page's first script has sent the look-up already (public/outlook-early.js): taken, not resent.
  const sent = await takeEarlyLookup(message.restId);
  // A message of a shared mailbox or a delegated folder: every call of this pane is for that mailbox.
  const other = sent ? sent.shared : await sharedMailbox();
  setSharedMailbox(other);
  mark("case-requested");
  const result = sent ? await answerJson<MessageCase>(sent.response)
    : await getJson<MessageCase>(`/api/mailbox/messages/${encodeURIComponent(message.restId)}/case`);
  // The rest of the case's view loads while its head renders (not before: it would queue the case's request).
  if (result.firstCase) void loadCaseSections().catch(() => undefined);
  return { other, result };
}

/** Starts the look-up of the open message's case while React mounts the pane (the opening's one Graph read). */
export function prefetchCase() {
  const message = openMessage();
  if (!message) return;
  const answer = findCase(message);
  answer.catch(() => undefined); // the pane shows the error when it takes the answer
  prefetched = { restId: message.restId, answer };
}

/** The prefetched answer for this message, once: a retry or another message reads again. */
function takePrefetched(restId: string): Promise<Lookup> | undefined {
  const taken = prefetched?.restId === restId ? prefetched.answer : undefined;
  prefetched = undefined;
  return taken;
}

/** The pane on the message open in Outlook: its case, or what to do when the sender is unknown. */
export function OutlookPane() {
  const l = useLayout();
  const [message, setMessage] = useState<OpenMessage | null>(() => openMessage());
  const [found, setFound] = useState<MessageCase>();
  const [error, setError] = useState<ApiError>();
  const [chosen, setChosen] = useState<string>();
  const [shared, setShared] = useState<SharedMailbox | null>(null);

  const lookUp = useCallback(async () => {
    setError(undefined);
    setFound(undefined);
    if (!message) return;
    try {
      const { other, result } = await (takePrefetched(message.restId) ?? findCase(message));
      startTransition(() => { // the case's view, the pane's largest render: in slices (see boot.tsx)
        setShared(other);
        setFound(result);
        setChosen(result.cases[0]?.id);
      });
    } catch (e) {
      setError(e as ApiError);
    }
  }, [message]);

  useEffect(() => { void lookUp(); }, [lookUp]);
  useEffect(() => onMessageChanged(() => setMessage(openMessage())), []);

  if (!message) return (
    <EmptyState title="Aucun message ouvert">Ouvrez un message d'un débiteur pour voir son dossier.</EmptyState>
  );
  if (error) return (
    <div className={l.page}><ErrorState error={error} onRetry={() => void lookUp()} title="Dossier introuvable" /></div>
  );
  if (!found) return <Loading label="Recherche du dossier de ce message…" />;
  if (found.cases.length === 0) return (
    <div className={l.page}>
      <Suspense fallback={<Loading label="Recherche du dossier de ce message…" />}>
        <UnknownSender found={found} onLinked={() => void lookUp()} />
      </Suspense>
    </div>
  );
  return (
    <div>
      <div className={l.page}>
        {shared && <Caption1 data-testid="boite-partagee">Message de la boîte {shared.owner}</Caption1>}
        <Caption1>{found.explanation}</Caption1>
        {found.cases.length > 1 && (
          <Field label="Plusieurs dossiers correspondent">
            <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
              {found.cases.map((c) => <option key={c.id} value={c.id}>{c.debtor} — {c.reference}</option>)}
            </Select>
          </Field>
        )}
        {chosen && <AttachmentImport itemId={message.restId} caseId={chosen} />}
      </div>
      {chosen && <CaseView key={chosen} caseId={chosen} initial={found.firstCase ?? undefined} />}
    </div>
  );
}

/** The invoice PDFs attached to the open message, taken into the case on request (once each). */
function AttachmentImport({ itemId, caseId }: { itemId: string; caseId: string }) {
  const [result, setResult] = useState<ImportedAttachment[]>();
  const { error, run } = useAction();
  const take = () => run(async () =>
    setResult(await sendJson<ImportedAttachment[]>("POST",
      `/api/mailbox/messages/${encodeURIComponent(itemId)}/attachments`, { caseId })));
  return (
    <div>
      <Button size="small" onClick={() => void take()}>Ranger les factures jointes au dossier</Button>
      {result && (
        <Caption1 role="status"> {result.length === 0 ? "Aucune pièce jointe PDF."
          : result.map((r) => `${r.fileName} : ${r.imported ? "rangée" : r.reason}`).join(" ; ")}</Caption1>
      )}
      {error && <ErrorState error={error} />}
    </div>
  );
}
