import { describe, expect, it } from "vitest";
import { moveProject, withFigure } from "../../../web/scenario/edit";
import { memoryStorage, STORAGE_KEYS } from "../../../web/scenario/storage";
import { createScenarioStore, describeProblems, restoreWorking } from "../../../web/scenario/store";
import { loadScenario } from "../../helpers/scenarios";

const scenario = loadScenario();

describe("createScenarioStore", () => {
  it("applies a valid edit, tells its listeners with the origin and saves it in storage", () => {
    const storage = memoryStorage();
    const store = createScenarioStore(scenario, storage);
    const heard: string[] = [];
    store.subscribe((_, origin) => heard.push(origin));
    const result = store.edit((s) => moveProject(s, "P01", 24), "tabel");
    expect(result.ok).toBe(true);
    expect(store.current().projects[0].plannedCompletion).toBe("2028-03");
    expect(heard).toEqual(["tabel"]);
    const restored = restoreWorking(storage);
    expect(restored?.ok && restored.value.projects[0].plannedCompletion).toBe("2028-03");
  });

  it("refuses an invalid edit with a Dutch problem naming the field, and keeps the last good scenario", () => {
    const store = createScenarioStore(scenario, memoryStorage());
    const result = store.edit(
      (s) => withFigure(s, ["pipeline", "statuses", "zacht", "dropOut"], 1.5),
      "schuif",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].path).toBe("pipeline.statuses.zacht.dropOut.value");
    expect(result.problems[0].message).toMatch(/tussen 0 en 1/);
    expect(store.current()).toBe(scenario);
  });

  it("turns an edit that throws into a problem instead of an exception", () => {
    const store = createScenarioStore(scenario);
    const result = store.edit((s) => moveProject(s, "bestaat-niet", 1), "tabel");
    expect(result.ok).toBe(false);
  });
});

describe("restoreWorking", () => {
  it("is undefined when nothing was saved and reports a damaged copy", () => {
    const storage = memoryStorage();
    expect(restoreWorking(storage)).toBeUndefined();
    storage.setItem(STORAGE_KEYS.working, "{kapot");
    expect(restoreWorking(storage)?.ok).toBe(false);
  });
});

describe("describeProblems", () => {
  it("lists a few problems and counts the rest", () => {
    const problems = Array.from({ length: 8 }, (_, i) => ({ path: `p${i}`, message: "fout" }));
    const text = describeProblems(problems, 2);
    expect(text).toBe("p0: fout\np1: fout\n… en nog 6");
  });
});
