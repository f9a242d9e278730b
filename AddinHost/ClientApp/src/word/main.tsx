import { Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import { boot } from "../shared/boot";
import { EmptyState } from "../shared/states";
import { useLayout } from "../shared/ui";
import { LetterTab } from "./LetterTab";
import { TemplateTab } from "./TemplateTab";

function WordPane() {
  const l = useLayout();
  const [tab, setTab] = useState("courrier");
  return (
    <div className={l.page}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(String(d.value))} aria-label="Volet Courriers">
        <Tab value="courrier">Courrier</Tab>
        <Tab value="modele">Modèle</Tab>
      </TabList>
      {tab === "courrier" ? <LetterTab /> : <TemplateTab />}
    </div>
  );
}

boot("Courriers", ({ host }) =>
  host === "Word" ? <WordPane /> : (
    <EmptyState title="Ce volet s'ouvre dans Word">
      Dans Word, cliquez sur « Courriers » dans l'onglet Accueil.
    </EmptyState>
  ));
