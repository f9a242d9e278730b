import { boot } from "../shared/boot";
import { EmptyState } from "../shared/states";
import { OutlookPane, prefetchCase } from "./OutlookPane";

boot("Recouvrement", ({ host }) =>
  host === "Outlook" ? <OutlookPane /> : (
    <EmptyState title="Ce volet s'ouvre dans Outlook">Ouvrez un message, puis cliquez sur « Recouvrement ».</EmptyState>
  ),
({ host }) => { if (host === "Outlook") prefetchCase(); });
