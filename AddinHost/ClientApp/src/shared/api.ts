// Calls to the host's JSON API with the user's token, and its errors as the French text the API wrote.

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly errors?: Record<string, string[]>) {
    super(message);
  }

  /** The browser could not reach the host at all. */
  get offline() { return this.status === 0; }
}

type TokenProvider = () => Promise<string | null>;
let tokenProvider: TokenProvider = async () => null;

/** Set once at start-up by the sign-in module; null tokens (the demo) send no Authorization header. */
export function useTokens(provider: TokenProvider) { tokenProvider = provider; }

let sharedHeaders: Record<string, string> = {};

/**
 * The open message's other mailbox (shared or delegated), sent with every call so the host reads and sends there;
 * null for the user's own. The host checks everything again through Graph: these only aim its calls.
 */
export function setSharedMailbox(shared: { owner: string; permissions: number } | null) {
  sharedHeaders = shared
    ? { "X-Shared-Mailbox-Owner": shared.owner, "X-Shared-Mailbox-Permissions": String(shared.permissions) }
    : {};
}

export const offlineMessage =
  "Connexion impossible : vérifiez votre accès à Internet. Les données s'afficheront dès le retour du réseau.";

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await tokenProvider();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (init.body && typeof init.body === "string" && !headers.has("Content-Type"))
    headers.set("Content-Type", "application/json");
  headers.set("Accept-Language", "fr-FR");
  for (const [name, value] of Object.entries(sharedHeaders)) headers.set(name, value);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(offlineMessage, 0);
  }
  if (!response.ok) throw await problem(response);
  return response;
}

/** ProblemDetails: the detail is the French reason; validation errors come field by field. */
async function problem(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    const fields = body.errors as Record<string, string[]> | undefined;
    const first = fields ? Object.values(fields).flat()[0] : undefined;
    return new ApiError(body.detail ?? first ?? body.title ?? `Erreur ${response.status}`, response.status, fields);
  } catch {
    return new ApiError(`Le service a répondu par une erreur ${response.status}.`, response.status);
  }
}

/**
 * A public route read with the browser's plain request, no header of ours: the one the page's
 * <c>&lt;link rel="preload" as="fetch"&gt;</c> started while the scripts loaded, and that this call takes over.
 */
export async function getPublicJson<T>(path: string): Promise<T> {
  return answerJson<T>(fetch(path, { credentials: "same-origin" }));
}

/** A request already sent (by the Outlook page's first script), read as this module reads its own answers. */
export async function answerJson<T>(request: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await request;
  } catch {
    throw new ApiError(offlineMessage, 0);
  }
  if (!response.ok) throw await problem(response);
  return response.json() as Promise<T>;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await send(path)).json() as Promise<T>;
}

export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const response = await send(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  return (await send(path, { method: "POST", body: JSON.stringify(body) })).blob();
}

export async function getBlob(path: string): Promise<Blob> {
  return (await send(path)).blob();
}

/** A multipart form (a file upload): the browser writes its own Content-Type with the boundary. */
export async function sendForm<T>(method: "POST" | "PUT", path: string, form: FormData): Promise<T> {
  return (await send(path, { method, body: form })).json() as Promise<T>;
}

/** Downloads a file that needs the token (a proof, a letter): fetched, then saved under its own name. */
export async function download(path: string, fallbackName: string) {
  const response = await send(path);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Server-sent events over fetch (EventSource cannot send the token): calls back for each event until the stream
 * ends.
 */
export async function streamEvents(path: string, onEvent: (type: string, data: string) => void, signal: AbortSignal) {
  const response = await send(path, { signal, headers: { Accept: "text/event-stream" } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? "message";
      const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      onEvent(type, data);
    }
  }
}
