import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useState, type ReactNode } from "react";
import { ApiError, offlineMessage } from "./api";
import { releaseEarlyView } from "./early";

const useStyles = makeStyles({
  centre: {
    display: "flex", flexDirection: "column", alignItems: "center", gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL, textAlign: "center",
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** Something is on its way: said in words, for screen readers too. */
export function Loading({ label = "Chargement…" }: { label?: string }) {
  const styles = useStyles();
  return <div className={styles.centre} role="status" aria-live="polite"><Spinner label={label} /></div>;
}

/** The API's French reason, and a way to try again. */
export function ErrorState({ error, onRetry, title = "Impossible d'afficher ces informations" }: {
  error: ApiError | Error; onRetry?: () => void; title?: string;
}) {
  const offline = error instanceof ApiError && error.offline;
  // An error stands in place of whatever the Outlook page's first script showed (before the next paint).
  useLayoutEffect(releaseEarlyView, []);
  return (
    <MessageBar intent={offline ? "warning" : "error"} role="alert">
      <MessageBarBody>
        <MessageBarTitle>{offline ? "Hors ligne" : title}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      {onRetry && <MessageBarActions><Button onClick={onRetry}>Réessayer</Button></MessageBarActions>}
    </MessageBar>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  useLayoutEffect(releaseEarlyView, []);
  return (
    <div className={styles.centre}>
      <Text weight="semibold">{title}</Text>
      {children && <Text className={styles.empty}>{children}</Text>}
    </div>
  );
}

/** Said as soon as the browser loses the network, and gone when it is back. */
export function OfflineBar() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true), off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => { window.removeEventListener("online", on); window.removeEventListener("offline", off); };
  }, []);
  if (online) return null;
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody><MessageBarTitle>Hors ligne</MessageBarTitle>{offlineMessage}</MessageBarBody>
    </MessageBar>
  );
}

/** The demo and the simulators are said on every screen: nothing real leaves the firm. */
export function ModeBanner({ banner, simulation }: { banner: string | null | undefined; simulation?: string | null }) {
  if (!banner && !simulation) return null;
  return (
    <MessageBar intent="warning" data-testid="mode-demo">
      <MessageBarBody>
        <MessageBarTitle>Démo</MessageBarTitle>
        {[banner, simulation].filter(Boolean).join(" ")}
      </MessageBarBody>
    </MessageBar>
  );
}
