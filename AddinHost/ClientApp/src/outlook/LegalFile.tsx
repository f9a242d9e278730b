import {
  Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { date } from "../shared/format";
import { Section, useLayout } from "../shared/ui";
import { useAction } from "../shared/useAction";
import { ErrorState } from "../shared/states";
import type { CaseDetails, CourtKind, FeeAgreementExemption, PartyKind } from "../shared/types";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

const kinds: Record<PartyKind, string> = {
  Professionnel: "Professionnel (agit pour son activité)",
  Consommateur: "Consommateur (personne physique)",
  NonProfessionnel: "Non-professionnel (personne morale hors activité professionnelle)",
};

/**
 * The case's legal file: what makes its letters safe to sign. The warnings say what is missing and why; each
 * dialog records one fact with its French validation (parties, client's consent, counsel, fee agreement, court,
 * interpellation).
 */
export function LegalFile({ details, onChanged }: { details: CaseDetails; onChanged: () => void }) {
  const l = useLayout();
  const legal = details.legal;
  return (
    <Section title="Fiche juridique" id="fiche-juridique">
      {details.warnings.map((w) => (
        <MessageBar key={w.code + w.message} intent={w.code === "conseil" ? "info" : "warning"}
          data-testid={`alerte-${w.code}`}>
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
      <dl className={l.list} style={{ margin: 0 }}>
        <Line label="Régime">{legal.regime}</Line>
        <Line label="Créancier">{kinds[legal.creditorKind]}</Line>
        <Line label="Débiteur">{kinds[legal.debtorKind]}</Line>
        {!legal.ownFees && (
          <Line label="Accord du client (RIN 8.2)">
            {legal.contactConsentOn
              ? `le ${date(legal.contactConsentOn)}${
                legal.contactConsentForAllDebtors ? " (pour tous ses débiteurs)" : ""}`
              : "non enregistré"}
          </Line>
        )}
        <Line label="Avocat du débiteur">{legal.counsel ? legal.counsel.name : "aucun connu"}</Line>
        {legal.ownFees && (
          <Line label="Convention d'honoraires">
            {legal.feeAgreement.signedOn ? `du ${date(legal.feeAgreement.signedOn)}`
              : legal.feeAgreement.exemption ? exemptions[legal.feeAgreement.exemption] : "non enregistrée"}
          </Line>
        )}
        <Line label="Référé-provision">
          {`président du ${legal.court.name} (CPC art. ${legal.court.refereArticle})`}
        </Line>
        <Line label="Intérêts légaux depuis">
          {legal.noticeReceivedOn ? date(legal.noticeReceivedOn) : "aucune mise en demeure reçue"}
        </Line>
      </dl>
      <div className={l.row} role="group" aria-label="Modifier la fiche juridique">
        <PartiesDialog details={details} onDone={onChanged} />
        {!legal.ownFees && <ConsentDialog caseId={details.id} onDone={onChanged} />}
        <CounselDialog details={details} onDone={onChanged} />
        {legal.counsel && <RemoveCounsel caseId={details.id} onDone={onChanged} />}
        {legal.ownFees && <FeeAgreementDialog caseId={details.id} onDone={onChanged} />}
        <CourtDialog details={details} onDone={onChanged} />
        <InterpellationDialog details={details} onDone={onChanged} />
      </div>
    </Section>
  );
}

const exemptions: Record<FeeAgreementExemption, string> = {
  Urgence: "dispense : urgence", ForceMajeure: "dispense : force majeure",
  AideJuridictionnelleTotale: "aide juridictionnelle totale",
};

function Line({ label, children }: { label: string; children: ReactNode }) {
  const l = useLayout();
  return (
    <div className={l.spread}>
      <dt><Caption1>{label}</Caption1></dt><dd style={{ margin: 0 }}><Text>{children}</Text></dd>
    </div>
  );
}

function PartiesDialog({ details, onDone }: { details: CaseDetails; onDone: () => void }) {
  const [creditorKind, setCreditorKind] = useState<PartyKind>(details.legal.creditorKind);
  const [debtorKind, setDebtorKind] = useState<PartyKind>(details.legal.debtorKind);
  return (
    <FormDialog trigger="Qualité des parties" title="Qualité du créancier et du débiteur" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${details.id}/parties`, { creditorKind, debtorKind });
        onDone();
      }}>
      <Caption1>Les pénalités de l'article L. 441-10 et l'indemnité de 40 € ne s'appliquent qu'entre professionnels ;
        sinon, intérêts au taux légal à compter de la mise en demeure. Une SCI qui contracte pour son activité est un
        professionnel.</Caption1>
      <Field label="Créancier">
        <Select value={creditorKind} disabled={details.legal.ownFees}
          onChange={(_, d) => setCreditorKind(d.value as PartyKind)}>
          {Object.entries(kinds).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </Select>
      </Field>
      <Field label="Débiteur">
        <Select value={debtorKind} onChange={(_, d) => setDebtorKind(d.value as PartyKind)}>
          {Object.entries(kinds).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </Select>
      </Field>
    </FormDialog>
  );
}

function ConsentDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [on, setOn] = useState(today());
  const [evidence, setEvidence] = useState("");
  const [all, setAll] = useState(false);
  return (
    <FormDialog trigger="Accord du client" title="Accord du client pour contacter son débiteur (RIN art. 8.2)"
      submitLabel="Enregistrer l'accord"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${caseId}/contact-consent`,
          { consents: true, on, evidence: evidence || null, forAllDebtors: all });
        onDone();
      }}>
      <Caption1>Sans cet accord, aucun courrier ne part vers le débiteur.</Caption1>
      <Field label="Date de l'accord" required>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="Où il figure" hint="Par exemple : lettre de mission du 15/01/2025.">
        <Input value={evidence} onChange={(_, d) => setEvidence(d.value)} />
      </Field>
      <Checkbox label="Pour tous les débiteurs de ce client" checked={all}
        onChange={(_, d) => setAll(d.checked === true)} />
    </FormDialog>
  );
}

function CounselDialog({ details, onDone }: { details: CaseDetails; onDone: () => void }) {
  const c = details.legal.counsel;
  const [name, setName] = useState(c?.name ?? "");
  const [email, setEmail] = useState(c?.email ?? "");
  const [address, setAddress] = useState(c?.address ?? "");
  const [postalCode, setPostalCode] = useState(c?.postalCode ?? "");
  const [city, setCity] = useState(c?.city ?? "");
  return (
    <FormDialog trigger="Débiteur représenté…" title="Débiteur représenté par un avocat" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${details.id}/counsel`, {
          name, email: email || null, address: address || null, postalCode: postalCode || null, city: city || null,
        });
        onDone();
      }}>
      <Caption1>Dès qu'un avocat est connu, plus aucun courrier ne va au débiteur : chaque étape est adressée à son
        conseil (RIN art. 8.2), la mise en demeure porte la mention « Officielle » (RIN art. 3.2), et le confrère est
        prévenu avant toute procédure (RIN art. 5.4).</Caption1>
      <Field label="Nom" required hint="Par exemple : Maître Paul Girard">
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label="Adresse électronique">
        <Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
      <Field label="Adresse"><Input value={address} onChange={(_, d) => setAddress(d.value)} /></Field>
      <Field label="Code postal"><Input value={postalCode} onChange={(_, d) => setPostalCode(d.value)} /></Field>
      <Field label="Ville"><Input value={city} onChange={(_, d) => setCity(d.value)} /></Field>
    </FormDialog>
  );
}

function RemoveCounsel({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { busy, error, run } = useAction();
  return (
    <>
      <Button disabled={busy}
        onClick={() => void run(async () => { await sendJson("DELETE", `/api/cases/${caseId}/counsel`); onDone(); })}>
        L'avocat ne le représente plus
      </Button>
      {error && <ErrorState error={error} title="Non enregistré" />}
    </>
  );
}

function FeeAgreementDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [signedOn, setSignedOn] = useState("");
  const [reference, setReference] = useState("");
  const [exemption, setExemption] = useState<"" | FeeAgreementExemption>("");
  return (
    <FormDialog trigger="Convention d'honoraires" title="Convention d'honoraires (loi n° 71-1130, art. 10)"
      submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${caseId}/fee-agreement`, {
          signedOn: signedOn || null, reference: reference || null, exemption: exemption || null,
        });
        onDone();
      }}>
      <Caption1>Elle est obligatoire, sauf urgence, force majeure ou aide juridictionnelle totale. Le courrier ne la
        cite que si elle est enregistrée.</Caption1>
      <Field label="Signée le"><Input type="date" value={signedOn} onChange={(_, d) => setSignedOn(d.value)} /></Field>
      <Field label="Référence"><Input value={reference} onChange={(_, d) => setReference(d.value)} /></Field>
      <Field label="Ou, sans convention">
        <Select value={exemption} onChange={(_, d) => setExemption(d.value as "" | FeeAgreementExemption)}>
          <option value="">—</option>
          <option value="Urgence">Urgence</option>
          <option value="ForceMajeure">Force majeure</option>
          <option value="AideJuridictionnelleTotale">Aide juridictionnelle totale</option>
        </Select>
      </Field>
    </FormDialog>
  );
}

function CourtDialog({ details, onDone }: { details: CaseDetails; onDone: () => void }) {
  const court = details.legal.court;
  const [kind, setKind] = useState<"" | CourtKind>(court.kindSetByLawyer ? court.kind : "");
  const [city, setCity] = useState(court.city ?? "");
  return (
    <FormDialog trigger="Juridiction" title="Juridiction du référé-provision" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${details.id}/court`, { kind: kind || null, city: city || null });
        onDone();
      }}>
      <Caption1>Par défaut : le tribunal de commerce entre professionnels (CPC art. 873), le tribunal judiciaire sinon
        (CPC art. 835). Dans les douze ressorts de l'expérimentation, le tribunal de commerce est un tribunal des
        activités économiques.</Caption1>
      <Field label="Tribunal">
        <Select value={kind} onChange={(_, d) => setKind(d.value as "" | CourtKind)}>
          <option value="">Selon les parties</option>
          <option value="TribunalDeCommerce">Tribunal de commerce (ou des activités économiques)</option>
          <option value="TribunalJudiciaire">Tribunal judiciaire</option>
        </Select>
      </Field>
      <Field label="Ville du tribunal"><Input value={city} onChange={(_, d) => setCity(d.value)} /></Field>
    </FormDialog>
  );
}

function InterpellationDialog({ details, onDone }: { details: CaseDetails; onDone: () => void }) {
  // Steps taken before the mise en demeure, whose letter the lawyer may hold for an « interpellation suffisante ».
  const steps = details.history.filter((h) => h.kind === "EtapeEffectuee" && h.level !== null
    && !details.ladder.levels[h.level]?.isNotice && !details.legal.interpellationLevels.includes(h.level));
  const [level, setLevel] = useState(steps[0]?.level?.toString() ?? "");
  const [receivedOn, setReceivedOn] = useState("");
  if (steps.length === 0) return null;
  return (
    <FormDialog trigger="Interpellation suffisante"
      title="Une lettre antérieure vaut interpellation suffisante (C. civ. art. 1344)" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${details.id}/interpellations`,
          { level: Number(level), receivedOn: receivedOn || null });
        onDone();
      }}>
      <Caption1>
        Les intérêts au taux légal courront alors de sa réception, et non de celle de la mise en demeure.
      </Caption1>
      <Field label="Lettre">
        <Select value={level} onChange={(_, d) => setLevel(d.value)}>
          {steps.map((s) => (
            <option key={s.level} value={s.level!}>
              {s.stepName ?? details.ladder.levels[s.level!]?.name} du {date(s.effectiveOn)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Reçue le" hint="Si sa réception n'est pas déjà connue par la preuve de l'envoi.">
        <Input type="date" value={receivedOn} onChange={(_, d) => setReceivedOn(d.value)} />
      </Field>
    </FormDialog>
  );
}
