import { Button, Combobox, Field, Option, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { getJson, sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { ErrorState } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { CaseDetails, CaseSummary, MessageCase } from "../shared/types";
import { NewCaseForm } from "./NewCaseForm";

/** No case matches the sender: link the address to a known debtor, or open a case for them. */
export function UnknownSender({ found, onLinked }: { found: MessageCase; onLinked: () => void }) {
  const l = useLayout();
  const cases = useApi<CaseSummary[]>("/api/cases");
  const [choice, setChoice] = useState<string>();
  const { error, run } = useAction();
  const debtors = useMemo(() => {
    const byName = new Map<string, CaseSummary>();
    cases.data?.forEach((c) => byName.set(c.debtor, c));
    return [...byName.values()].sort((a, b) => a.debtor.localeCompare(b.debtor, "fr"));
  }, [cases.data]);
  const offer = found.offer!;
  const link = () => run(async () => {
    // The list names cases; the link names the debtor, read from the chosen case.
    const chosen = await getJson<CaseDetails>(`/api/cases/${choice}`);
    await sendJson("POST", offer.linkRoute, { address: offer.address, debtorId: chosen.debtor.id });
    onLinked();
  });
  return (
    <>
    <Section title="Expéditeur inconnu" id="inconnu">
      <Text>{offer.explanation}</Text>
      <Field label={`Rattacher ${offer.address ?? "cette adresse"} à un débiteur`}>
        <Combobox placeholder="Rechercher un débiteur" onOptionSelect={(_, d) => setChoice(d.optionValue)}>
          {debtors.map((d) => <Option key={d.id} value={d.id} text={d.debtor}>{d.debtor} — {d.reference}</Option>)}
        </Combobox>
      </Field>
      <div className={l.row}>
        <Button appearance="primary" disabled={!choice} onClick={() => void link()}>Rattacher l'adresse</Button>
      </div>
      {error && <ErrorState error={error} />}
    </Section>
    <NewCaseForm offer={offer} onCreated={onLinked} />
    </>
  );
}
