import { Badge, Caption1, Text, Tooltip } from "@fluentui/react-components";
import { date, dateTime } from "../shared/format";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { DebtorMessages } from "../shared/types";

/** The debtor's messages since the last step. The flags are suggestions for the lawyer, never decisions. */
export function DebtorMessagesList({ caseId }: { caseId: string }) {
  const l = useLayout();
  const messages = useApi<DebtorMessages>(`/api/cases/${caseId}/messages`);
  return (
    <Section title="Messages du débiteur" id="messages">
      {messages.loading && !messages.data && <Loading label="Lecture de la messagerie…" />}
      {messages.error && (
        <ErrorState error={messages.error} onRetry={messages.reload} title="Messagerie indisponible" />
      )}
      {messages.data && messages.data.messages.length === 0 && (
        <EmptyState title="Aucun message">Aucun message du débiteur depuis le {date(messages.data.since)}.</EmptyState>
      )}
      <ul className={l.list}>
        {messages.data?.messages.map((m) => (
          <li key={m.id}>
            <div className={l.spread}>
              <Text weight="semibold">{m.subject ?? "(sans objet)"}</Text><Caption1>{dateTime(m.receivedAt)}</Caption1>
            </div>
            <Caption1>{m.preview}</Caption1>
            <div className={l.row}>
              {m.suggestions.map((s) => (
                <Tooltip key={s.hint} relationship="description" content={`${s.suggestedAction} (« ${s.evidence} »)`}>
                  <Badge appearance="tint" color="warning" tabIndex={0}>{s.label} ?</Badge>
                </Tooltip>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {messages.data?.truncated && <Caption1>Seuls les messages les plus récents sont affichés.</Caption1>}
    </Section>
  );
}
