// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { plausibilityNote } from "../../../web/controls/plausibility-note";
import { builtinScenario } from "../../../web/scenario/builtin";
import { createScenarioStore } from "../../../web/scenario/store";

describe("plausibilityNote", () => {
  it("is hidden for the baseline, lists a typo's warning by project, and goes when it is undone", () => {
    const store = createScenarioStore(builtinScenario("basis"));
    const note = plausibilityNote(store);
    expect(note.hidden).toBe(true);
    const first = store.current().projects[0];
    store.edit(
      (s) => ({
        ...s,
        projects: s.projects.map((p, i) => (i === 0 ? { ...p, units: { ...p.units, duur: 20000 } } : p)),
      }),
      "test",
    );
    expect(note.hidden).toBe(false);
    const items = [...note.querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(items.some((t) => t.startsWith(`Project ${first.id} heeft`))).toBe(true);
    expect(note.textContent).toMatch(/klopt dit\?/);
    store.undo();
    expect(note.hidden).toBe(true);
    expect(note.querySelectorAll("li")).toHaveLength(0);
  });
});
