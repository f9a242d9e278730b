// Sign-in for the panes: Nested App Authentication where Office offers it, the Office dialog otherwise, MSAL's popup in
// a plain browser, and no sign-in at all in the demo. Tokens stay in memory (MSAL keeps its own cache); nothing else
// is stored.
import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import type { AddinConfig } from "./types";
import { supports } from "./office";

export type SignInProblem = "consentement" | "fenetre-bloquee" | "deconnecte" | "autre";

/** A sign-in failure the user can act on, in French, with what to do. */
export class SignInError extends Error {
  constructor(readonly problem: SignInProblem, message: string) {
    super(message);
  }
}

const messages: Record<SignInProblem, string> = {
  consentement: "OutlookDunning n'a pas encore été autorisé dans votre organisation : un administrateur Microsoft 365 "
    + "du cabinet doit donner son consentement à l'application (voir le guide de l'administrateur). "
    + "Réessayez ensuite.",
  "fenetre-bloquee": "La fenêtre de connexion a été bloquée. Autorisez les fenêtres contextuelles pour ce complément, "
    + "puis cliquez sur « Se connecter ».",
  deconnecte: "Vous n'êtes pas connecté à Microsoft 365. Cliquez sur « Se connecter » pour continuer.",
  autre: "La connexion à Microsoft 365 a échoué. Réessayez dans un instant ; si le problème persiste, "
    + "prévenez l'administrateur du cabinet.",
};

const problem = (kind: SignInProblem, detail?: string) =>
  new SignInError(kind, detail ? `${messages[kind]} (${detail})` : messages[kind]);

/** Sorts MSAL's and Office's errors into the four cases the pane explains. */
export function explain(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const e = error as {
    errorCode?: string; errorMessage?: string; errorNo?: string; message?: string; code?: number; name?: string;
  };
  const text = `${e.errorCode ?? ""} ${e.errorNo ?? ""} ${e.errorMessage ?? e.message ?? ""}`;
  if (/AADSTS65001|\b65001\b|consent_required|AADSTS90094|AADSTS90008/.test(text)) return problem("consentement");
  if (/popup_window_error|empty_window_error|block_nested_popups/.test(text) || e.code === 12009 || e.code === 12011)
    return problem("fenetre-bloquee");
  // NAA spells it "user_canceled", the standard client "user_cancelled".
  if (/no_account_error|no_account_found|user_cancell?ed|login_required|interaction_required|AADSTS50058/.test(text)
      || e.code === 12006 || e.name === "InteractionRequiredAuthError")
    return problem("deconnecte");
  return problem("autre", e.errorCode ?? (typeof e.code === "number" ? String(e.code) : undefined));
}

export interface Session {
  /** The access token for the API; null in the demo. Silent: throws a SignInError when the user must act. */
  token(): Promise<string | null>;
  /** After a click on « Se connecter » (popups need the user's gesture). */
  signIn(): Promise<void>;
  readonly mode: "demo" | "naa" | "dialog" | "navigateur";
}

export async function startSession(config: AddinConfig, inOffice: boolean): Promise<Session> {
  if (!config.clientId || !config.apiScope)
    return { mode: "demo", token: async () => null, signIn: async () => undefined };
  if (inOffice && supports("NestedAppAuth", "1.1")) {
    try {
      return await msalSession(config, "naa");
    } catch (e) {
      if (!/nested_app_auth_bridge_disabled/.test(String((e as { errorCode?: string }).errorCode))) throw e;
    }
  }
  if (inOffice) return dialogSession(config);
  return msalSession(config, "navigateur");
}

async function msalSession(config: AddinConfig, mode: "naa" | "navigateur"): Promise<Session> {
  const msal = await import("@azure/msal-browser");
  const settings = {
    auth: {
      clientId: config.clientId!, authority: config.authority, redirectUri: `${location.origin}/app/connexion.html`,
    },
    cache: { cacheLocation: "sessionStorage" as const },
  };
  let app: IPublicClientApplication;
  try {
    app = mode === "naa" ? await msal.createNestablePublicClientApplication(settings)
      : await msal.createStandardPublicClientApplication(settings);
    // A plain browser signs in by redirect (a top-level page needs no popup bridge): finish one that comes back.
    if (mode === "navigateur") {
      const back = await app.handleRedirectPromise();
      if (back) app.setActiveAccount(back.account);
    }
  } catch (e) {
    throw explain(e);
  }
  const scopes = [config.apiScope!];
  const account = (): AccountInfo | undefined => app.getActiveAccount() ?? app.getAllAccounts()[0];
  const remember = (r: AuthenticationResult) => { app.setActiveAccount(r.account); return r.accessToken; };
  return {
    mode,
    async token() {
      try {
        // With NAA, Office knows the signed-in user: a silent request without an account still works.
        const current = account();
        return remember(await app.acquireTokenSilent(current ? { scopes, account: current } : { scopes }));
      } catch (e) {
        throw explain(e instanceof msal.InteractionRequiredAuthError
          ? Object.assign(e, { errorCode: e.errorCode || "interaction_required" }) : e);
      }
    },
    async signIn() {
      try {
        if (mode === "navigateur") await app.acquireTokenRedirect({ scopes, redirectStartPage: location.href });
        else remember(await app.acquireTokenPopup({ scopes }));
      } catch (e) {
        throw explain(e);
      }
    },
  };
}

/** Office without NAA: the sign-in runs in an Office dialog (connexion.html), which hands the token back. */
function dialogSession(config: AddinConfig): Session {
  let cached: { token: string; until: number } | undefined;
  const fresh = () => (cached && cached.until > Date.now() + 5 * 60_000 ? cached.token : undefined);
  return {
    mode: "dialog",
    async token() {
      const token = fresh();
      if (token) return token;
      throw problem("deconnecte");
    },
    async signIn() {
      const result = await openDialog(
        `${location.origin}/app/connexion.html?scope=${encodeURIComponent(config.apiScope!)}`);
      cached = { token: result.token, until: result.expiresOn };
    },
  };
}

interface DialogAnswer { ok: boolean; token: string; expiresOn: number; error?: string }

function openDialog(url: string): Promise<DialogAnswer> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) {
        reject(explain({ code: opened.error.code, message: opened.error.message }));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const answer = JSON.parse((arg as { message: string }).message) as DialogAnswer;
        if (answer.ok) resolve(answer);
        else reject(explain({ errorCode: answer.error, message: answer.error }));
      });
      // 12006: the user closed the dialog without signing in.
      dialog.addEventHandler(Office.EventType.DialogEventReceived,
        (arg) => reject(explain({ code: (arg as { error: number }).error })));
    });
  });
}
