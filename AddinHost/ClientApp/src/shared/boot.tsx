import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { Component, StrictMode, useCallback, useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, getJson, useTokens } from "./api";
import { SignInError, explain, startSession, type Session } from "./auth";
import { officeReady, type Host } from "./office";
import { ErrorState, Loading, ModeBanner, OfflineBar } from "./states";
import type { AddinConfig } from "./types";

export interface PaneContext { host: Host; config: AddinConfig; session: Session }

/** Starts a page: Office.js (when inside Office), the configuration, the sign-in, then the page itself. */
export function boot(title: string, page: (context: PaneContext) => ReactNode) {
  document.title = `${title} — OutlookDunning`;
  createRoot(document.getElementById("racine")!).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} lang="fr-FR">
        <Crash><Start page={page} /></Crash>
      </FluentProvider>
    </StrictMode>,
  );
}

function Start({ page }: { page: (context: PaneContext) => ReactNode }) {
  const [context, setContext] = useState<PaneContext>();
  const [error, setError] = useState<Error>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    (async () => {
      const host = await officeReady();
      const config = await getJson<AddinConfig>("/api/addin/config");
      const session = await startSession(config, host !== null);
      useTokens(() => session.token());
      if (current) setContext({ host, config, session });
    })().catch((e: Error) => current && setError(e));
    return () => { current = false; };
  }, [round]);
  if (error) return <ErrorState error={error} onRetry={() => { setError(undefined); setRound((r) => r + 1); }} title="Le complément n'a pas pu démarrer" />;
  if (!context) return <Loading label="Démarrage…" />;
  return (
    <>
      <OfflineBar />
      <ModeBanner banner={context.config.banner} />
      <SignInGate session={context.session}>{page(context)}</SignInGate>
    </>
  );
}

/** Tries the silent sign-in first; if the user must act, says why and offers « Se connecter ». */
function SignInGate({ session, children }: { session: Session; children: ReactNode }) {
  const [state, setState] = useState<"checking" | "ready" | SignInError>("checking");
  const check = useCallback(async () => {
    try {
      await session.token();
      setState("ready");
    } catch (e) {
      setState(e instanceof ApiError ? "ready" : explain(e));
    }
  }, [session]);
  useEffect(() => { void check(); }, [check]);
  const signIn = async () => {
    try {
      await session.signIn();
      setState("ready");
    } catch (e) {
      setState(explain(e));
    }
  };
  if (state === "checking") return <Loading label="Connexion…" />;
  if (state === "ready") return <>{children}</>;
  return (
    <MessageBar intent={state.problem === "consentement" ? "error" : "warning"} role="alert" data-testid={`connexion-${state.problem}`}>
      <MessageBarBody><MessageBarTitle>Connexion</MessageBarTitle>{state.message}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void signIn()}>{state.problem === "consentement" ? "Réessayer" : "Se connecter"}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A fault in the pane itself: said in French with a way out, never a blank pane. */
class Crash extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <ErrorState error={new Error("Le volet a rencontré une erreur inattendue. Rechargez-le ; si elle revient, prévenez l'administrateur du cabinet.")}
      onRetry={() => location.reload()} title="Erreur du volet" />;
  }
}
