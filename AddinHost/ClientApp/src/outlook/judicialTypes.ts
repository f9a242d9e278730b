// The judicial phase's shapes, as GET /api/cases/{id}/judiciaire returns them (AddinHost/Judicial/JudicialDtos.cs).

export type JudicialRoute = "InjonctionDePayer" | "PetitesCreances" | "RefereProvision" | "Batonnier"
  | "InjonctionDePayerEuropeenne" | "DeclarationDeCreance" | "ClassementIrrecouvrable" | "RetourAmiable";
export type InjunctionCourtKind = "TribunalJudiciaire" | "JugeDesContentieuxDeLaProtection" | "TribunalDeCommerce"
  | "TribunalDesActivitesEconomiques";
export type OrderOutcome = "Totale" | "Partielle" | "Rejet";
export type InjunctionEventKind = "Depot" | "Ordonnance" | "Signification" | "PremierActeAPersonne"
  | "MesureIndisponibilite" | "Opposition" | "ExonerationMajoration";

export interface RouteOption {
  route: JudicialRoute; label: string; fits: boolean; reason: string; conditions: string[];
}
export interface JudicialDecision {
  reached: boolean; situation: string; stoppedBy: string | null; amount: number; principalAndInterest: number;
  options: RouteOption[];
}
export interface CourtCompetence {
  kind: InjunctionCourtKind; label: string; reason: string; territory: string; debtorCommune: string | null;
  natureSetByLawyer: boolean;
}
export interface CourtView {
  competence: CourtCompetence; chosenKind: InjunctionCourtKind | null; chosenName: string | null;
  warning: string | null;
}
export interface InjunctionSchedule {
  serveBy: string | null; serveByRule: string | null; oppositionUntil: string | null; oppositionRule: string | null;
  enforceableFrom: string | null; enforceableRule: string | null; increasedRateFrom: string | null;
  increasedRateRule: string | null; enforcementLimit: string | null; enforcementLimitRule: string | null;
  lapsed: boolean; reformed2026: boolean;
}
export interface InjunctionView {
  filedOn: string | null; filedCourt: string | null; caseNumber: string | null; orderOn: string | null;
  outcome: OrderOutcome | null; orderAmount: number | null; servedOn: string | null; servedToPerson: boolean | null;
  serviceReference: string | null; firstActToPersonOn: string | null; freezingMeasureOn: string | null;
  oppositionOn: string | null; schedule: InjunctionSchedule;
}
export interface JudicialDeadline { kind: string; on: string; title: string }
export interface JudicialView {
  caseId: string; reference: string; decision: JudicialDecision; chosenRoute: JudicialRoute | null;
  chosenOn: string | null; nature: string; natureSetByLawyer: boolean; court: CourtView;
  injunction: InjunctionView | null; deadlines: JudicialDeadline[]; smallClaims: SmallClaimsView | null;
}

/** Where the small-claims procedure stands (CPCE L.125-1): each state with its rule, in French. */
export interface SmallClaimsView {
  invitedOn: string | null; commissaire: string | null; answerBy: string | null; answer: string;
  answeredOn: string | null; titleOn: string | null; titleReference: string | null; rule: string;
}

export const courtKinds: Record<InjunctionCourtKind, string> = {
  TribunalDeCommerce: "Président du tribunal de commerce",
  TribunalDesActivitesEconomiques: "Président du tribunal des activités économiques",
  TribunalJudiciaire: "Président du tribunal judiciaire",
  JugeDesContentieuxDeLaProtection: "Juge des contentieux de la protection",
};

export const eventKinds: Record<InjunctionEventKind, string> = {
  Depot: "Dépôt de la requête",
  Ordonnance: "Ordonnance",
  Signification: "Signification",
  PremierActeAPersonne: "Premier acte signifié à personne",
  MesureIndisponibilite: "Mesure rendant les biens indisponibles",
  Opposition: "Opposition",
  ExonerationMajoration: "Exonération de la majoration (juge de l'exécution)",
};

export interface Commissaire { id: string; name: string; office: string; email: string }
export interface OrderCandidate { id: string; fileName: string; addedAt: string; source: string }
export type HandOverState = "Planned" | "Sending" | "ToVerify" | "Sent" | "Failed";
export interface HandOver {
  id: string; round: number; state: HandOverState; stateLabel: string; toName: string; toEmail: string;
  orderFileName: string; zipFileName: string; zipSha256: string; createdAt: string; sentAt: string | null;
  failureReason: string | null;
}
