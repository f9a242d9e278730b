import { Badge, Button, Caption1, Field, Input, Select, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { EmptyState, ErrorState, Loading } from "../shared/states";
import { useAction } from "../shared/useAction";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { Ar24Sender, Cabinet } from "../shared/types";

/** The firm's identity as AR24 needs it, and its senders: added, proven by a code, opened at AR24, active. */
export function Ar24Senders() {
  const l = useLayout();
  const senders = useApi<Ar24Sender[]>("/api/ar24/senders");
  return (
    <div className={l.form}>
      <FirmIdentity />
      <Section title="Expéditeurs AR24" id="expediteurs-ar24" actions={<AddSender onDone={senders.reload} />}>
        <Caption1 className={l.muted}>
          Une lettre recommandée ne part que d'un expéditeur « Actif ». L'adresse est d'abord confirmée par le code
          qu'elle reçoit, puis le compte est ouvert chez AR24 ; son titulaire confirme son adresse et accepte les
          conditions générales d'AR24.
        </Caption1>
        {senders.loading && !senders.data && <Loading />}
        {senders.error && <ErrorState error={senders.error} onRetry={senders.reload} />}
        {senders.data?.length === 0 && (
          <EmptyState title="Aucun expéditeur">
            Ajoutez l'adresse du cabinet, puis celles des avocats qui envoient des LRE qualifiées.
          </EmptyState>
        )}
        <ul className={l.list} aria-label="Expéditeurs AR24">
          {senders.data?.map((s) => <SenderItem key={s.id} sender={s} onChange={senders.reload} />)}
        </ul>
      </Section>
    </div>
  );
}

const stateColour = {
  ToCreate: "informative", AccessRequested: "warning", TermsToAccept: "warning", Active: "success",
} as const;

function SenderItem({ sender, onChange }: { sender: Ar24Sender; onChange: () => void }) {
  const l = useLayout();
  const [code, setCode] = useState("");
  const { busy, error, run } = useAction();
  const confirm = () => run(async () => {
    await sendJson("POST", "/api/ar24/senders/confirm", { email: sender.email, code });
    onChange();
  });
  const provision = () => run(async () => {
    await sendJson("POST", `/api/ar24/senders/${sender.id}/provision`);
    onChange();
  });
  const who = [sender.firstname, sender.lastname].filter(Boolean).join(" ");
  return (
    <li aria-label={sender.email} className={l.section}>
      <div className={l.row}>
        <Text weight="semibold">{sender.email}</Text>
        {who && <Text>{who}</Text>}
        <Badge appearance="tint" color={sender.state ? stateColour[sender.state] : "warning"}
          data-state={sender.state ?? "Pending"}>
          {sender.stateLabel}
        </Badge>
        {sender.isFirmAddress && <Badge appearance="outline">Adresse du cabinet</Badge>}
        {sender.userId && <Badge appearance="outline">Avocat : {sender.userId}</Badge>}
        {sender.configured && <Badge appearance="outline">Ar24:Senders</Badge>}
      </div>
      {sender.detail && <Caption1>{sender.detail}</Caption1>}
      {sender.pending ? (
        <form className={l.row} onSubmit={(e) => { e.preventDefault(); void confirm(); }}>
          <Field label={`Code reçu à ${sender.email}`}>
            <Input inputMode="numeric" value={code} onChange={(_, d) => setCode(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>Confirmer l'adresse</Button>
        </form>
      ) : (
        <div className={l.row}>
          <Button onClick={() => void provision()} disabled={busy}>
            {busy ? "AR24 est interrogé…"
              : sender.state === "ToCreate" ? "Ouvrir le compte AR24" : "Vérifier le compte AR24"}
          </Button>
        </div>
      )}
      {error && <ErrorState error={error} title="AR24 : action non aboutie" />}
    </li>
  );
}

function AddSender({ onDone }: { onDone: () => void }) {
  const [draft, setDraft] = useState({ email: "", gender: "", firstname: "", lastname: "", userId: "" });
  const set = (key: keyof typeof draft) => (_: unknown, d: { value: string }) => setDraft({ ...draft, [key]: d.value });
  const submit = async () => {
    await sendJson("POST", "/api/ar24/senders",
      { ...draft, gender: draft.gender || null, userId: draft.userId || null });
    setDraft({ email: "", gender: "", firstname: "", lastname: "", userId: "" });
    onDone();
  };
  return (
    <FormDialog trigger="Ajouter un expéditeur" title="Ajouter ou compléter un expéditeur AR24"
      submitLabel="Envoyer le code" onSubmit={submit}>
      <Text>
        Un code de confirmation est envoyé à l'adresse depuis votre messagerie ; pour une adresse déjà confirmée,
        l'identité est complétée.
      </Text>
      <Field label="Adresse électronique" required>
        <Input type="email" value={draft.email} onChange={set("email")} />
      </Field>
      <Field label="Civilité"><Select value={draft.gender} onChange={set("gender")}>
        <option value="">Choisir</option><option value="F">Madame</option><option value="M">Monsieur</option>
      </Select></Field>
      <Field label="Prénom"><Input value={draft.firstname} onChange={set("firstname")} /></Field>
      <Field label="Nom"><Input value={draft.lastname} onChange={set("lastname")} /></Field>
      <Field label="Identifiant de l'avocat (Entra ID, vide pour l'adresse du cabinet)">
        <Input value={draft.userId} onChange={set("userId")} />
      </Field>
    </FormDialog>
  );
}

const empty: Cabinet = {
  name: "", address: "", postalCode: "", city: "", signingLawyer: "", bar: "", email: "", siret: "", vatNumber: "",
  country: "FR",
  mediatorName: "", mediatorAddress: "", mediatorEmail: "", mediatorWebsite: "",
};

/** What AR24 requires to open the firm's accounts: SIRET in France, VAT number elsewhere in the EU, postal address. */
function FirmIdentity() {
  const l = useLayout();
  const cabinet = useApi<Cabinet>("/api/cabinet");
  const [draft, setDraft] = useState<Cabinet>(empty);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => {
    if (cabinet.data) setDraft(
      { ...empty, ...Object.fromEntries(Object.entries(cabinet.data).map(([k, v]) => [k, v ?? ""])) });
  }, [cabinet.data]);
  const field = (key: keyof Cabinet, label: string, hint?: string) => (
    <Field label={label} hint={hint} validationMessage={error?.errors?.[key]?.[0]}>
      <Input value={draft[key] ?? ""}
        onChange={(_, d) => { setSaved(false); setDraft({ ...draft, [key]: d.value }); }} />
    </Field>
  );
  const save = () => run(async () => {
    await sendJson("PUT", "/api/cabinet",
      Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v === "" ? null : v])));
    setSaved(true);
    cabinet.reload();
  });
  if (cabinet.loading && !cabinet.data) return <Loading />;
  return (
    <Section title="Identité du cabinet" id="identite-cabinet">
      <form className={l.form} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {field("name", "Nom du cabinet")}
        {field("signingLawyer", "Avocat signataire", "Par exemple « Maître Claire Delaunay »")}
        {field("bar", "Barreau", "Par exemple « barreau de Lyon »")}
        {field("email", "Adresse électronique du cabinet",
          "Elle envoie les ERE quand l'avocat n'a pas d'expéditeur propre")}
        {field("address", "Adresse")}
        <div className={l.row}>
          {field("postalCode", "Code postal")}{field("city", "Ville")}
          {field("country", "Pays (code ISO)", "FR pour la France")}
        </div>
        <div className={l.row}>
          {field("siret", "SIRET", "Exigé par AR24 en France")}
          {field("vatNumber", "N° de TVA intracommunautaire", "Exigé par AR24 ailleurs dans l'UE")}
        </div>
        <div className={l.row}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? "Enregistrement…" : "Enregistrer l'identité"}
          </Button>
          {saved && <Text role="status">Identité enregistrée.</Text>}
        </div>
        {error && <ErrorState error={error} title="Identité non enregistrée" />}
      </form>
    </Section>
  );
}
