import { parseScenarioText } from "../../engine/index";
import { h, message, setMessage } from "../common/dom";
import { download } from "../common/export";
import { deleteSaved, duplicateSaved, restoreSaved, saveScenario } from "../scenario/saved";
import { scenarioFragment } from "../scenario/share-url";
import { describeProblems, REDO_ORIGIN, UNDO_ORIGIN } from "../scenario/store";
import type { SavingWorkbench } from "./context";
import { plausibilityNote } from "./plausibility-note";
import { scenarioSelect } from "./scenario-picker";

/**
 * Picking, saving, duplicating, deleting, exporting, importing and sharing scenarios. A bad file or
 * link is answered in Dutch and the scenario on screen stays as it was.
 */
export function scenarioBar({ store, storage, notice }: SavingWorkbench): HTMLElement {
  const status = h("div", { class: "ws-status", "aria-live": "polite" });
  const say = (kind: "fout" | "info", text: string) => setMessage(status, kind, text);
  notice.subscribe((n) => say(n.kind, n.text));

  const current = h("span", { class: "ws-current" }, `Werkversie: ${store.current().name}`);
  store.subscribe((s) => {
    current.textContent = `Werkversie: ${s.name}`;
  });
  // Which choice each picked starting point came from, so that undoing or redoing a pick shows the
  // scenario it brings back; a starting point from a file or a link was no choice: the picker asks again.
  const picks = new WeakMap<object, string>();
  const picker = scenarioSelect(storage, {
    name: "scenario",
    "aria-label": "Scenario",
    placeholder: "Kies een scenario…",
    savedGroup: "Opgeslagen in deze browser",
    showEmptySaved: true,
    municipality: () => store.current().municipality.name,
    onChoose: (choice, loaded) => {
      const applied = loaded.ok ? store.apply(loaded.value, "kiezen", { asStart: true }) : loaded;
      if (applied.ok) picks.set(applied.value, choice.key);
      if (applied.ok) say("info", `Scenario "${applied.value.name}" geladen.`);
      else say("fout", `"${choice.name}" kon niet worden geladen:\n${describeProblems(applied.problems)}`);
    },
  });
  const select = picker.element;
  const fill = picker.refill;
  // Another municipality's file or link: the list becomes that municipality's scenarios.
  let municipality = store.current().municipality.name;
  store.subscribe((s, origin) => {
    if (s.municipality.name !== municipality) {
      municipality = s.municipality.name;
      fill();
    }
    if (origin === UNDO_ORIGIN || origin === REDO_ORIGIN) select.value = picks.get(store.start()) ?? "";
  });
  const selectedSaved = () => {
    const choice = picker.chosen();
    return choice?.kind === "saved" ? choice.name : undefined;
  };

  const nameInput = h("input", {
    type: "text",
    name: "naam",
    placeholder: "Naam",
    "aria-label": "Naam om onder op te slaan",
    size: 18,
  });
  const save = () => {
    const result = saveScenario(storage, nameInput.value, store.current());
    if (!result.ok) return say("fout", result.message);
    store.edit((s) => ({ ...s, name: result.name }), "opslaan");
    fill(`saved:${result.name}`);
    say("info", `Opgeslagen als "${result.name}".`);
  };
  const duplicate = () => {
    const name = selectedSaved();
    if (!name) return say("fout", "Kies eerst een opgeslagen scenario om te dupliceren.");
    const result = duplicateSaved(storage, name);
    if (!result.ok) return say("fout", result.message);
    fill(`saved:${result.name}`);
    say("info", `Gedupliceerd als "${result.name}".`);
  };
  const remove = () => {
    const name = selectedSaved();
    if (!name) return say("fout", "Kies eerst een opgeslagen scenario om te verwijderen.");
    const removed = deleteSaved(storage, name);
    fill();
    // A deletion is not in the scenario's history (the shelf is not the scenario): it gets its own way back.
    const putBack = h("button", { type: "button", class: "ws-undo-delete" }, "Zet terug");
    putBack.addEventListener("click", () => {
      const result = restoreSaved(storage, name, removed);
      if (!result.ok) return say("fout", `${result.message}; "${name}" is niet teruggezet.`);
      fill(`saved:${name}`);
      say("info", `"${name}" staat weer in deze browser.`);
    });
    status.replaceChildren(
      h("div", { class: "ws-row" }, message("info", `"${name}" is verwijderd uit deze browser.`), putBack),
    );
  };
  const exportJson = () => {
    const s = store.current();
    download(
      `${s.name.replace(/[^\p{L}\p{N}_-]+/gu, "_")}.json`,
      new Blob([`${JSON.stringify(s, null, 2)}\n`], { type: "application/json" }),
    );
  };
  const fileInput = h("input", {
    type: "file",
    accept: ".json,application/json",
    name: "scenario-bestand",
    hidden: true,
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const parsed = parseScenarioText(await file.text());
    const applied = parsed.ok ? store.apply(parsed.value, "importeren", { asStart: true }) : parsed;
    if (applied.ok) say("info", `Scenario "${applied.value.name}" geïmporteerd uit ${file.name}.`);
    else
      say(
        "fout",
        `${file.name} is geen geldig scenario; het vorige scenario blijft staan.\n${describeProblems(applied.problems)}`,
      );
  });
  const linkOutput = h("input", {
    type: "text",
    readonly: true,
    name: "deellink",
    "aria-label": "Link naar dit scenario",
    hidden: true,
  });
  const share = async () => {
    // The link is shown, not put in the address bar: a reload must keep the edits made since.
    const link = `${location.origin}${location.pathname}${await scenarioFragment(store.current())}`;
    linkOutput.value = link;
    linkOutput.hidden = false;
    linkOutput.select();
    const copied = await navigator.clipboard?.writeText(link).then(
      () => true,
      () => false,
    );
    say("info", copied ? "De link staat op het klembord." : "Kopieer de link hieronder.");
  };

  const button = (label: string, onclick: () => unknown) => h("button", { type: "button", onclick }, label);
  return h(
    "div",
    { class: "ws-scenario-bar" },
    h("div", { class: "ws-row" }, current),
    h(
      "div",
      { class: "ws-row" },
      select,
      nameInput,
      button("Opslaan als", save),
      button("Dupliceren", duplicate),
      button("Verwijderen", remove),
    ),
    h(
      "div",
      { class: "ws-row" },
      button("Exporteren (JSON)", exportJson),
      button("Importeren (JSON)…", () => fileInput.click()),
      fileInput,
      button("Deel als link", share),
      linkOutput,
    ),
    status,
    plausibilityNote(store),
  );
}
