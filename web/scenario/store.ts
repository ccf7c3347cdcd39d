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
 * change is saved in the browser at once, so a reload finds it again, and is kept in one history, so
 * it can be undone and redone: a table edit, a slider, an import, a deletion, a picked scenario.
 *
 * Beside the scenario the store keeps its starting point: the scenario that was picked or opened (a
 * shipped one, a saved one, a file, a link). "Wat is er veranderd?" sets the working copy against it,
 * and undoing a pick brings the earlier starting point back with the earlier scenario.
 */

export type Listener = (scenario: Scenario, origin: string) => void;

/** The origins of an undo and a redo, as listeners hear them. */
export const UNDO_ORIGIN = "ongedaan maken";
export const REDO_ORIGIN = "opnieuw";

/** How many steps back the history reaches; older ones are forgotten. */
export const HISTORY_LIMIT = 100;

/** Edits in the same group this close together are one step of the history (a slider being dragged). */
export const GROUP_WINDOW_MS = 1000;

export interface ApplyOptions {
  /** The scenario is a new starting point (picked, opened from a file or a link). */
  asStart?: boolean;
}

export interface EditOptions {
  /** Consecutive edits of one group (a slider's name) within a second are undone as one. */
  group?: string;
}

export interface ScenarioStore {
  current(): Scenario;
  /** The scenario the current one started from; changes are measured against it. */
  start(): Scenario;
  subscribe(listener: Listener): () => void;
  /** Replace the scenario with `input` (from a file, a URL, storage) if it is valid. */
  apply(input: unknown, origin: string, options?: ApplyOptions): ParseResult<Scenario>;
  /** Change the current scenario; `change` returns the changed copy. */
  edit(
    change: (scenario: Scenario) => Scenario,
    origin: string,
    options?: EditOptions,
  ): ParseResult<Scenario>;
  /** Go one step back; false when there is nothing to undo. */
  undo(): boolean;
  /** Go one undone step forward again; false when there is nothing to redo. */
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
}

interface Step {
  scenario: Scenario;
  start: Scenario;
}

export function createScenarioStore(
  initial: Scenario,
  storage?: KeyValueStorage,
  options: { start?: Scenario; now?: () => number } = {},
): ScenarioStore {
  let current = initial;
  let start = options.start ?? initial;
  const now = options.now ?? Date.now;
  const listeners = new Set<Listener>();
  const past: Step[] = [];
  const future: Step[] = [];
  let lastGroup: { group: string; at: number } | undefined;

  let savedStart: Scenario | undefined;
  const save = () => {
    if (!storage) return;
    trySetItem(storage, STORAGE_KEYS.working, JSON.stringify(current));
    // The starting point changes seldom (a pick, an undo of one): written only then.
    if (savedStart !== start && trySetItem(storage, STORAGE_KEYS.start, JSON.stringify(start)))
      savedStart = start;
  };
  const tell = (origin: string) => {
    for (const listener of listeners) listener(current, origin);
  };
  const apply = (
    input: unknown,
    origin: string,
    opts: ApplyOptions & EditOptions = {},
  ): ParseResult<Scenario> => {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    const t = now();
    const sameGroup =
      opts.group !== undefined &&
      lastGroup?.group === opts.group &&
      t - lastGroup.at <= GROUP_WINDOW_MS &&
      past.length > 0;
    if (!sameGroup) {
      past.push({ scenario: current, start });
      if (past.length > HISTORY_LIMIT) past.shift();
    }
    lastGroup = opts.group === undefined ? undefined : { group: opts.group, at: t };
    future.length = 0;
    current = parsed.value;
    if (opts.asStart) start = parsed.value;
    save();
    tell(origin);
    return parsed;
  };
  const move = (from: Step[], to: Step[], origin: string): boolean => {
    const step = from.pop();
    if (!step) return false;
    to.push({ scenario: current, start });
    current = step.scenario;
    start = step.start;
    lastGroup = undefined;
    save();
    tell(origin);
    return true;
  };
  return {
    current: () => current,
    start: () => start,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply: (input, origin, opts) => apply(input, origin, { asStart: opts?.asStart }),
    edit(change, origin, opts) {
      let next: Scenario;
      try {
        next = change(current);
      } catch (error) {
        return { ok: false, problems: [{ path: "(bewerking)", message: (error as Error).message }] };
      }
      return apply(next, origin, { group: opts?.group });
    },
    undo: () => move(past, future, UNDO_ORIGIN),
    redo: () => move(future, past, REDO_ORIGIN),
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
  };
}

/** The scenario last worked on, if the browser kept one; a damaged copy is reported, not used. */
export function restoreWorking(storage: KeyValueStorage): ParseResult<Scenario> | undefined {
  const text = storage.getItem(STORAGE_KEYS.working);
  return text === null ? undefined : parseScenarioText(text);
}

/** The starting point the working copy was measured against, if the browser kept a good one. */
export function restoreStart(storage: KeyValueStorage): Scenario | undefined {
  const text = storage.getItem(STORAGE_KEYS.start);
  if (text === null) return undefined;
  const parsed = parseScenarioText(text);
  return parsed.ok ? parsed.value : undefined;
}

/** Problems as one Dutch message per line, for the page. */
export function describeProblems(problems: readonly InputProblem[], limit = 6): string {
  const lines = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) lines.push(`… en nog ${problems.length - limit}`);
  return lines.join("\n");
}
