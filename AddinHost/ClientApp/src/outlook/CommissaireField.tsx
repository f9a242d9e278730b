import { Field, Select } from "@fluentui/react-components";
import { useApi } from "../shared/useApi";
import type { Commissaire } from "./judicialTypes";

/** The firm's commissaires de justice to choose from (hand-over, small claims). */
export function CommissaireField({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const commissaires = useApi<Commissaire[]>("/api/commissaires-de-justice");
  return (
    <Field label="Commissaire de justice"
      hint={commissaires.data?.length === 0 ? "Aucun commissaire enregistré par le cabinet." : undefined}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">Choisir</option>
        {commissaires.data?.map((c) => (
          <option key={c.id} value={c.id}>{c.name}{c.office ? ` — ${c.office}` : ""}</option>
        ))}
      </Select>
    </Field>
  );
}
