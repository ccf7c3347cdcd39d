import { describe, expect, it } from "vitest";
import {
  deleteSaved,
  duplicateSaved,
  loadSaved,
  restoreSaved,
  savedNames,
  saveScenario,
} from "../../../web/scenario/saved";
import { memoryStorage, STORAGE_KEYS } from "../../../web/scenario/storage";
import { loadScenario } from "../../helpers/scenarios";

const scenario = loadScenario();

describe("saved scenarios", () => {
  it("saves under a name, lists, loads, duplicates and deletes", () => {
    const storage = memoryStorage();
    expect(saveScenario(storage, "  Mijn plan ", scenario)).toEqual({ ok: true, name: "Mijn plan" });
    expect(duplicateSaved(storage, "Mijn plan")).toEqual({ ok: true, name: "Mijn plan (kopie)" });
    expect(duplicateSaved(storage, "Mijn plan")).toEqual({ ok: true, name: "Mijn plan (kopie 2)" });
    expect(savedNames(storage)).toEqual(["Mijn plan", "Mijn plan (kopie 2)", "Mijn plan (kopie)"]);
    const loaded = loadSaved(storage, "Mijn plan (kopie)");
    expect(loaded.ok && loaded.value.name).toBe("Mijn plan (kopie)");
    deleteSaved(storage, "Mijn plan");
    expect(savedNames(storage)).not.toContain("Mijn plan");
  });

  it("puts a deleted scenario back as it was, but never over one saved since under its name", () => {
    const storage = memoryStorage();
    saveScenario(storage, "Mijn plan", scenario);
    const removed = deleteSaved(storage, "Mijn plan");
    expect(savedNames(storage)).toEqual([]);
    expect(restoreSaved(storage, "Mijn plan", removed)).toEqual({ ok: true, name: "Mijn plan" });
    const back = loadSaved(storage, "Mijn plan");
    expect(back.ok && back.value).toEqual({ ...scenario, name: "Mijn plan" });

    const again = deleteSaved(storage, "Mijn plan");
    saveScenario(storage, "Mijn plan", { ...scenario, description: "nieuw" });
    const refused = restoreSaved(storage, "Mijn plan", again);
    expect(refused.ok).toBe(false);
    const kept = loadSaved(storage, "Mijn plan");
    expect(kept.ok && kept.value.description).toBe("nieuw");
  });

  it("saves, lists, loads, duplicates and deletes a scenario named __proto__ like any other", () => {
    const storage = memoryStorage();
    expect(saveScenario(storage, "__proto__", scenario)).toEqual({ ok: true, name: "__proto__" });
    expect(savedNames(storage)).toEqual(["__proto__"]);
    const loaded = loadSaved(storage, "__proto__");
    expect(loaded.ok && loaded.value.name).toBe("__proto__");
    expect(duplicateSaved(storage, "__proto__")).toEqual({ ok: true, name: "__proto__ (kopie)" });
    deleteSaved(storage, "__proto__");
    expect(savedNames(storage)).toEqual(["__proto__ (kopie)"]);
  });

  it("knows no scenario by the name of an object's property", () => {
    const storage = memoryStorage();
    saveScenario(storage, "Mijn plan", scenario);
    for (const name of ["valueOf", "toString", "constructor", "hasOwnProperty"]) {
      expect(duplicateSaved(storage, name)).toEqual({ ok: false, message: `"${name}" bestaat niet` });
      expect(loadSaved(storage, name).ok).toBe(false);
    }
    expect(savedNames(storage)).toEqual(["Mijn plan"]);
    // A scenario may still be called so, and is then found.
    saveScenario(storage, "valueOf", scenario);
    expect(duplicateSaved(storage, "valueOf")).toEqual({ ok: true, name: "valueOf (kopie)" });
    const copy = loadSaved(storage, "valueOf (kopie)");
    expect(copy.ok && copy.value.projects).toEqual(scenario.projects);
  });

  it("refuses an empty name in Dutch", () => {
    expect(saveScenario(memoryStorage(), "   ", scenario)).toEqual({
      ok: false,
      message: "Naam: vul een naam in",
    });
  });

  it("reports a saved scenario damaged in storage instead of loading it", () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEYS.saved, JSON.stringify({ kapot: { schemaVersion: 1 } }));
    const loaded = loadSaved(storage, "kapot");
    expect(loaded.ok).toBe(false);
    expect(savedNames(memoryStorage())).toEqual([]);
  });

  it("survives storage that holds no valid JSON", () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEYS.saved, "niet-json");
    expect(savedNames(storage)).toEqual([]);
  });
});
