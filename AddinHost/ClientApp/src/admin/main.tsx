import { Tab, TabList, Title3 } from "@fluentui/react-components";
import { useState } from "react";
import { boot } from "../shared/boot";
import { useLayout } from "../shared/ui";
import { Ar24Senders } from "./Ar24Senders";
import { AuditLog } from "./AuditLog";
import { CabinetEditor } from "./CabinetEditor";
import { Commissaires } from "./Commissaires";
import { PolicyEditor } from "./PolicyEditor";
import { PrivacyRequests } from "./PrivacyRequests";
import { RatesEditor } from "./RatesEditor";
import { SharedMailboxes } from "./SharedMailboxes";
import { TemplatesAdmin } from "./TemplatesAdmin";

const tabs = {
  echelle: "Échelle de relance", cabinet: "Cabinet", taux: "Taux", modeles: "Modèles", expediteurs: "Expéditeurs AR24",
  boites: "Boîtes partagées", commissaires: "Commissaires de justice", donnees: "Données personnelles",
  journal: "Journal d'audit",
} as const;

function AdminPage() {
  const l = useLayout();
  const [tab, setTab] = useState<keyof typeof tabs>("echelle");
  return (
    <div className={l.page}>
      <Title3 as="h1">Administration du cabinet</Title3>
      {/* The tabs wrap at a task pane's width rather than push the page sideways. */}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as keyof typeof tabs)}
        style={{ flexWrap: "wrap" }}>
        {Object.entries(tabs).map(([value, label]) => <Tab key={value} value={value}>{label}</Tab>)}
      </TabList>
      {tab === "echelle" && <PolicyEditor />}
      {tab === "cabinet" && <CabinetEditor />}
      {tab === "taux" && <RatesEditor />}
      {tab === "modeles" && <TemplatesAdmin />}
      {tab === "expediteurs" && <Ar24Senders />}
      {tab === "boites" && <SharedMailboxes />}
      {tab === "commissaires" && <Commissaires />}
      {tab === "donnees" && <PrivacyRequests />}
      {tab === "journal" && <AuditLog />}
    </div>
  );
}

boot("Administration", () => <AdminPage />);
