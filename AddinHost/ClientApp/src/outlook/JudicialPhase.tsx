import { Badge, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text }
  from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { download, postForBlob, sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { date, eur } from "../shared/format";
import { ErrorState, Loading } from "../shared/states";
import { Section, useLayout } from "../shared/ui";
import { useAction } from "../shared/useAction";
import { useApi } from "../shared/useApi";
import { HandOverSection } from "./HandOverSection";
import { saveBlob } from "../shared/saveBlob";
import { SmallClaimsSection } from "./SmallClaimsSection";
import {
  courtKinds, eventKinds, type InjunctionCourtKind, type InjunctionEventKind, type InjunctionView, type JudicialView,
  type OrderOutcome, type RouteOption,
} from "./judicialTypes";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

/**
 * « Phase judiciaire »: the routes with their reasons and conditions, the lawyer's choice, the court (the debtor's
 * commune shown, never guessed), the requête and the court file to download, and the injunction's events with the
 * deadlines they give; the small-claims proposal and its answer. A chunk of its own, loaded only for a case at the
 * judicial step.
 */
export default function JudicialPhase({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const l = useLayout();
  const view = useApi<JudicialView>(`/api/cases/${caseId}/judiciaire`);
  const changed = () => { view.reload(); onChanged(); };
  if (view.loading && !view.data) return <Loading label="Lecture de la phase judiciaire…" />;
  if (view.error && !view.data) return <ErrorState error={view.error} onRetry={view.reload} />;
  const v = view.data!;
  const d = v.decision;
  return (
    <Section title="Phase judiciaire" id="phase-judiciaire"
      actions={v.chosenRoute && <Badge appearance="tint" color="brand">{label(v, v.chosenRoute)}</Badge>}>
      <Caption1 data-testid="situation-judiciaire">{d.situation} Montant du dossier : {eur(d.amount)}.</Caption1>
      {d.stoppedBy && <MessageBar intent="warning"><MessageBarBody>{d.stoppedBy}</MessageBarBody></MessageBar>}
      <ul className={l.list} aria-label="Voies possibles">
        {d.options.map((o) => (
          <RouteItem key={o.route} option={o} caseId={caseId} chosen={v.chosenRoute === o.route}
            canChoose={d.reached && o.fits && v.chosenRoute !== o.route} onDone={changed} />
        ))}
      </ul>
      <Court view={v} onDone={changed} />
      {v.chosenRoute === "InjonctionDePayer" && <Documents view={v} onDone={changed} />}
      {v.chosenRoute === "PetitesCreances" && <SmallClaimsSection view={v} onDone={changed} />}
      {v.injunction && <Procedure injunction={v.injunction} />}
      {v.chosenRoute === "InjonctionDePayer" && (
        <div className={l.row}><EventDialog caseId={caseId} onDone={changed} /></div>
      )}
      {v.injunction?.orderOn && v.injunction.outcome !== "Rejet" && !v.injunction.servedOn && (
        <HandOverSection caseId={caseId} onDone={changed} />
      )}
      {v.deadlines.length > 0 && (
        <ul className={l.list} aria-label="Échéances judiciaires" data-testid="echeances-judiciaires">
          {v.deadlines.map((x) => (
            <li key={x.kind} className={l.spread}><Text>{x.title}</Text><Caption1>{date(x.on)}</Caption1></li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const label = (v: JudicialView, route: string) => v.decision.options.find((o) => o.route === route)?.label ?? route;

function RouteItem({ option: o, caseId, chosen, canChoose, onDone }: {
  option: RouteOption; caseId: string; chosen: boolean; canChoose: boolean; onDone: () => void;
}) {
  const l = useLayout();
  const { busy, error, run } = useAction();
  const choose = () => run(async () => {
    await sendJson("POST", `/api/cases/${caseId}/judiciaire/route`, { route: o.route });
    onDone();
  });
  return (
    <li className={l.section} data-route={o.route}>
      <div className={l.spread}>
        <Text weight="semibold">{o.label}</Text>
        {chosen ? <Badge color="success">choisie</Badge>
          : <Badge appearance="outline" color={o.fits ? "success" : "subtle"}>
            {o.fits ? "possible" : "ne convient pas"}
          </Badge>}
      </div>
      <Caption1>{o.reason}</Caption1>
      {o.conditions.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: "1.2em" }}>
          {o.conditions.map((c) => <li key={c}><Caption1>{c}</Caption1></li>)}
        </ul>
      )}
      {canChoose && (
        <div className={l.row}>
          <Button size="small" onClick={() => void choose()} disabled={busy}>Choisir : {o.label}</Button>
        </div>
      )}
      {error && <ErrorState error={error} title="Voie non enregistrée" />}
    </li>
  );
}

function Court({ view: v, onDone }: { view: JudicialView; onDone: () => void }) {
  const c = v.court;
  return (
    <div data-testid="juridiction">
      <Text weight="semibold">Juridiction</Text>
      <Line label="Proposée">{c.competence.label}</Line>
      <Caption1>{c.competence.reason} {c.competence.territory}</Caption1>
      <Line label="Commune du débiteur">{c.competence.debtorCommune ?? "inconnue"}</Line>
      <Line label="Choisie par l'avocat">{c.chosenName ?? "aucune"}</Line>
      {c.warning && <MessageBar intent="warning"><MessageBarBody>{c.warning}</MessageBarBody></MessageBar>}
      {!v.injunction?.filedOn && <CourtDialog view={v} onDone={onDone} />}
    </div>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  const l = useLayout();
  return <div className={l.spread}><Caption1>{label}</Caption1><Text>{children}</Text></div>;
}

function CourtDialog({ view: v, onDone }: { view: JudicialView; onDone: () => void }) {
  const [kind, setKind] = useState<InjunctionCourtKind>(v.court.chosenKind ?? v.court.competence.kind);
  const [name, setName] = useState(v.court.chosenName ?? "");
  return (
    <FormDialog trigger="Choisir la juridiction" title="Juridiction saisie de la requête" submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${v.caseId}/judiciaire/court`, { kind, name: name || null });
        onDone();
      }}>
      <Caption1>
        Compétente : celle du lieu où demeure le débiteur ({v.court.competence.debtorCommune ?? "commune inconnue"}),
        art. 1406 et 43 CPC. L'application ne la devine pas : vérifiez-la.
      </Caption1>
      <Field label="Type de juridiction">
        <Select value={kind} onChange={(_, d) => setKind(d.value as InjunctionCourtKind)}>
          {Object.entries(courtKinds).map(([k, t]) => <option key={k} value={k}>{t}</option>)}
        </Select>
      </Field>
      <Field label="Nom de la juridiction" hint="Par exemple : tribunal de commerce de Chambéry.">
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
    </FormDialog>
  );
}

function Documents({ view: v, onDone }: { view: JudicialView; onDone: () => void }) {
  const l = useLayout();
  const { busy, error, run } = useAction();
  const requete = (format: "docx" | "pdf") => run(async () => {
    const blob = await postForBlob(`/api/cases/${v.caseId}/judiciaire/requete`, { format });
    saveBlob(blob, `${v.reference}-requete-injonction.${format}`);
  });
  const dossier = () => run(async () => {
    await download(`/api/cases/${v.caseId}/judiciaire/dossier`, `${v.reference}-dossier-injonction.zip`);
    onDone(); // the court file is written in the history
  });
  return (
    <div className={l.section}>
      <div className={l.row} role="group" aria-label="Requête et dossier">
        <Button onClick={() => void requete("docx")} disabled={busy}>Requête (Word)</Button>
        <Button onClick={() => void requete("pdf")} disabled={busy}>Requête (PDF)</Button>
        <Button onClick={() => void dossier()} disabled={busy}>Dossier pour le greffe (zip)</Button>
      </div>
      {busy && <Caption1 role="status">Préparation du document…</Caption1>}
      {error && <ErrorState error={error} title="Document non généré" />}
    </div>
  );
}

const outcomes: Record<OrderOutcome, string> = { Totale: "pour le tout", Partielle: "pour partie", Rejet: "rejet" };

function Procedure({ injunction: i }: { injunction: InjunctionView }) {
  const s = i.schedule;
  const number = i.caseNumber ? ` (n° ${i.caseNumber})` : "";
  const filed = i.filedOn && `${date(i.filedOn)} — ${i.filedCourt ?? ""}${number}`;
  const order = i.orderOn
    && `${date(i.orderOn)}, ${outcomes[i.outcome!]}${i.orderAmount ? ` (${eur(i.orderAmount)})` : ""}`;
  const served = i.servedOn
    ? `${date(i.servedOn)}${i.servedToPerson ? " à personne" : " (pas à personne)"}`
    : `au plus tard le ${date(s.serveBy)}`;
  const rules = [s.serveByRule, s.oppositionRule, s.enforceableRule, s.increasedRateRule, s.enforcementLimitRule]
    .filter((r): r is string => !!r);
  return (
    <div data-testid="procedure-injonction">
      <Text weight="semibold">Injonction de payer</Text>
      <Line label="Dépôt">{filed || "à faire"}</Line>
      {i.filedOn && <Line label="Ordonnance">{order || "attendue"}</Line>}
      {i.orderOn && i.outcome !== "Rejet" && <Line label="Signification">{served}</Line>}
      {i.oppositionOn && <Line label="Opposition">{date(i.oppositionOn)}</Line>}
      {rules.map((r) => <Caption1 key={r} as="p" style={{ margin: 0 }}>{r}</Caption1>)}
      {s.lapsed && (
        <MessageBar intent="error">
          <MessageBarBody>L'ordonnance est non avenue (art. 1411 CPC).</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function EventDialog({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [kind, setKind] = useState<InjunctionEventKind>("Depot");
  const [on, setOn] = useState(today());
  const [court, setCourt] = useState("");
  const [caseNumber, setCaseNumber] = useState("");
  const [outcome, setOutcome] = useState<OrderOutcome>("Totale");
  const [amount, setAmount] = useState("");
  const [toPerson, setToPerson] = useState(true);
  const [reference, setReference] = useState("");
  const amountValue = amount.trim() === "" ? null : Number(amount.replace(/\s/g, "").replace(",", "."));
  return (
    <FormDialog trigger="Enregistrer un événement" title="Événement de l'injonction de payer"
      submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("POST", `/api/cases/${caseId}/judiciaire/events`, {
          kind, on,
          court: kind === "Depot" ? court || null : null,
          caseNumber: kind === "Depot" || kind === "Ordonnance" ? caseNumber || null : null,
          outcome: kind === "Ordonnance" ? outcome : null,
          amount: kind === "Ordonnance" ? amountValue : null,
          toPerson: kind === "Signification" ? toPerson : null,
          reference: kind === "Signification" ? reference || null : null,
        });
        onDone();
      }}>
      <Field label="Événement">
        <Select value={kind} onChange={(_, d) => setKind(d.value as InjunctionEventKind)}>
          {Object.entries(eventKinds).map(([k, t]) => <option key={k} value={k}>{t}</option>)}
        </Select>
      </Field>
      <Field label="Date" required><Input type="date" value={on} onChange={(_, d) => setOn(d.value)} /></Field>
      {kind === "Depot" && (
        <Field label="Juridiction saisie" hint="Vide : la juridiction choisie.">
          <Input value={court} onChange={(_, d) => setCourt(d.value)} />
        </Field>
      )}
      {(kind === "Depot" || kind === "Ordonnance") && (
        <Field label="Numéro de l'affaire (RG)">
          <Input value={caseNumber} onChange={(_, d) => setCaseNumber(d.value)} />
        </Field>
      )}
      {kind === "Ordonnance" && (
        <>
          <Field label="Décision">
            <Select value={outcome} onChange={(_, d) => setOutcome(d.value as OrderOutcome)}>
              <option value="Totale">Injonction pour le tout</option>
              <option value="Partielle">Injonction pour partie</option>
              <option value="Rejet">Rejet de la requête</option>
            </Select>
          </Field>
          {outcome === "Partielle" && (
            <Field label="Montant retenu (€)">
              <Input inputMode="decimal" value={amount} onChange={(_, d) => setAmount(d.value)} />
            </Field>
          )}
        </>
      )}
      {kind === "Signification" && (
        <>
          <Checkbox label="Signifiée à la personne du débiteur" checked={toPerson}
            onChange={(_, d) => setToPerson(d.checked === true)} />
          <Field label="Référence de l'acte">
            <Input value={reference} onChange={(_, d) => setReference(d.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
