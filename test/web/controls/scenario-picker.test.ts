// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { scenarioCheckboxes, scenarioSelect } from "../../../web/controls/scenario-picker";
import { BUILTIN_IDS, builtinLabel, builtinScenario } from "../../../web/scenario/builtin";
import { saveScenario } from "../../../web/scenario/saved";
import { memoryStorage } from "../../../web/scenario/storage";

/** The one picker in the forms the notebooks use: the planners' bar, SHBL's start, the council's boxes. */

const groups = (select: HTMLSelectElement) =>
  [...select.querySelectorAll("optgroup")].map((g) => [
    g.label,
    [...g.querySelectorAll("option")].map((o) => o.value),
  ]);

describe("scenarioSelect", () => {
  it("offers a placeholder, the shipped scenarios and an empty saved group when asked, and selects the placeholder", () => {
    const picker = scenarioSelect(memoryStorage(), {
      name: "scenario",
      "aria-label": "Scenario",
      placeholder: "Kies een scenario…",
      savedGroup: "Opgeslagen in deze browser",
      showEmptySaved: true,
      onChoose: () => {},
    });
    const select = picker.element;
    expect(select.name).toBe("scenario");
    expect(select.getAttribute("aria-label")).toBe("Scenario");
    expect(select.options[0]).toMatchObject({ value: "", disabled: true, text: "Kies een scenario…" });
    expect(groups(select)).toEqual([
      ["Meegeleverd", BUILTIN_IDS.map((id) => `builtin:${id}`)],
      ["Opgeslagen in deze browser", []],
    ]);
    expect(select.value).toBe("");
    expect([...select.options].slice(1).map((o) => o.text)).toEqual(BUILTIN_IDS.map(builtinLabel));
  });

  it("leaves out an empty saved group otherwise, starts where told, and reads the saved ones again on refill", () => {
    const storage = memoryStorage();
    const picker = scenarioSelect(storage, {
      name: "startpunt",
      savedGroup: "Opgeslagen in de bouwplanning",
      selected: "builtin:basis",
      onChoose: () => {},
    });
    expect(groups(picker.element).map(([label]) => label)).toEqual(["Meegeleverd"]);
    expect(picker.element.value).toBe("builtin:basis");
    expect(picker.chosen()?.kind).toBe("builtin");
    saveScenario(storage, "Mijn plan", builtinScenario("basis"));
    picker.refill("saved:Mijn plan");
    expect(groups(picker.element)[1]).toEqual(["Opgeslagen in de bouwplanning", ["saved:Mijn plan"]]);
    expect(picker.chosen()).toMatchObject({ kind: "saved", name: "Mijn plan", label: "Mijn plan" });
  });

  it("lists another municipality's saved scenarios only, with the shipped baseline as the way back", () => {
    const storage = memoryStorage();
    const elders = {
      ...builtinScenario("basis"),
      municipality: { ...builtinScenario("basis").municipality, name: "Elders" },
    };
    saveScenario(storage, "Plan Elders", elders);
    saveScenario(storage, "Mijn plan", builtinScenario("basis"));
    const onChoose = vi.fn();
    const picker = scenarioSelect(storage, {
      name: "scenario",
      savedGroup: "Opgeslagen",
      municipality: () => "Elders",
      onChoose,
    });
    expect(groups(picker.element)).toEqual([
      ["Opgeslagen", ["saved:Plan Elders"]],
      ["Terug", ["builtin:basis"]],
    ]);
    expect(picker.element.textContent).not.toMatch(new RegExp(builtinScenario("basis").municipality.name));
    picker.element.value = "builtin:basis";
    picker.element.dispatchEvent(new Event("change"));
    const [choice, loaded] = onChoose.mock.calls[0];
    expect(choice.key).toBe("builtin:basis");
    expect(loaded.ok && loaded.value).toEqual(builtinScenario("basis"));
  });

  it("hands the chosen scenario, loaded, to its caller", () => {
    const onChoose = vi.fn();
    const picker = scenarioSelect(undefined, { name: "startpunt", savedGroup: "x", onChoose });
    picker.element.value = "builtin:vertraging";
    picker.element.dispatchEvent(new Event("change"));
    const [choice, loaded] = onChoose.mock.calls[0];
    expect(choice).toMatchObject({ key: "builtin:vertraging", label: builtinLabel("vertraging") });
    expect(loaded.ok && loaded.value.name).toBe(builtinLabel("vertraging"));
  });
});

describe("scenarioCheckboxes", () => {
  const storage = memoryStorage();
  saveScenario(storage, "Mijn plan", builtinScenario("versnelling"));
  const picker = () =>
    scenarioCheckboxes(storage, {
      initial: ["builtin:basis", "builtin:vertraging"],
      min: 2,
      max: 4,
      legend: "Scenario's (twee tot vier)",
      outOfRange: "Kies twee tot vier scenario's om te vergelijken.",
      label: (c) => (c.kind === "saved" ? `${c.label} (opgeslagen)` : c.label),
    });

  it("checks the initial choices, labels saved ones as the caller says, and its value is their scenarios", () => {
    const element = picker();
    const boxes = [...element.querySelectorAll<HTMLInputElement>('input[name="scenario"]')];
    expect(boxes.filter((b) => b.checked).map((b) => b.value)).toEqual([
      "builtin:basis",
      "builtin:vertraging",
    ]);
    expect(element.querySelector("label:last-of-type")?.textContent).toBe(" Mijn plan (opgeslagen)");
    expect(element.value.map((s) => s.name)).toEqual([builtinLabel("basis"), builtinLabel("vertraging")]);
  });

  it("passes on a choice within bounds and holds back one outside them, saying why", () => {
    const element = picker();
    const seen = vi.fn();
    element.addEventListener("input", seen);
    const box = (key: string) => element.querySelector<HTMLInputElement>(`input[value="${key}"]`)!;
    box("saved:Mijn plan").checked = true;
    box("saved:Mijn plan").dispatchEvent(new Event("input", { bubbles: true }));
    expect(element.value.map((s) => s.name)).toEqual([
      builtinLabel("basis"),
      builtinLabel("vertraging"),
      "Mijn plan",
    ]);
    expect(seen).toHaveBeenCalledTimes(1);
    for (const key of ["builtin:vertraging", "saved:Mijn plan"]) {
      box(key).checked = false;
      box(key).dispatchEvent(new Event("input", { bubbles: true }));
    }
    expect(element.value).toHaveLength(2);
    expect(element.querySelector<HTMLElement>(".ws-message")?.hidden).toBe(false);
    expect(element.querySelector(".ws-message")?.textContent).toBe(
      "Kies twee tot vier scenario's om te vergelijken.",
    );
  });
});
