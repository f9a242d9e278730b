import { Button, Caption1, Field, Input, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { useLayout } from "../shared/ui";
import type { SharedMailboxCalendar } from "../shared/types";

const calendars: Record<SharedMailboxCalendar["calendar"], string> = {
  Proprietaire: "Le calendrier de cette boîte",
  Utilisateur: "Le calendrier de chaque utilisateur",
};

/** Per shared or delegated mailbox, the calendar that receives the deadlines of the cases opened from it. */
export function SharedMailboxes() {
  const l = useLayout();
  const list = useApi<SharedMailboxCalendar[]>("/api/shared-mailboxes");
  const [draft, setDraft] = useState({ address: "", calendar: "Proprietaire" as SharedMailboxCalendar["calendar"] });
  const { busy, error, run } = useAction();
  const save = (address: string, calendar: SharedMailboxCalendar["calendar"]) => run(async () => {
    await sendJson("PUT", `/api/shared-mailboxes/${encodeURIComponent(address.trim())}`, { calendar });
    setDraft({ address: "", calendar: "Proprietaire" });
    list.reload();
  });
  const remove = (address: string) => run(async () => {
    await sendJson("DELETE", `/api/shared-mailboxes/${encodeURIComponent(address)}`);
    list.reload();
  });
  if (list.loading && !list.data) return <Loading />;
  return (
    <div className={l.form}>
      <Caption1>
        Quand un dossier est ouvert depuis un message d'une boîte partagée (« recouvrement@… ») ou d'une boîte
        dont l'utilisateur est délégué, ses échéances vont au calendrier choisi ici. Sans choix, elles vont au
        calendrier de l'utilisateur. Écrire dans le calendrier de la boîte demande l'accès total à la boîte ou le
        droit « Éditeur » sur son calendrier.
      </Caption1>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <form className={l.row} onSubmit={(e) => { e.preventDefault(); void save(draft.address, draft.calendar); }}>
        <Field label="Adresse de la boîte" required>
          <Input type="email" value={draft.address} onChange={(_, d) => setDraft({ ...draft, address: d.value })} />
        </Field>
        <Field label="Calendrier des échéances">
          <Select value={draft.calendar}
            onChange={(_, d) => setDraft({ ...draft, calendar: d.value as SharedMailboxCalendar["calendar"] })}>
            {Object.entries(calendars).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !draft.address.trim()}>Enregistrer</Button>
      </form>
      {error && <ErrorState error={error} title="Choix non enregistré" />}
      {list.data?.length === 0 && <EmptyState title="Aucune boîte partagée déclarée" />}
      <ul className={l.list} aria-label="Boîtes partagées">
        {list.data?.map((m) => (
          <li key={m.address} className={l.spread}>
            <Text>{m.address}</Text>
            <div className={l.row}>
              <Select aria-label={`Calendrier des échéances de ${m.address}`} value={m.calendar}
                onChange={(_, d) => void save(m.address, d.value as SharedMailboxCalendar["calendar"])}>
                {Object.entries(calendars).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
              </Select>
              <Button size="small" onClick={() => void remove(m.address)} aria-label={`Retirer ${m.address}`}>
                Retirer
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
