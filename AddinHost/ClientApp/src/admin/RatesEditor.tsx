import {
  Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { Rate } from "../shared/types";

const kinds: Record<Rate["kind"], string> = {
  BceRefinancement: "Taux BCE (refinancement)", LegalParticulier: "Intérêt légal — créancier particulier",
  LegalAutre: "Intérêt légal — autres cas",
};

/** The rate table by half-year, and the form to add or correct one. */
export function RatesEditor() {
  const l = useLayout();
  const rates = useApi<Rate[]>("/api/rates");
  const [draft, setDraft] = useState(
    { kind: "LegalAutre" as Rate["kind"], year: new Date().getFullYear(), half: 1, ratePercent: "", source: "" });
  const { error, run } = useAction();
  const save = () => run(async () => {
    await sendJson("PUT", "/api/rates",
      { ...draft, ratePercent: Number(draft.ratePercent.replace(",", ".")), source: draft.source || null });
    rates.reload();
  });
  if (rates.loading && !rates.data) return <Loading />;
  return (
    <div className={l.form}>
      {rates.error && <ErrorState error={rates.error} onRetry={rates.reload} />}
      <form className={l.row} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Field label="Taux"><Select value={draft.kind}
          onChange={(_, d) => setDraft({ ...draft, kind: d.value as Rate["kind"] })}>
          {Object.entries(kinds).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </Select></Field>
        <Field label="Année">
          <Input type="number" value={String(draft.year)}
            onChange={(_, d) => setDraft({ ...draft, year: Number(d.value) })} />
        </Field>
        <Field label="Semestre"><Select value={String(draft.half)}
          onChange={(_, d) => setDraft({ ...draft, half: Number(d.value) })}>
          <option value="1">1er</option><option value="2">2e</option>
        </Select></Field>
        <Field label="Taux (%)">
          <Input inputMode="decimal" value={draft.ratePercent}
            onChange={(_, d) => setDraft({ ...draft, ratePercent: d.value })} />
        </Field>
        <Field label="Source">
          <Input value={draft.source} onChange={(_, d) => setDraft({ ...draft, source: d.value })} />
        </Field>
        <Button type="submit" appearance="primary">Enregistrer</Button>
      </form>
      {error && <ErrorState error={error} title="Taux non enregistré" />}
      <Table size="small" aria-label="Table des taux">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Taux</TableHeaderCell><TableHeaderCell>Semestre</TableHeaderCell>
            <TableHeaderCell>%</TableHeaderCell><TableHeaderCell>Source</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rates.data?.map((r) => (
            <TableRow key={`${r.kind}-${r.year}-${r.half}`}>
              <TableCell>{kinds[r.kind]}</TableCell><TableCell>{r.year} S{r.half}</TableCell>
              <TableCell className={l.amount}>{r.ratePercent.toLocaleString("fr-FR")}</TableCell>
              <TableCell>{r.source}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
