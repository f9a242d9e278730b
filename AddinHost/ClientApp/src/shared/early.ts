import type { AddinConfig } from "./types";

// What the Outlook page's first script (public/outlook-early.js) read or started before the bundle ran: the settings
// the host wrote into the page (or the configuration's response), the open message's case look-up (demo only), and
// the case's head it wrote into #apercu. Each is taken once, so the opening asks for nothing twice.

interface EarlyLookup {
  restId: string; shared: { owner: string; permissions: number } | null; response: Promise<Response>;
}
interface Early {
  written?: AddinConfig; config?: Promise<Response>; lookup?: Promise<EarlyLookup | null>; settled?: Promise<void>;
  released?: boolean;
}

const early = (): Early | undefined => (window as unknown as { odEarly?: Early }).odEarly;

/** The settings the host wrote into the Outlook page, as its first script read them; undefined elsewhere. */
export function writtenConfig(): AddinConfig | undefined {
  return early()?.written;
}

/** The configuration's response the first script asked for, once (a retry asks again). */
export function takeEarlyConfig(): Promise<Response> | undefined {
  const e = early();
  const config = e?.config;
  if (e) e.config = undefined;
  return config;
}

/**
 * The case look-up the first script sent for this message, once; null when it sent none (sign-in, no script, another
 * message) or could not: the pane then asks itself. A retry or another message asks again.
 */
export async function takeEarlyLookup(restId: string): Promise<EarlyLookup | null> {
  const e = early();
  const lookup = e?.lookup;
  if (e) e.lookup = undefined;
  const sent = await lookup?.catch(() => null);
  return sent?.restId === restId ? sent : null;
}

/**
 * The pane now shows something of its own (the case, or an error, or another state): the first script's view of
 * the case's head gives way, in the same frame, and the first script writes no more.
 */
export function releaseEarlyView() {
  const e = early();
  if (!e || e.released) return;
  e.released = true;
  const view = document.getElementById("apercu");
  if (view) {
    view.hidden = true;
    view.replaceChildren();
  }
  const pane = document.getElementById("racine");
  if (pane) pane.hidden = false;
}

/**
 * Resolves once the first script has painted the case's head or knows it will show nothing (sign-in, no case, an
 * error); at once without that script, and after 2 s at most whatever happens to it.
 */
export function earlyViewSettled(): Promise<void> {
  const settled = early()?.settled;
  if (!settled) return Promise.resolve();
  return Promise.race([settled.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, 2000))]);
}
