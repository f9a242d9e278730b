// Office.js, when the page runs inside Outlook or Word; in a plain browser (batch and admin pages) there is none.

export type Host = "Outlook" | "Word" | null;

/** Resolves once Office.js has started, with the host it runs in; null outside Office (or without office.js). */
export function officeReady(timeoutMs = 10_000): Promise<Host> {
  if (typeof Office === "undefined" || !Office.onReady) return Promise.resolve(null);
  return Promise.race([
    Office.onReady().then((info) =>
      (info.host === Office.HostType.Outlook ? "Outlook" : info.host === Office.HostType.Word ? "Word" : null)),
    new Promise<Host>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
}

export interface OpenMessage {
  restId: string; subject: string | null; fromAddress: string | null; fromName: string | null;
}

/** The message open in Outlook, with the id Graph's REST API knows it by. */
export function openMessage(): OpenMessage | null {
  const mailbox = Office.context?.mailbox;
  const item = mailbox?.item as Office.MessageRead | undefined;
  if (!item?.itemId) return null;
  const restId = mailbox.diagnostics?.hostName === "OutlookIOS" || mailbox.diagnostics?.hostName === "OutlookAndroid"
    ? item.itemId // mobile hosts already give the REST id
    : mailbox.convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0);
  return {
    restId, subject: item.subject ?? null, fromAddress: item.from?.emailAddress ?? null,
    fromName: item.from?.displayName ?? null,
  };
}

/** The other mailbox the open message is in: its owner's address and the user's folder rights there (a bit mask). */
export interface SharedMailbox { owner: string; permissions: number }

/**
 * The shared mailbox or delegated folder the open message is in (getSharedPropertiesAsync, Mailbox 1.8 and 1.13);
 * null for the user's own mailbox. Outlook on phones has no such API (nor shared items): null there too. Some clients
 * lack the method on the user's own items, others answer "failed": both mean the user's own mailbox.
 */
export function sharedMailbox(): Promise<SharedMailbox | null> {
  const mailbox = Office.context?.mailbox;
  const item = mailbox?.item as Office.MessageRead | undefined;
  const host = mailbox?.diagnostics?.hostName;
  const phone = host === "OutlookIOS" || host === "OutlookAndroid";
  if (!item || phone || typeof item.getSharedPropertiesAsync !== "function") return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      item.getSharedPropertiesAsync((result) => {
        const value = result.status === Office.AsyncResultStatus.Succeeded ? result.value : undefined;
        resolve(value?.owner ? { owner: value.owner, permissions: Number(value.delegatePermissions) || 0 } : null);
      });
    } catch {
      resolve(null);
    }
  });
}

/** Calls back when the user opens another message with the pane pinned. */
export function onMessageChanged(callback: () => void) {
  Office.context?.mailbox?.addHandlerAsync?.(Office.EventType.ItemChanged, callback);
}

export const supports = (set: string, version: string) =>
  Office.context?.requirements?.isSetSupported(set, version) === true;
