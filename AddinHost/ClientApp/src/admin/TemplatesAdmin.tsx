import { Button, Caption1, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { download, sendForm } from "../shared/api";
import { useAction } from "../shared/useAction";
import { dateTime } from "../shared/format";
import { ErrorState, Loading } from "../shared/states";
import { useApi } from "../shared/useApi";
import { Section, useLayout } from "../shared/ui";
import type { TemplateInfo, TemplateVersion } from "../shared/types";

/** The firm's templates: download one, upload a new version (checked before it is kept), see the versions. */
export function TemplatesAdmin() {
  const l = useLayout();
  const templates = useApi<TemplateInfo[]>("/api/templates");
  const [name, setName] = useState("");
  const versions = useApi<TemplateVersion[]>(name ? `/api/templates/${name}/versions` : null);
  const { error, run } = useAction();
  const [file, setFile] = useState<File>();
  const upload = () => run(async () => {
    const form = new FormData();
    form.append("file", file!, file!.name);
    await sendForm("PUT", `/api/templates/${name}`, form);
    versions.reload();
    templates.reload();
  });
  if (templates.loading && !templates.data) return <Loading />;
  return (
    <div className={l.form}>
      {templates.error && <ErrorState error={templates.error} onRetry={templates.reload} />}
      <Field label="Modèle">
        <Select value={name} onChange={(_, d) => setName(d.value)}>
          <option value="">Choisir un modèle</option>
          {templates.data?.map((t) => (
            <option key={t.name} value={t.name}>{t.name} ({t.source}, version {t.version})</option>
          ))}
        </Select>
      </Field>
      {name && (
        <Section title="Versions" id="versions" actions={
          <Button size="small" onClick={() => void download(`/api/templates/${name}`, `${name}.docx`)}>
            Télécharger
          </Button>}>
          <ul className={l.list}>
            {versions.data?.map((v) => (
              <li key={v.version}>
                <Text>Version {v.version}</Text> <Caption1>déposée le {dateTime(v.uploadedAt)}</Caption1>
              </li>
            ))}
          </ul>
          <Field label="Nouvelle version (.docx)">
            <input type="file" accept=".docx" onChange={(e) => setFile(e.target.files?.[0])} />
          </Field>
          <div className={l.row}>
            <Button appearance="primary" disabled={!file} onClick={() => void upload()}>Déposer</Button>
          </div>
          {error && <ErrorState error={error} title="Modèle refusé" />}
        </Section>
      )}
    </div>
  );
}
