import { Badge, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { channelLabel, date } from "../shared/format";
import { Section, useLayout } from "../shared/ui";
import type { CaseDetails } from "../shared/types";

/** Where the case stands on the firm's ladder: steps done, the next one and its date, and why. */
export function LadderView({ details }: { details: CaseDetails }) {
  const l = useLayout();
  const { ladder, prescription } = details;
  // Levels are numbered from 0 by the API; people count from 1.
  const done = ladder.lastLevel ?? -1;
  return (
    <Section title="Échelle de relance" id="echelle" actions={<Badge appearance="outline">{ladder.statusLabel}</Badge>}>
      <ol className={l.list} aria-label="Étapes de l'échelle">
        {ladder.levels.map((level, index) => {
          const number = index + 1;
          const isNext = ladder.next?.level === index;
          return (
            <li key={level.name} className={l.spread} aria-current={isNext ? "step" : undefined}>
              <Text weight={isNext ? "semibold" : "regular"}>{number}. {level.name}</Text>
              <Caption1>
                {index <= done ? "faite"
                  : isNext ? `prochaine — ${date(ladder.next!.dueOn)}` : channelLabel[level.channel] ?? level.channel}
              </Caption1>
            </li>
          );
        })}
      </ol>
      <Caption1>{ladder.explanation}</Caption1>
      {ladder.next?.blockedBy && (
        <MessageBar intent="info">
          <MessageBarBody>
            {ladder.status === "EnPause" ? `En pause : ${ladder.next.blockedBy}`
              : `Étape suivante ${ladder.next.blockedBy}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {prescription && (
        <MessageBar intent={prescription.isTimeBarred ? "error" : prescription.warningSoon ? "warning" : "info"}>
          <MessageBarBody>
            Prescription le {date(prescription.deadline)}
            {prescription.mayBeEarlier ? " (peut être antérieure)" : ""} (facture {prescription.invoiceNumber},
            {" "}{prescription.daysLeft} jours) — {prescription.reason}
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
