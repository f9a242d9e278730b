import { Badge, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { DispatchState } from "./types";

export const useLayout = makeStyles({
  page: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM,
    maxWidth: "900px",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  spread: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  list: {
    listStyleType: "none", margin: 0, padding: 0,
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS,
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** A titled block of a pane, with its heading for screen readers' navigation. */
export function Section({ title, id, children, actions }: {
  title: string; id: string; children: ReactNode; actions?: ReactNode;
}) {
  const l = useLayout();
  return (
    <section className={l.section} aria-labelledby={id}>
      <div className={l.spread}><Subtitle2 as="h2" id={id}>{title}</Subtitle2>{actions}</div>
      {children}
    </section>
  );
}

const stateColour: Record<DispatchState, "brand" | "success" | "danger" | "warning" | "informative" | "subtle"> = {
  Planned: "informative", Sending: "informative", ToVerify: "warning", Deposited: "brand",
  Accepted: "success", Refused: "danger", Negligence: "warning", Bounced: "danger",
  Failed: "danger", ToPrint: "warning", Posted: "brand", EmailSent: "success",
};

/** A letter's state, as the API words it. */
export function DispatchBadge({ state, label }: { state: DispatchState; label: string }) {
  return (
    <Badge appearance="tint" color={stateColour[state]} data-state={state}
      style={{ whiteSpace: "nowrap", flexShrink: 0 }}>{label}</Badge>
  );
}

/** States that can still change: the pane keeps reading them. */
export const isSettling = (state: DispatchState) => ["Planned", "Sending", "ToVerify", "Deposited"].includes(state);
