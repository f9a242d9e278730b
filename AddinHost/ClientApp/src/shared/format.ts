// French formats for money and dates, as on the letters.

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const day = new Intl.DateTimeFormat("fr-FR",
  { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });
const dayTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

export const eur = (amount: number | null | undefined) => (amount == null ? "—" : euros.format(amount));

/** A date-only value ("2025-10-08") is a calendar day, not an instant: format it without a time-zone shift. */
export const date = (value: string | null | undefined) => {
  if (!value) return "—";
  const only = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return only ? `${only[3]}/${only[2]}/${only[1]}` : day.format(new Date(value));
};

export const dateTime = (value: string | null | undefined) => (value ? dayTime.format(new Date(value)) : "—");

export const channelLabel: Record<string, string> = {
  Email: "Courriel", Ere: "Recommandé électronique (ERE)", LreQualifiee: "LRE qualifiée", Courrier: "Recommandé postal",
  Telephone: "Appel téléphonique", Decision: "Décision de l'avocat",
};
