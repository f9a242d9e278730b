import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Field as FormField, Link, MessageBar,
  MessageBarBody, Select, Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { sendForm } from "../shared/api";
import { useAction } from "../shared/useAction";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { Field, FieldList, Lint, TemplateInfo } from "../shared/types";
import { documentFile, insertAtCursor, showInDocument } from "./document";

const tag = (f: Field) => (f.type === "Valeur" ? `{{${f.champ}}}` : `{{#${f.champ}}}…{{/${f.champ}}}`);

/** For template authors: the fields to insert at the cursor, and the open document checked as a template. */
export function TemplateTab() {
  const l = useLayout();
  const fields = useApi<FieldList>("/api/templates/fields");
  const templates = useApi<TemplateInfo[]>("/api/templates");
  const [lint, setLint] = useState<Lint>();
  // Checked as one of the firm's templates, the document must also hold that template's mandatory mentions.
  const [as, setAs] = useState("");
  const { busy, error, run } = useAction();
  const check = () => run(async () => {
    const form = new FormData();
    form.append("file", await documentFile(), `${as || "document"}.docx`);
    setLint(await sendForm<Lint>("POST", "/api/templates/lint", form));
  });
  return (
    <div className={l.form}>
      <Section title="Vérifier ce document" id="verifier" actions={
        <Button onClick={() => void check()} disabled={busy}>{busy ? "Vérification…" : "Vérifier"}</Button>}>
        <FormField label="Vérifier comme modèle"
          hint="Un modèle du cabinet doit garder ses mentions obligatoires (Templates/README.md).">
          <Select value={as} onChange={(_, d) => setAs(d.value)}>
            <option value="">Document libre</option>
            {templates.data?.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
          </Select>
        </FormField>
        {error && <ErrorState error={error} />}
        {lint?.valide && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>Aucun problème : ce modèle peut être déposé.</MessageBarBody>
          </MessageBar>
        )}
        {lint && !lint.valide && (
          <ul className={l.list} aria-label="Problèmes du modèle">
            {lint.problemes.map((p, i) => (
              <li key={i}>
                <Link as="button" onClick={() => void showInDocument(p.context)}>
                  {p.part}, paragraphe {p.paragraph}
                </Link>
                <Text block>{p.message}</Text>
                <Caption1>« {p.context} »</Caption1>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Champs" id="champs">
        {fields.loading && !fields.data && <Loading />}
        {fields.error && <ErrorState error={fields.error} onRetry={fields.reload} />}
        {fields.data && <Caption1>{fields.data.syntaxe}</Caption1>}
        <Accordion multiple collapsible>
          {fields.data?.champs.map((f) => (
            <AccordionItem key={f.champ} value={f.champ}>
              <AccordionHeader size="small">{f.champ}</AccordionHeader>
              <AccordionPanel>
                <Text block>{f.description} — exemple : {f.exemple}</Text>
                <Button size="small" onClick={() => void insertAtCursor(tag(f))}>Insérer {tag(f)}</Button>
                {(f.elements ?? []).map((e) => (
                  <div key={e.champ} className={l.row}>
                    <Button size="small" appearance="subtle" onClick={() => void insertAtCursor(`{{${e.champ}}}`)}>
                      {`{{${e.champ}}}`}
                    </Button>
                    <Caption1>{e.description}</Caption1>
                  </div>
                ))}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </Section>
    </div>
  );
}
