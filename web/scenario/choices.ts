import type { ParseResult, Scenario } from "../../engine/index";
import { BUILTIN_IDS, builtinLabel, builtinScenario } from "./builtin";
import { loadSaved, savedNames } from "./saved";
import type { KeyValueStorage } from "./storage";

/**
 * The scenarios one can start from or compare, in one list for every picker: those shipped in data/
 * (in their order) and those saved in this browser. A choice is known by its key, `builtin:<id>` or
 * `saved:<name>`, which the pickers use as their value.
 */
export interface ScenarioChoice {
  key: string;
  kind: "builtin" | "saved" | "link";
  /** The shipped scenario's id, or the saved one's name. */
  name: string;
  /** What a picker shows: the shipped scenario's own name, or the saved name. */
  label: string;
  /** A fresh copy, checked against the schema (a saved one may fail: the storage is the user's). */
  load(): ParseResult<Scenario>;
}

/**
 * The choices, and when `municipality` is given only those of that municipality: the shipped scenarios
 * are Losser's, and set beside another municipality's scenario they would compare two places, not two
 * policies (a saved one that no longer loads stays, so the picker can say why).
 */
export function scenarioChoices(storage?: KeyValueStorage, municipality?: string): ScenarioChoice[] {
  const all = allChoices(storage);
  if (municipality === undefined) return all;
  return all.filter((c) => {
    const loaded = c.load();
    return !loaded.ok || loaded.value.municipality.name === municipality;
  });
}

/**
 * The way back for a picker that lists another municipality's scenarios: the shipped baseline, under a
 * label that does not name its municipality (the page shows the other one's words only).
 */
export function shippedBaselineChoice(): ScenarioChoice {
  return {
    key: "builtin:basis",
    kind: "builtin",
    name: "basis",
    label: "Het meegeleverde basisscenario (andere gemeente)",
    load: () => ({ ok: true, value: builtinScenario("basis") }),
  };
}

/** The scenario a page was opened with from a link (`#scenario=…`), as a choice among the others. */
export function linkedChoice(scenario: Scenario): ScenarioChoice {
  return {
    key: "link",
    kind: "link",
    name: scenario.name,
    label: `${scenario.name} (uit de link)`,
    load: () => ({ ok: true, value: structuredClone(scenario) }),
  };
}

function allChoices(storage?: KeyValueStorage): ScenarioChoice[] {
  const builtin = BUILTIN_IDS.map(
    (id): ScenarioChoice => ({
      key: `builtin:${id}`,
      kind: "builtin",
      name: id,
      label: builtinLabel(id),
      load: () => ({ ok: true, value: builtinScenario(id) }),
    }),
  );
  const saved = (storage ? savedNames(storage) : []).map(
    (name): ScenarioChoice => ({
      key: `saved:${name}`,
      kind: "saved",
      name,
      label: name,
      load: () => loadSaved(storage!, name),
    }),
  );
  return [...builtin, ...saved];
}
