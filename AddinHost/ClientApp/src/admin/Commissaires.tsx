import { Button, Caption1, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";

interface Commissaire { id: string; name: string; office: string; email: string }
type Draft = Omit<Commissaire, "id">;
const empty: Draft = { name: "", office: "", email: "" };

/**
 * The firm's commissaires de justice: who serves its injunctions (CPC 1411) and runs its small-claims procedures
 * (CPCE L.125-1). Removing one leaves the hand-overs already made unchanged: they keep its details.
 */
export function Commissaires() {
  const l = useLayout();
  const list = useApi<Commissaire[]>("/api/commissaires-de-justice");
  const [draft, setDraft] = useState<Draft>(empty);
  const [editing, setEditing] = useState<string>();
  const { busy, error, run } = useAction();
  const add = () => run(async () => {
    await sendJson("POST", "/api/commissaires-de-justice", draft);
    setDraft(empty);
    list.reload();
  });
  const remove = (c: Commissaire) => run(async () => {
    await sendJson("DELETE", `/api/commissaires-de-justice/${c.id}`);
    list.reload();
  });
  if (list.loading && !list.data) return <Loading />;
  return (
    <div className={l.form}>
      <Caption1>
        Les commissaires de justice du cabinet : l'ordonnance d'injonction de payer leur est remise pour signification,
        et la procédure des petites créances est conduite par l'un d'eux. Retirer un commissaire ne change pas les
        remises déjà faites.
      </Caption1>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <form className={l.form} aria-label="Ajouter un commissaire de justice" noValidate
        onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Fields value={draft} onChange={setDraft} />
        <div className={l.row}>
          <Button type="submit" appearance="primary" disabled={busy}>Ajouter</Button>
        </div>
      </form>
      {error && <ErrorState error={error} title="Commissaire non enregistré" />}
      {list.data?.length === 0 && <EmptyState title="Aucun commissaire de justice enregistré" />}
      <ul className={l.list} aria-label="Commissaires de justice">
        {list.data?.map((c) => editing === c.id
          ? <Editor key={c.id} commissaire={c} onDone={() => { setEditing(undefined); list.reload(); }} />
          : (
            <li key={c.id} className={l.spread}>
              <div>
                <Text weight="semibold">{c.name}</Text>
                <Caption1 as="p" style={{ margin: 0 }}>{[c.office, c.email].filter(Boolean).join(" — ")}</Caption1>
              </div>
              <div className={l.row}>
                <Button size="small" onClick={() => setEditing(c.id)} aria-label={`Modifier ${c.name}`}>
                  Modifier
                </Button>
                <Button size="small" onClick={() => void remove(c)} disabled={busy} aria-label={`Retirer ${c.name}`}>
                  Retirer
                </Button>
              </div>
            </li>
          ))}
      </ul>
    </div>
  );
}

function Fields({ value, onChange }: { value: Draft; onChange: (d: Draft) => void }) {
  return (
    <>
      <Field label="Nom" required hint="Par exemple : Maître Anne Martin.">
        <Input value={value.name} onChange={(_, d) => onChange({ ...value, name: d.value })} />
      </Field>
      <Field label="Étude" hint="Nom et adresse de l'étude.">
        <Input value={value.office} onChange={(_, d) => onChange({ ...value, office: d.value })} />
      </Field>
      <Field label="Adresse électronique" required>
        <Input type="email" value={value.email} onChange={(_, d) => onChange({ ...value, email: d.value })} />
      </Field>
    </>
  );
}

function Editor({ commissaire: c, onDone }: { commissaire: Commissaire; onDone: () => void }) {
  const l = useLayout();
  const [draft, setDraft] = useState<Draft>({ name: c.name, office: c.office, email: c.email });
  const { busy, error, run } = useAction();
  const save = () => run(async () => {
    await sendJson("PUT", `/api/commissaires-de-justice/${c.id}`, draft);
    onDone();
  });
  return (
    <li className={l.section}>
      <form className={l.form} aria-label={`Modifier ${c.name}`} noValidate
        onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Fields value={draft} onChange={setDraft} />
        <div className={l.row}>
          <Button type="submit" appearance="primary" disabled={busy}>Enregistrer</Button>
          <Button onClick={onDone}>Annuler</Button>
        </div>
        {error && <ErrorState error={error} title="Modification non enregistrée" />}
      </form>
    </li>
  );
}
