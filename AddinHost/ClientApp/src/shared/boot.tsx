import {
  Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, webLightTheme,
} from "@fluentui/react-components";
import { Component, StrictMode, startTransition, useCallback, useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, answerJson, getPublicJson, useTokens } from "./api";
import { takeEarlyConfig, writtenConfig } from "./early";
import { SignInError, explain, startSession, type Session } from "./auth";
import { officeReady, type Host } from "./office";
import { mark } from "./timing";
import { ErrorState, Loading, ModeBanner, OfflineBar } from "./states";
import type { AddinConfig } from "./types";

export interface PaneContext { host: Host; config: AddinConfig; session: Session }

/** What a page may start once the user's token is at hand, before it renders (its first API call). */
export type Prefetch = (context: { host: Host }) => void;

/**
 * Office.js and the configuration side by side, then the session; the page's first call leaves as soon as a silent
 * token is there. Started before React mounts, so none of it waits for the first render.
 */
function starting(prefetch?: Prefetch): Promise<PaneContext> {
  // The Outlook page carries its settings, or its first script may have asked already (that answer is taken once; a
  // retry asks again).
  const written = writtenConfig();
  const sent = written ? undefined : takeEarlyConfig();
  const config = written ? Promise.resolve(written)
    : sent ? answerJson<AddinConfig>(sent) : getPublicJson<AddinConfig>("/api/addin/config");
  const office = officeReady();
  const started = (async () => {
    const [host, settings] = await Promise.all([office, config]);
    mark("configured");
    const session = await startSession(settings, host !== null);
    useTokens(() => session.token());
    // A silent token means the page's first call can leave now; otherwise the sign-in gate asks first.
    if (prefetch) void session.token().then(() => prefetch({ host }), () => undefined);
    return { host, config: settings, session };
  })();
  started.catch(() => undefined); // the error is shown where it is awaited
  return started;
}

/**
 * Starts a page: Office.js (when inside Office), the configuration and the sign-in at once, before React mounts;
 * then the page itself, whose first call (<c>prefetch</c>) leaves as soon as the token is there.
 */
export function boot(title: string, page: (context: PaneContext) => ReactNode, prefetch?: Prefetch) {
  document.title = `${title} — OutlookDunning`;
  const early = starting(prefetch);
  const root = createRoot(document.getElementById("racine")!);
  // As a transition, the first render yields to the browser every few milliseconds instead of holding the main
  // thread for tens of them: the case's head already on screen (outlook-early.js) stays responsive meanwhile.
  startTransition(() => root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} lang="fr-FR">
        <Crash><Start page={page} early={early} prefetch={prefetch} /></Crash>
      </FluentProvider>
    </StrictMode>,
  ));
}

function Start({ page, early, prefetch }:
  { page: (context: PaneContext) => ReactNode; early: Promise<PaneContext>; prefetch?: Prefetch }) {
  const [context, setContext] = useState<PaneContext>();
  const [error, setError] = useState<Error>();
  const [round, setRound] = useState(0);
  useEffect(() => mark("react-mounted"), []);
  useEffect(() => {
    let current = true;
    (round === 0 ? early : starting(prefetch)).then(
      (started) => current && startTransition(() => setContext(started)),
      (e: Error) => current && setError(e));
    return () => { current = false; };
  }, [round, early, prefetch]);
  if (error) return (
    <ErrorState error={error} onRetry={() => { setError(undefined); setRound((r) => r + 1); }}
      title="Le complément n'a pas pu démarrer" />
  );
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
  // The demo has no sign-in: nothing to check.
  const [state, setState] = useState<"checking" | "ready" | SignInError>(
    session.mode === "demo" ? "ready" : "checking");
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
    <MessageBar intent={state.problem === "consentement" ? "error" : "warning"} role="alert"
      data-testid={`connexion-${state.problem}`}>
      <MessageBarBody><MessageBarTitle>Connexion</MessageBarTitle>{state.message}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void signIn()}>
          {state.problem === "consentement" ? "Réessayer" : "Se connecter"}
        </Button>
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
    return <ErrorState error={new Error("Le volet a rencontré une erreur inattendue. Rechargez-le ; "
      + "si elle revient, prévenez l'administrateur du cabinet.")}
      onRetry={() => location.reload()} title="Erreur du volet" />;
  }
}
