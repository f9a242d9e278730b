import {
  Caption1, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { sendJson } from "../shared/api";
import { FormDialog } from "../shared/FormDialog";
import { date, eur } from "../shared/format";
import { Section, useLayout } from "../shared/ui";
import type { CaseDetails, InvoiceLine } from "../shared/types";

// On a phone (Outlook mobile, 360 px) the columns take the width their content needs, the days late (already in the
// ladder) give way, and a table still too wide scrolls in its own frame rather than the whole pane.
const useTable = makeStyles({
  frame: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "auto" },
  late: { "@media (max-width: 400px)": { display: "none" } },
});

/** The invoices still owed, each with its own prescription deadline and, where it starts it, its completion date. */
export function Invoices({ details, onChanged }: { details: CaseDetails; onChanged: () => void }) {
  const l = useLayout();
  const t = useTable();
  const open = details.invoices.filter((i) => i.principalRemaining > 0);
  const ownFees = details.legal.ownFees;
  return (
    <Section title={`Factures impayées (${open.length})`} id="factures">
      <div className={t.frame} role="region" aria-labelledby="factures" tabIndex={0}>
      <Table size="small" aria-labelledby="factures" className={t.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>N°</TableHeaderCell><TableHeaderCell>Échéance</TableHeaderCell>
            <TableHeaderCell>Reste dû</TableHeaderCell><TableHeaderCell className={t.late}>Retard</TableHeaderCell>
            <TableHeaderCell>Prescription</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {open.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.number}</TableCell>
              <TableCell>{date(i.dueDate)}</TableCell>
              <TableCell className={l.amount}>{eur(i.principalRemaining)}</TableCell>
              <TableCell className={t.late}>{i.daysLate > 0 ? `${i.daysLate} j` : "—"}</TableCell>
              <TableCell>
                {date(i.prescriptionDeadline)}{i.prescriptionMayBeEarlier ? " (peut être antérieure)" : ""}
                {(i.prescriptionMayBeEarlier || i.completedOn) && (
                  <Completion caseId={details.id} invoice={i} ownFees={ownFees} onDone={onChanged} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </div>
    </Section>
  );
}

/** The pane asks for the date the prescription runs from when it is unknown (Cass. 1re civ., 19 mai 2021). */
function Completion({ caseId, invoice, ownFees, onDone }: {
  caseId: string; invoice: InvoiceLine; ownFees: boolean; onDone: () => void;
}) {
  const [on, setOn] = useState(invoice.completedOn ?? "");
  const what = ownFees ? "Fin du mandat" : "Achèvement de la prestation";
  return (
    <FormDialog trigger={invoice.completedOn ? `${what} : ${date(invoice.completedOn)}` : `${what} ?`}
      title={`${what} — facture ${invoice.number}`}
      submitLabel="Enregistrer"
      onSubmit={async () => {
        await sendJson("PUT", `/api/cases/${caseId}/invoices/${invoice.id}/completion`, { completedOn: on || null });
        onDone();
      }}>
      <Caption1>La prescription court de cette date, souvent antérieure à celle de la facture : sans elle, l'échéance
        affichée peut être trop tardive.</Caption1>
      <Field label={what} required>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
    </FormDialog>
  );
}
