// The API's answers the panes read (see /openapi/v1.json). Money is a JSON number in euros.

export type StepChannel = "Email" | "Ere" | "LreQualifiee" | "Courrier" | "Telephone" | "Decision";
export type DispatchState = "Planned" | "Sending" | "ToVerify" | "Deposited" | "Accepted" | "Refused" | "Negligence"
  | "Bounced" | "Failed" | "ToPrint" | "Posted" | "EmailSent";
export type CaseStatus = "EnCours" | "EnPause" | "EchelleTerminee" | "Solde" | "SousLeSeuil";
export type PauseKind = "Litige" | "PromesseDePaiement" | "Echeancier" | "Suspension";

export interface Info {
  product: string; environment: string | null; demonstration: boolean; embeddedDefaults: string[];
  banner: string | null;
}

export interface AddinConfig {
  demonstration: boolean; clientId: string | null; apiScope: string | null; authority: string; banner: string | null;
}

export interface Party {
  id: string; name: string; kind: string; siren: string | null; email: string | null; address: string | null;
  postalCode: string | null; city: string | null;
  quality: PartyKind | null;
}

export interface Amounts {
  principal: number; interest: number; indemnity: number; total: number; regime: string; legalBasis: string;
  note: string | null; credit: number;
}

export interface InvoiceLine {
  id: string; number: string; issueDate: string; dueDate: string; amountTtc: number; paid: number;
  principalRemaining: number; interestRemaining: number; indemnity: number; daysLate: number;
  prescriptionDeadline: string | null; completedOn: string | null; prescriptionMayBeEarlier: boolean;
}

export type PartyKind = "Professionnel" | "Consommateur" | "NonProfessionnel";
export type FeeAgreementExemption = "Urgence" | "ForceMajeure" | "AideJuridictionnelleTotale";
export type CourtKind = "TribunalJudiciaire" | "TribunalDeCommerce";
export interface Counsel {
  name: string; email: string | null; address: string | null; postalCode: string | null; city: string | null;
}
export interface CaseLegal {
  creditorKind: PartyKind; debtorKind: PartyKind; regime: string; ownFees: boolean;
  contactConsentOn: string | null; contactConsentEvidence: string | null; contactConsentForAllDebtors: boolean;
  counsel: Counsel | null;
  feeAgreement: { signedOn: string | null; reference: string | null; exemption: FeeAgreementExemption | null };
  court: { kind: CourtKind; kindSetByLawyer: boolean; city: string | null; name: string; refereArticle: string };
  noticeReceivedOn: string | null; interpellationLevels: number[];
}
export interface CaseWarning { code: string; message: string }
export interface Acknowledgement { id: string; date: string; note: string | null; invoiceNumbers: string[] }

export interface PolicyLevel {
  name: string; delayDays: number; channel: StepChannel; template: string | null; attachInvoices: boolean;
  minGapDays: number; isNotice?: boolean;
}
export interface NextStep {
  level: number; name: string; channel: StepChannel; template: string | null; dueOn: string; isDue: boolean;
  blockedBy: string | null;
}
export interface Ladder {
  status: CaseStatus; statusLabel: string; lastLevel: number | null; lastLevelName: string | null;
  lastStepOn: string | null;
  next: NextStep | null; explanation: string; levels: PolicyLevel[];
}
export interface Prescription {
  deadline: string; daysLeft: number; isTimeBarred: boolean; invoiceNumber: string; reason: string;
  warningSoon: boolean; mayBeEarlier: boolean;
}
export interface Pause {
  id: string; kind: PauseKind; startedOn: string; until: string | null; liftedOn: string | null; reason: string | null;
  active: boolean;
}
export interface HistoryEntry {
  at: string; effectiveOn: string; kind: string; level: number | null; summary: string; actor: string;
  stepName: string | null; invoiceNumbers: string[] | null;
}

export interface CaseDetails {
  id: string; reference: string; asOf: string; creditor: Party; debtor: Party; amounts: Amounts | null;
  amountsError: string | null;
  invoices: InvoiceLine[]; ladder: Ladder; prescription: Prescription | null; pauses: Pause[]; history: HistoryEntry[];
  acknowledgements: Acknowledgement[]; legal: CaseLegal; warnings: CaseWarning[];
}

export interface CaseSummary {
  id: string; reference: string; creditor: string; debtor: string; debtorKind: string; principal: number;
  total: number | null;
  status: CaseStatus; statusLabel: string; nextStep: string | null; nextChannel: StepChannel | null;
  nextStepDueOn: string | null; nextStepIsDue: boolean;
}

export interface ChannelChoice {
  planned: StepChannel; channel: StepChannel; channelLabel: string; explanation: string; priceHt: number;
  needsOtp: boolean;
}
export interface FiledProof { kind: string; sha256: string; size: number; filedAt: string; url: string }
export interface Dispatch {
  id: string; caseId: string; level: number; levelName: string; channel: StepChannel; channelReason: string;
  state: DispatchState; stateLabel: string;
  trackingNumber: string | null; failureReason: string | null; letterId: string; createdAt: string; updatedAt: string;
  proofs: FiledProof[]; simulation: string | null;
  /** An e-mail step sent from a shared or delegated mailbox: its address. */
  mailboxOwner?: string | null;
}
export interface DispatchPreview {
  caseId: string; level: number; levelName: string; template: string | null; dueOn: string; choice: ChannelChoice;
  senderEmail: string | null; existing: Dispatch | null; simulation: string | null;
  /** Why the AR24 sender cannot send yet (French); null when it can. */
  senderProblem: string | null;
}

export interface MessageInfo {
  id: string; subject: string | null; fromName: string | null; fromAddress: string | null; receivedAt: string | null;
}
export interface NoMatchOffer {
  explanation: string; suggestedDebtorName: string | null; address: string | null; linkRoute: string;
}
export interface MessageCase {
  message: MessageInfo; matchedBy: "Adresse" | "Domaine" | "Facture" | null; explanation: string; cases: CaseSummary[];
  invoiceNumbersFound: string[]; offer: NoMatchOffer | null;
  /** The first listed case in full, so the pane shows it without a second request. */
  firstCase?: CaseDetails | null;
}
export interface ReplySuggestion { hint: string; label: string; suggestedAction: string; evidence: string }
export interface DebtorMessage {
  id: string; subject: string | null; fromAddress: string | null; receivedAt: string | null; preview: string | null;
  suggestions: ReplySuggestion[];
}
export interface DebtorMessages {
  caseId: string; since: string; addresses: string[]; messages: DebtorMessage[]; truncated: boolean;
}
export interface UpcomingEvent {
  id: string; subject: string | null; start: string | null; end: string | null; isAllDay: boolean;
  fromOutlookDunning: boolean;
}
export interface ImportedAttachment {
  fileName: string; size: number; sha256: string; invoiceNumber: string | null; imported: boolean;
  reason: string | null;
}

export interface TemplateInfo { name: string; source: string; version: number }
export interface Field {
  champ: string; description: string; exemple: string; type: "Valeur" | "Liste" | "Condition"; elements: Field[] | null;
}
export interface FieldList { champs: Field[]; formats: { nom: string; description: string }[]; syntaxe: string }
export interface TemplateProblem { part: string; paragraph: number; context: string; message: string }
export interface Lint { template: string; version: number; valide: boolean; problemes: TemplateProblem[] }
export interface GeneratedLetter {
  id: string; template: string; format: string; fileName: string; sha256: string; createdAt: string;
}

export interface DueStep {
  caseId: string; reference: string; debtor: string; creditor: string; level: number; step: string; dueOn: string;
  totalDue: number | null; choice: ChannelChoice | null; notSendable: string | null;
}
export interface DueList { on: string; steps: DueStep[]; totalPriceHt: number; simulation: string | null }
export interface BatchEntry {
  position: number; caseId: string; reference: string; debtor: string; level: number;
  state: "Pending" | "Planned" | "Rejected"; status: string;
  dispatchId: string | null; channel: StepChannel | null; dispatchState: DispatchState | null; error: string | null;
  settled: boolean;
}
export interface Batch {
  id: string; createdAt: string; total: number; settled: number; failed: number; done: boolean; entries: BatchEntry[];
  simulation: string | null;
}

export interface Policy { name: string; toleranceAmount: number; levels: PolicyLevel[] }
export interface Rate {
  kind: "BceRefinancement" | "LegalParticulier" | "LegalAutre"; year: number; half: number; ratePercent: number;
  source: string | null;
}
export interface AuditEntry { at: string; userId: string; action: string; entityType: string; entityId: string | null }
export interface TemplateVersion { version: number; uploadedAt: string; uploadedBy: string; sha256: string }

export interface RetentionHold { data: string; reason: string; until: string | null; untilText: string }
export interface ErasureCase {
  caseId: string; reference: string; erasable: boolean; erasableFrom: string | null; holds: RetentionHold[];
}
export interface ErasurePlan {
  debtorId: string; asOf: string; debtorErasable: boolean; cases: ErasureCase[]; outsideTheApp: string[];
}
export interface ErasureReport {
  debtorId: string; debtorErased: boolean; erasedCases: string[]; keptCases: ErasureCase[]; outsideTheApp: string[];
}

export type Ar24SenderState = "ToCreate" | "AccessRequested" | "TermsToAccept" | "Active";
export interface Ar24Sender {
  id: string; email: string; userId: string | null; gender: string | null; firstname: string | null;
  lastname: string | null;
  state: Ar24SenderState | null; stateLabel: string; detail: string | null; ar24UserId: number | null; pending: boolean;
  isFirmAddress: boolean; configured: boolean;
}
export interface Cabinet {
  name: string | null; address: string | null; postalCode: string | null; city: string | null;
  signingLawyer: string | null; bar: string | null;
  email: string | null; siret: string | null; vatNumber: string | null; country: string | null;
  mediatorName: string | null; mediatorAddress: string | null; mediatorEmail: string | null;
  mediatorWebsite: string | null;
}

/** A firm's choice for one shared or delegated mailbox: the calendar its cases' deadlines go to. */
export interface SharedMailboxCalendar { address: string; calendar: "Proprietaire" | "Utilisateur"; updatedAt: string }
