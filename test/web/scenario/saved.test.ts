import { describe, expect, it } from "vitest";
import {
  deleteSaved,
  duplicateSaved,
  loadSaved,
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
