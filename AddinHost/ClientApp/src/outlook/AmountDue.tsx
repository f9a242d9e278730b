import { Body1, Caption1, Card, Text, Title2 } from "@fluentui/react-components";
import { eur, date } from "../shared/format";
import { useLayout } from "../shared/ui";
import type { CaseDetails } from "../shared/types";

/** The amount due today and what it is made of, with the legal basis the letters cite. */
export function AmountDue({ details }: { details: CaseDetails }) {
  const l = useLayout();
  const a = details.amounts;
  if (!a) return (
    <Card><Text role="alert">{details.amountsError ?? "Le montant dû ne peut pas être calculé."}</Text></Card>
  );
  const interestLabel = a.regime.toLowerCase().includes("pénalit") ? "Pénalités de retard" : "Intérêts de retard";
  return (
    <Card aria-label="Montant dû">
      <div className={l.spread}>
        <Body1>Dû au {date(details.asOf)}</Body1>
        <Title2 as="p" className={l.amount} data-testid="total-du">{eur(a.total)}</Title2>
      </div>
      <dl className={l.list} style={{ margin: 0 }}>
        <Line label="Principal" amount={a.principal} />
        <Line label={interestLabel} amount={a.interest} />
        <Line label="Indemnités forfaitaires de recouvrement" amount={a.indemnity} />
        {a.credit > 0 && <Line label="Trop-perçu du débiteur" amount={-a.credit} />}
      </dl>
      <Caption1>{a.regime} — {a.legalBasis}</Caption1>
      {a.note && <Caption1>{a.note}</Caption1>}
    </Card>
  );
}

function Line({ label, amount }: { label: string; amount: number }) {
  const l = useLayout();
  return (
    <div className={l.spread}><dt>{label}</dt><dd className={l.amount} style={{ margin: 0 }}>{eur(amount)}</dd></div>
  );
}
