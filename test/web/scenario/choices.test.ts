import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_IDS, builtinLabel } from "../../../web/scenario/builtin";
import { linkedChoice, scenarioChoices } from "../../../web/scenario/choices";
import { saveScenario } from "../../../web/scenario/saved";
import { memoryStorage, STORAGE_KEYS } from "../../../web/scenario/storage";
import { loadScenario, parsed } from "../../helpers/scenarios";

const voorbeeld = () =>
  parsed(JSON.parse(readFileSync(new URL("../../fixtures/voorbeeldgemeente.json", import.meta.url), "utf8")));

describe("scenarioChoices", () => {
  it("lists the shipped scenarios in their order with their own names, then the saved ones", () => {
    const storage = memoryStorage();
    saveScenario(storage, "Mijn plan", loadScenario("vertraging"));
    const choices = scenarioChoices(storage);
    expect(choices.map((c) => c.key)).toEqual([
      ...BUILTIN_IDS.map((id) => `builtin:${id}`),
      "saved:Mijn plan",
    ]);
    expect(choices.map((c) => c.label)).toEqual([...BUILTIN_IDS.map(builtinLabel), "Mijn plan"]);
    expect(choices.map((c) => c.kind)).toEqual([...BUILTIN_IDS.map(() => "builtin"), "saved"]);
    const loaded = choices.at(-1)?.load();
    expect(loaded?.ok && loaded.value.name).toBe("Mijn plan");
  });

  it("gives a fresh copy of a shipped scenario each time", () => {
    const [basis] = scenarioChoices();
    const a = basis.load();
    const b = basis.load();
    expect(a.ok && b.ok && a.value !== b.value && a.value.name === b.value.name).toBe(true);
  });

  it("has no saved choices without a storage, and says why a broken saved one does not load", () => {
    expect(scenarioChoices().every((c) => c.kind === "builtin")).toBe(true);
    const storage = memoryStorage();
    storage.setItem(
      STORAGE_KEYS.saved,
      JSON.stringify({ Kapot: { name: "Kapot", simulation: { runs: -1 } } }),
    );
    const broken = scenarioChoices(storage).find((c) => c.key === "saved:Kapot");
    expect(broken?.load().ok).toBe(false);
  });

  it("lists only one municipality's scenarios when asked, keeping a saved one that does not load", () => {
    const storage = memoryStorage();
    saveScenario(storage, "Mijn plan", loadScenario("vertraging"));
    saveScenario(storage, "Elders", voorbeeld());
    const broken = { name: "Kapot", simulation: { runs: -1 } };
    const shelf = JSON.parse(storage.getItem(STORAGE_KEYS.saved) ?? "{}");
    storage.setItem(STORAGE_KEYS.saved, JSON.stringify({ ...shelf, Kapot: broken }));
    expect(scenarioChoices(storage, "Voorbeeldgemeente").map((c) => c.key)).toEqual([
      "saved:Elders",
      "saved:Kapot",
    ]);
    const losser = scenarioChoices(storage, loadScenario("basis").municipality.name).map((c) => c.key);
    expect(losser).toContain("builtin:basis");
    expect(losser).toContain("saved:Mijn plan");
    expect(losser).not.toContain("saved:Elders");
  });

  it("offers a linked scenario as a choice of its own, a fresh copy each time", () => {
    const choice = linkedChoice(voorbeeld());
    expect([choice.key, choice.kind, choice.label]).toEqual([
      "link",
      "link",
      "Voorbeeldgemeente (fictief) (uit de link)",
    ]);
    const a = choice.load();
    const b = choice.load();
    expect(a.ok && b.ok && a.value !== b.value && a.value.name === b.value.name).toBe(true);
  });
});

const ROOT = new URL("../../../", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });

describe("one scenario picker", () => {
  it("is the only list of shipped and saved scenarios: no other module of web/ builds its own", () => {
    const listing = sources("web").filter((file) =>
      /\b(BUILTIN_IDS|savedNames)\b/.test(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(listing.sort()).toEqual([
      "web/scenario/builtin.ts",
      "web/scenario/choices.ts",
      "web/scenario/saved.ts",
    ]);
  });
});
