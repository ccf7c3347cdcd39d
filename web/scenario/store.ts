import {
  type InputProblem,
  type ParseResult,
  parseScenario,
  parseScenarioText,
  type Scenario,
} from "../../engine/index";
import { type KeyValueStorage, STORAGE_KEYS, trySetItem } from "./storage";

/**
 * The scenario being worked on. Every change, from any input, passes the engine's `parseScenario`;
 * a change that fails is refused with its Dutch problems and the last good scenario stays. Every good
 * change is saved in the browser at once, so a reload finds it again.
 */

export type Listener = (scenario: Scenario, origin: string) => void;

export interface ScenarioStore {
  current(): Scenario;
  subscribe(listener: Listener): () => void;
  /** Replace the scenario with `input` (from a file, a URL, storage) if it is valid. */
  apply(input: unknown, origin: string): ParseResult<Scenario>;
  /** Change the current scenario; `change` returns the changed copy. */
  edit(change: (scenario: Scenario) => Scenario, origin: string): ParseResult<Scenario>;
}

export function createScenarioStore(initial: Scenario, storage?: KeyValueStorage): ScenarioStore {
  let current = initial;
  const listeners = new Set<Listener>();
  const apply = (input: unknown, origin: string): ParseResult<Scenario> => {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    current = parsed.value;
    if (storage) trySetItem(storage, STORAGE_KEYS.working, JSON.stringify(current));
    for (const listener of listeners) listener(current, origin);
    return parsed;
  };
  return {
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply,
    edit(change, origin) {
      let next: Scenario;
      try {
        next = change(current);
      } catch (error) {
        return { ok: false, problems: [{ path: "(bewerking)", message: (error as Error).message }] };
      }
      return apply(next, origin);
    },
  };
}

/** The scenario last worked on, if the browser kept one; a damaged copy is reported, not used. */
export function restoreWorking(storage: KeyValueStorage): ParseResult<Scenario> | undefined {
  const text = storage.getItem(STORAGE_KEYS.working);
  return text === null ? undefined : parseScenarioText(text);
}

/** Problems as one Dutch message per line, for the page. */
export function describeProblems(problems: readonly InputProblem[], limit = 6): string {
  const lines = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) lines.push(`… en nog ${problems.length - limit}`);
  return lines.join("\n");
}
