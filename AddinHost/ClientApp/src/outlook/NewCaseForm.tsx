import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { useAction } from "../shared/useAction";
import { ErrorState } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { NoMatchOffer } from "../shared/types";

interface Creditor { id: string; name: string; kind: string }
interface InvoiceDraft { number: string; issueDate: string; dueDate: string; amountTtc: string }
const emptyInvoice: InvoiceDraft = { number: "", issueDate: "", dueDate: "", amountTtc: "" };

/** Opens the case of an unknown sender: the debtor (prefilled from the message) and their unpaid invoices. */
export function NewCaseForm({ offer, onCreated }: { offer: NoMatchOffer; onCreated: () => void }) {
  const l = useLayout();
  const creditors = useApi<Creditor[]>("/api/creditors");
  const [creditorId, setCreditorId] = useState("");
  const [name, setName] = useState(offer.suggestedDebtorName ?? "");
  const [kind, setKind] = useState("Professionnel");
  const [siren, setSiren] = useState("");
  const [invoices, setInvoices] = useState<InvoiceDraft[]>([{ ...emptyInvoice }]);
  const { busy, error, run } = useAction();
  const field = (key: string) => error?.errors?.[key]?.[0];
  const change = (index: number, patch: Partial<InvoiceDraft>) =>
    setInvoices(invoices.map((inv, i) => (i === index ? { ...inv, ...patch } : inv)));
  const create = () => run(async () => {
    await sendJson("POST", "/api/cases", {
      creditorId: creditorId || null,
      debtor: { name, kind, siren: siren || null, email: offer.address },
      invoices: invoices.map((inv) => ({
        number: inv.number, issueDate: inv.issueDate || null, dueDate: inv.dueDate || null,
        amountTtc: inv.amountTtc ? Number(inv.amountTtc.replace(/\s/g, "").replace(",", ".")) : null,
      })),
    });
    onCreated();
  });
  return (
    <Section title="Créer le dossier" id="nouveau-dossier">
      <form className={l.form} noValidate onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <Field label="Créancier" required validationMessage={field("creditorId")}>
          <Select value={creditorId} onChange={(_, d) => setCreditorId(d.value)}>
            <option value="">Choisir le créancier</option>
            {creditors.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </Select>
        </Field>
        <Field label="Débiteur" required validationMessage={field("debtor.name")}>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="Type de débiteur" validationMessage={field("debtor.kind")}>
          <Select value={kind} onChange={(_, d) => setKind(d.value)}>
            <option value="Professionnel">Professionnel</option>
            <option value="Consommateur">Consommateur</option>
          </Select>
        </Field>
        <Field label="SIREN" hint="Facultatif, pour un professionnel" validationMessage={field("debtor.siren")}>
          <Input value={siren} onChange={(_, d) => setSiren(d.value)} inputMode="numeric" />
        </Field>
        {invoices.map((inv, i) => (
          <fieldset key={i} className={l.form}>
            <legend>Facture {i + 1}</legend>
            <Field label="Numéro" required validationMessage={field(`invoices[${i}].number`)}>
              <Input value={inv.number} onChange={(_, d) => change(i, { number: d.value })} />
            </Field>
            <Field label="Date de facture" required validationMessage={field(`invoices[${i}].issueDate`)}>
              <Input type="date" value={inv.issueDate} onChange={(_, d) => change(i, { issueDate: d.value })} />
            </Field>
            <Field label="Échéance" required validationMessage={field(`invoices[${i}].dueDate`)}>
              <Input type="date" value={inv.dueDate} onChange={(_, d) => change(i, { dueDate: d.value })} />
            </Field>
            <Field label="Montant TTC (€)" required validationMessage={field(`invoices[${i}].amountTtc`)}>
              <Input inputMode="decimal" value={inv.amountTtc} onChange={(_, d) => change(i, { amountTtc: d.value })} />
            </Field>
          </fieldset>
        ))}
        <div className={l.row}>
          <Button onClick={() => setInvoices([...invoices, { ...emptyInvoice }])}>Ajouter une facture</Button>
          <Button appearance="primary" type="submit" disabled={busy}>{busy ? "Création…" : "Créer le dossier"}</Button>
        </div>
        {error && <ErrorState error={error} title="Dossier non créé" />}
      </form>
    </Section>
  );
}
