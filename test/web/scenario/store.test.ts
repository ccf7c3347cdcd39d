import { describe, expect, it } from "vitest";
import { moveProject, withFigure } from "../../../web/scenario/edit";
import { memoryStorage, STORAGE_KEYS } from "../../../web/scenario/storage";
import {
  createScenarioStore,
  describeProblems,
  GROUP_WINDOW_MS,
  REDO_ORIGIN,
  restoreStart,
  restoreWorking,
  UNDO_ORIGIN,
} from "../../../web/scenario/store";
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

describe("undo and redo", () => {
  const delay = ["pipeline", "statuses", "zacht", "delayMonths", "mode"] as const;

  it("undoes and redoes every kind of change in one history, saving and telling each step", () => {
    const storage = memoryStorage();
    const store = createScenarioStore(scenario, storage);
    const heard: string[] = [];
    store.subscribe((_, origin) => heard.push(origin));
    expect(store.canUndo()).toBe(false);
    expect(store.undo()).toBe(false);
    store.edit((s) => moveProject(s, "P01", 12), "tabel-knop");
    store.edit((s) => withFigure(s, delay, 20), "aanname");
    const other = { ...scenario, name: "Ander" };
    store.apply(other, "kiezen", { asStart: true });
    expect(store.start().name).toBe("Ander");
    expect(store.undo()).toBe(true);
    expect(store.current().name).toBe(scenario.name);
    // Undoing a pick brings the earlier starting point back too.
    expect(store.start()).toBe(scenario);
    expect(store.undo()).toBe(true);
    expect(store.current().pipeline.statuses.zacht.delayMonths.mode).not.toEqual(20);
    expect(store.undo()).toBe(true);
    expect(store.current()).toBe(scenario);
    expect(store.canUndo()).toBe(false);
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.working) ?? "")).toEqual(scenario);
    expect(store.redo()).toBe(true);
    expect(store.current().projects[0].plannedCompletion).toBe("2027-03");
    expect(heard.slice(-4)).toEqual([UNDO_ORIGIN, UNDO_ORIGIN, UNDO_ORIGIN, REDO_ORIGIN]);
    // A new change after an undo forgets what could be redone.
    expect(store.canRedo()).toBe(true);
    store.edit((s) => moveProject(s, "P02", 12), "tabel-knop");
    expect(store.canRedo()).toBe(false);
  });

  it("undoes a refused change as nothing: it never entered the history", () => {
    const store = createScenarioStore(scenario);
    store.edit((s) => withFigure(s, ["pipeline", "statuses", "zacht", "dropOut"], 1.5), "schuif");
    expect(store.canUndo()).toBe(false);
  });

  it("takes back a dragged slider in one step, but two sliders in two", () => {
    let t = 0;
    const store = createScenarioStore(scenario, undefined, { now: () => t });
    for (const v of [3, 6, 9, 12]) {
      t += 50;
      store.edit((s) => withFigure(s, delay, v), "aanname", { group: "zacht.mode" });
    }
    t += GROUP_WINDOW_MS + 1;
    store.edit((s) => withFigure(s, delay, 15), "aanname", { group: "zacht.mode" });
    store.edit((s) => withFigure(s, ["pipeline", "statuses", "hard", "dropOut"], 0.2), "aanname", {
      group: "hard.dropOut",
    });
    store.undo();
    expect(store.current().pipeline.statuses.zacht.delayMonths.mode).toEqual(15);
    store.undo();
    expect(store.current().pipeline.statuses.zacht.delayMonths.mode).toEqual(12);
    store.undo();
    expect(store.current()).toBe(scenario);
  });

  it("keeps the starting point in storage beside the working copy", () => {
    const storage = memoryStorage();
    const store = createScenarioStore(scenario, storage);
    store.apply({ ...scenario, name: "Gekozen" }, "kiezen", { asStart: true });
    store.edit((s) => moveProject(s, "P01", 12), "tabel-knop");
    expect(restoreStart(storage)?.name).toBe("Gekozen");
    storage.setItem(STORAGE_KEYS.start, "{kapot");
    expect(restoreStart(storage)).toBeUndefined();
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
