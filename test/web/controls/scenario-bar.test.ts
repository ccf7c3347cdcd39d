// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { Session } from "../../../web/client/session";
import { signal } from "../../../web/client/signal";
import { scenarioBar } from "../../../web/controls/scenario-bar";
import { builtinScenario } from "../../../web/scenario/builtin";
import { savedNames, saveScenario } from "../../../web/scenario/saved";
import { memoryStorage } from "../../../web/scenario/storage";
import { createScenarioStore } from "../../../web/scenario/store";

/** The planners' scenario bar: its picker shows the scenario a pick, an undo or a redo leaves. */

function bar(storage = memoryStorage()) {
  const store = createScenarioStore(builtinScenario("basis"));
  const element = scenarioBar({
    store,
    storage,
    notice: signal({ kind: "info" as const, text: "" }),
    session: {} as Session, // the bar never runs anything
  });
  const select = element.querySelector<HTMLSelectElement>('select[name="scenario"]');
  if (!select) throw new Error("no picker");
  const pick = (key: string) => {
    select.value = key;
    select.dispatchEvent(new Event("change"));
  };
  const click = (text: string) =>
    [...element.querySelectorAll("button")].find((b) => b.textContent === text)?.click();
  return { store, select, pick, click, element };
}

describe("scenarioBar's picker", () => {
  it("follows an undo and a redo of a pick back to the scenario they bring", () => {
    const { store, select, pick } = bar();
    pick("builtin:vertraging");
    pick("builtin:versnelling");
    expect(store.start().name).toBe(builtinScenario("versnelling").name);
    store.undo();
    expect(select.value).toBe("builtin:vertraging");
    expect(store.start().name).toBe(builtinScenario("vertraging").name);
    store.redo();
    expect(select.value).toBe("builtin:versnelling");
  });

  it("asks again (the placeholder) when an undo goes back past every pick", () => {
    const { store, select, pick } = bar();
    pick("builtin:vertraging");
    store.undo();
    expect(select.value).toBe("");
    expect(select.selectedOptions[0]?.text).toBe("Kies een scenario…");
  });

  it("keeps the pick when an edit after it is undone", () => {
    const { store, select, pick } = bar();
    pick("builtin:vertraging");
    store.edit((s) => ({ ...s, name: "Bewerkt" }), "test");
    store.undo();
    expect(select.value).toBe("builtin:vertraging");
  });
});

describe("scenarioBar's delete", () => {
  it("offers to put a deleted saved scenario back, and does", () => {
    const storage = memoryStorage();
    saveScenario(storage, "Mijn plan", builtinScenario("vertraging"));
    const { select, pick, click, element } = bar(storage);
    pick("saved:Mijn plan");
    click("Verwijderen");
    expect(savedNames(storage)).toEqual([]);
    expect(element.textContent).toMatch(/"Mijn plan" is verwijderd/);
    click("Zet terug");
    expect(savedNames(storage)).toEqual(["Mijn plan"]);
    expect(select.value).toBe("saved:Mijn plan");
    expect(element.textContent).toMatch(/staat weer in deze browser/);
  });
});
