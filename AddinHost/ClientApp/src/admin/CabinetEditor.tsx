import { Button, Caption1, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import type { Cabinet } from "../shared/types";
import { useLayout } from "../shared/ui";


const fields: [keyof Cabinet, string, string?][] = [
  ["name", "Nom du cabinet"], ["address", "Adresse"], ["postalCode", "Code postal"],
  ["city", "Ville (lieu des courriers)"],
  ["signingLawyer", "Avocat signataire", "Par exemple : Maître Claire Delaunay"],
  ["bar", "Barreau", "Tel qu'écrit après « Avocat au » : barreau de Lyon"],
  ["email", "Adresse électronique (compte expéditeur AR24)"],
];

const mediator: [keyof Cabinet, string, string?][] = [
  ["mediatorName", "Médiateur de la consommation",
    "Pour la profession : le médiateur de la consommation de la profession d'avocat"],
  ["mediatorAddress", "Adresse du médiateur"], ["mediatorEmail", "Adresse électronique du médiateur"],
  ["mediatorWebsite", "Site du médiateur", "https://…"],
];

/**
 * The firm's identity as its letters print it, and the consumer mediator its fee letters name
 * (C. conso. L.612-1, L.616-1).
 */
export function CabinetEditor() {
  const l = useLayout();
  const loaded = useApi<Cabinet>("/api/cabinet");
  const [cabinet, setCabinet] = useState<Cabinet>();
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  useEffect(() => { if (loaded.data) setCabinet(loaded.data); }, [loaded.data]);
  if (!cabinet) return loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  const input = ([key, label, hint]: [keyof Cabinet, string, string?]) => (
    <Field key={key} label={label} hint={hint}>
      <Input value={cabinet[key] ?? ""}
        onChange={(_, d) => { setSaved(false); setCabinet({ ...cabinet, [key]: d.value || null }); }} />
    </Field>
  );
  return (
    <form className={l.form} onSubmit={(e) => {
      e.preventDefault();
      void run(async () => { setCabinet(await sendJson<Cabinet>("PUT", "/api/cabinet", cabinet)); setSaved(true); });
    }}>
      {fields.map(input)}
      <Caption1>Un client consommateur doit recevoir les coordonnées du médiateur de la consommation dont relève le
        cabinet : la mise en demeure d'honoraires les cite, et ne peut pas être produite sans elles.</Caption1>
      {mediator.map(input)}
      {error && <ErrorState error={error} title="Identité non enregistrée" />}
      {saved && (
        <MessageBar intent="success"><MessageBarBody>Identité du cabinet enregistrée.</MessageBarBody></MessageBar>
      )}
      <Button type="submit" appearance="primary">Enregistrer</Button>
    </form>
  );
}
