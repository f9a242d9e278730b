// The sign-in page: opened in an Office dialog when Office has no Nested App Authentication (it hands the token back
// to the pane), and the redirect target of a plain browser's sign-in (MSAL then returns to the page that asked).
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import type { AddinConfig } from "../shared/types";

const say = (text: string) => { document.getElementById("racine")!.textContent = text; };

async function signIn() {
  const config = (await (await fetch("/api/addin/config")).json()) as AddinConfig;
  if (!config.clientId || !config.apiScope) return say("Mode démonstration : aucune connexion n'est nécessaire.");
  const app = await createStandardPublicClientApplication({
    auth: {
      clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}/app/connexion.html`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  const inDialog = typeof Office !== "undefined" && (await Office.onReady()) && !!Office.context?.ui?.messageParent;
  const scopes = [config.apiScope];
  const back = await app.handleRedirectPromise();
  if (!inDialog) return; // a browser's redirect: MSAL goes back to the page that asked
  const account = back?.account ?? app.getAllAccounts()[0];
  if (!account) return app.acquireTokenRedirect({ scopes });
  const result = back ?? (await app.acquireTokenSilent({ scopes, account }));
  Office.context.ui.messageParent(JSON.stringify(
    { ok: true, token: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? Date.now() + 600_000 }));
}

say("Connexion à Microsoft 365…");
signIn().catch((e: { errorCode?: string; message?: string }) => {
  const error = e.errorCode ?? e.message ?? "erreur";
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent)
    Office.context.ui.messageParent(JSON.stringify({ ok: false, error }));
  else say(`La connexion a échoué (${error}). Fermez cette fenêtre et réessayez.`);
});
