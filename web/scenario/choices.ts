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
  kind: "builtin" | "saved";
  /** The shipped scenario's id, or the saved one's name. */
  name: string;
  /** What a picker shows: the shipped scenario's own name, or the saved name. */
  label: string;
  /** A fresh copy, checked against the schema (a saved one may fail: the storage is the user's). */
  load(): ParseResult<Scenario>;
}

export function scenarioChoices(storage?: KeyValueStorage): ScenarioChoice[] {
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
