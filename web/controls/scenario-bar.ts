import { parseScenarioText } from "../../engine/index";
import { h, setMessage } from "../common/dom";
import { download } from "../common/export";
import { BUILTIN_IDS, builtinLabel, builtinScenario } from "../scenario/builtin";
import { deleteSaved, duplicateSaved, loadSaved, savedNames, saveScenario } from "../scenario/saved";
import { scenarioFragment } from "../scenario/share-url";
import { describeProblems } from "../scenario/store";
import type { SavingWorkbench } from "./context";

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
  const select = h("select", { name: "scenario", "aria-label": "Scenario" });
  const fill = (selected?: string) => {
    const saved = savedNames(storage);
    select.replaceChildren(
      h("option", { value: "", disabled: true }, "Kies een scenario…"),
      h(
        "optgroup",
        { label: "Meegeleverd" },
        ...BUILTIN_IDS.map((id) => h("option", { value: `builtin:${id}` }, builtinLabel(id))),
      ),
      h(
        "optgroup",
        { label: "Opgeslagen in deze browser" },
        ...saved.map((n) => h("option", { value: `saved:${n}` }, n)),
      ),
    );
    select.value = selected ?? "";
  };
  fill();
  select.addEventListener("change", () => {
    const [kind, name] = [
      select.value.slice(0, select.value.indexOf(":")),
      select.value.slice(select.value.indexOf(":") + 1),
    ];
    const loaded =
      kind === "builtin" ? { ok: true as const, value: builtinScenario(name) } : loadSaved(storage, name);
    const applied = loaded.ok ? store.apply(loaded.value, "kiezen", { asStart: true }) : loaded;
    if (applied.ok) say("info", `Scenario "${applied.value.name}" geladen.`);
    else say("fout", `"${name}" kon niet worden geladen:\n${describeProblems(applied.problems)}`);
  });
  const selectedSaved = () => (select.value.startsWith("saved:") ? select.value.slice(6) : undefined);

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
    deleteSaved(storage, name);
    fill();
    say("info", `"${name}" is verwijderd uit deze browser.`);
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
  );
}
