import { Button, Caption1, Text } from "@fluentui/react-components";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { date } from "../shared/format";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { UpcomingEvent } from "../shared/types";

/** The next 30 days of the lawyer's calendar, and the case's deadlines written into it on request. */
export function Deadlines({ caseId }: { caseId: string }) {
  const l = useLayout();
  const upcoming = useApi<UpcomingEvent[]>("/api/calendar/upcoming");
  const { busy, error, run } = useAction();
  const sync = () => run(async () => {
    await sendJson("POST", `/api/cases/${caseId}/calendar`);
    upcoming.reload();
  });
  const ours = upcoming.data?.filter((e) => e.fromOutlookDunning) ?? [];
  return (
    <Section title="Échéances (30 jours)" id="echeances"
      actions={<Button size="small" onClick={() => void sync()} disabled={busy}>Inscrire au calendrier</Button>}>
      {upcoming.loading && !upcoming.data && <Loading label="Lecture du calendrier…" />}
      {(upcoming.error ?? error) && (
        <ErrorState error={(upcoming.error ?? error)!} onRetry={upcoming.reload} title="Calendrier indisponible" />
      )}
      {upcoming.data && ours.length === 0 && <EmptyState title="Aucune échéance dans les 30 jours" />}
      <ul className={l.list}>
        {ours.map((e) => (
          <li key={e.id} className={l.spread}>
            <Text>{e.subject}</Text><Caption1>{date(e.start?.slice(0, 10))}</Caption1>
          </li>
        ))}
      </ul>
    </Section>
  );
}
