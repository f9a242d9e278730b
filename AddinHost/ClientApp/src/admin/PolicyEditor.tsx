import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { channelLabel } from "../shared/format";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { Policy, PolicyLevel, StepChannel } from "../shared/types";

/** The firm's ladder, level by level: the API checks it and says what is wrong, field by field. */
export function PolicyEditor() {
  const l = useLayout();
  const loaded = useApi<Policy>("/api/policies");
  const [policy, setPolicy] = useState<Policy>();
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  useEffect(() => { if (loaded.data) setPolicy(loaded.data); }, [loaded.data]);
  if (!policy) return loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  const change = (index: number, patch: Partial<PolicyLevel>) =>
    setPolicy({ ...policy, levels: policy.levels.map((level, i) => (i === index ? { ...level, ...patch } : level)) });
  const save = () => {
    setSaved(false);
    return run(async () => {
      setPolicy(await sendJson<Policy>("PUT", "/api/policies", policy));
      setSaved(true);
    });
  };
  return (
    <div className={l.form}>
      <Field label="Seuil de tolérance (€)" hint="En dessous, aucune relance n'est envoyée.">
        <Input type="number" value={String(policy.toleranceAmount)} onChange={(_, d) => setPolicy({ ...policy, toleranceAmount: Number(d.value) })} />
      </Field>
      <Table size="small" aria-label="Niveaux de l'échelle">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Étape</TableHeaderCell><TableHeaderCell>Délai (jours)</TableHeaderCell><TableHeaderCell>Canal</TableHeaderCell>
            <TableHeaderCell>Modèle</TableHeaderCell><TableHeaderCell>Factures jointes</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {policy.levels.map((level, i) => (
            <TableRow key={i}>
              <TableCell><Input aria-label={`Nom de l'étape ${i + 1}`} value={level.name} onChange={(_, d) => change(i, { name: d.value })} /></TableCell>
              <TableCell><Input aria-label={`Délai de l'étape ${i + 1}`} type="number" value={String(level.delayDays)} onChange={(_, d) => change(i, { delayDays: Number(d.value) })} /></TableCell>
              <TableCell>
                <Select aria-label={`Canal de l'étape ${i + 1}`} value={level.channel} onChange={(_, d) => change(i, { channel: d.value as StepChannel })}>
                  {Object.entries(channelLabel).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                </Select>
              </TableCell>
              <TableCell><Input aria-label={`Modèle de l'étape ${i + 1}`} value={level.template ?? ""} onChange={(_, d) => change(i, { template: d.value || null })} /></TableCell>
              <TableCell><Checkbox aria-label={`Joindre les factures à l'étape ${i + 1}`} checked={level.attachInvoices} onChange={(_, d) => change(i, { attachInvoices: !!d.checked })} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={l.row}><Button appearance="primary" onClick={() => void save()}>Enregistrer l'échelle</Button></div>
      {saved && <MessageBar intent="success" role="status"><MessageBarBody>Échelle enregistrée.</MessageBarBody></MessageBar>}
      {error && <ErrorState error={error} title="Échelle non enregistrée" />}
    </div>
  );
}
