import {
  Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, makeStyles, tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { channelLabel } from "../shared/format";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { Policy, PolicyLevel, StepChannel } from "../shared/types";

/**
 * Each field fills its own column (Fluent's inputs otherwise keep a minimum width wider than the column and overlap
 * their neighbours); under 640 px, as in Outlook's task pane, each level becomes a card of labelled fields.
 */
const narrow = "@media (max-width: 640px)";
const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%", [narrow]: { display: "block" } },
  head: { [narrow]: { display: "none" } },
  body: { [narrow]: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } },
  row: {
    [narrow]: {
      display: "grid", gridTemplateColumns: "1fr", gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS,
      border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    },
  },
  cell: {
    overflow: "hidden",
    [narrow]: {
      display: "flex", flexDirection: "column", alignItems: "stretch", height: "auto", padding: 0,
      "::before": {
        content: "attr(data-label)", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200,
      },
    },
  },
  field: { width: "100%", minWidth: 0 },
  name: { width: "24%" }, delay: { width: "10%" }, channel: { width: "34%" }, template: { width: "20%" },
  attach: { width: "12%" },
});

/** The firm's ladder, level by level: the API checks it and says what is wrong, field by field. */
export function PolicyEditor() {
  const l = useLayout();
  const s = useStyles();
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
        <Input type="number" value={String(policy.toleranceAmount)}
          onChange={(_, d) => setPolicy({ ...policy, toleranceAmount: Number(d.value) })} />
      </Field>
      <Table size="small" aria-label="Niveaux de l'échelle" className={s.table}>
        <TableHeader className={s.head}>
          <TableRow>
            <TableHeaderCell className={s.name}>Étape</TableHeaderCell>
            <TableHeaderCell className={s.delay}>Délai (jours)</TableHeaderCell>
            <TableHeaderCell className={s.channel}>Canal</TableHeaderCell>
            <TableHeaderCell className={s.template}>Modèle</TableHeaderCell>
            <TableHeaderCell className={s.attach}>Factures jointes</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody className={s.body}>
          {policy.levels.map((level, i) => (
            <TableRow key={i} className={s.row} data-testid={`niveau-${i}`}>
              <TableCell className={s.cell} data-label="Étape">
                <Input className={s.field} aria-label={`Nom de l'étape ${i + 1}`} value={level.name}
                  onChange={(_, d) => change(i, { name: d.value })} />
              </TableCell>
              <TableCell className={s.cell} data-label="Délai (jours)">
                <Input className={s.field} aria-label={`Délai de l'étape ${i + 1}`} type="number"
                  value={String(level.delayDays)} onChange={(_, d) => change(i, { delayDays: Number(d.value) })} />
              </TableCell>
              <TableCell className={s.cell} data-label="Canal">
                <Select className={s.field} aria-label={`Canal de l'étape ${i + 1}`} value={level.channel}
                  onChange={(_, d) => change(i, { channel: d.value as StepChannel })}>
                  {Object.entries(channelLabel).map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </Select>
              </TableCell>
              <TableCell className={s.cell} data-label="Modèle">
                <Input className={s.field} aria-label={`Modèle de l'étape ${i + 1}`} value={level.template ?? ""}
                  onChange={(_, d) => change(i, { template: d.value || null })} />
              </TableCell>
              <TableCell className={s.cell} data-label="Factures jointes">
                <Checkbox aria-label={`Joindre les factures à l'étape ${i + 1}`} checked={level.attachInvoices}
                  onChange={(_, d) => change(i, { attachInvoices: !!d.checked })} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={l.row}>
        <Button appearance="primary" onClick={() => void save()}>Enregistrer l'échelle</Button>
      </div>
      {saved && (
        <MessageBar intent="success" role="status"><MessageBarBody>Échelle enregistrée.</MessageBarBody></MessageBar>
      )}
      {error && <ErrorState error={error} title="Échelle non enregistrée" />}
    </div>
  );
}
