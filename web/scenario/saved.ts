import { type ParseResult, parseScenario, type Scenario, z } from "../../engine/index";
import { type KeyValueStorage, STORAGE_KEYS, trySetItem } from "./storage";

/**
 * Scenarios the user saved under a name, kept in the browser (nothing leaves the machine). They are
 * stored as written and checked by the engine's schema when loaded, so a copy damaged in storage is
 * reported instead of breaking the page.
 */

export const scenarioName = z
  .string({ error: "Naam: verwacht tekst" })
  .trim()
  .min(1, { error: "Naam: vul een naam in" })
  .max(80, { error: "Naam: hoogstens 80 tekens" });

/**
 * The saved scenarios by name. A Map, not a plain object: a name is the user's text, and names such as
 * "__proto__" or "valueOf" must be a scenario's name like any other, never a property of every object.
 */
type Shelf = Map<string, unknown>;

function readShelf(storage: KeyValueStorage): Shelf {
  try {
    const value: unknown = JSON.parse(storage.getItem(STORAGE_KEYS.saved) ?? "{}");
    // JSON.parse makes every key, "__proto__" too, an own property; Object.entries reads them all.
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? new Map(Object.entries(value))
      : new Map();
  } catch {
    return new Map();
  }
}

function writeShelf(storage: KeyValueStorage, shelf: Shelf): boolean {
  // Object.fromEntries defines each name as an own property, so "__proto__" is written like any name.
  return trySetItem(storage, STORAGE_KEYS.saved, JSON.stringify(Object.fromEntries(shelf)));
}

export type SaveResult = { ok: true; name: string } | { ok: false; message: string };

export function savedNames(storage: KeyValueStorage): string[] {
  return [...readShelf(storage).keys()].sort((a, b) => a.localeCompare(b, "nl"));
}

/** Save under `name` (replacing one of that name); the scenario takes the name. */
export function saveScenario(storage: KeyValueStorage, name: string, scenario: Scenario): SaveResult {
  const checked = scenarioName.safeParse(name);
  if (!checked.success) return { ok: false, message: checked.error.issues[0].message };
  const shelf = readShelf(storage);
  shelf.set(checked.data, { ...scenario, name: checked.data });
  return writeShelf(storage, shelf)
    ? { ok: true, name: checked.data }
    : { ok: false, message: "De browser heeft geen ruimte meer om scenario's op te slaan" };
}

export function loadSaved(storage: KeyValueStorage, name: string): ParseResult<Scenario> {
  const stored = readShelf(storage).get(name);
  if (stored === undefined)
    return { ok: false, problems: [{ path: "(opgeslagen)", message: `"${name}" bestaat niet` }] };
  return parseScenario(stored);
}

/** A copy under the first free name "<name> (kopie)", "<name> (kopie 2)", … */
export function duplicateSaved(storage: KeyValueStorage, name: string): SaveResult {
  const shelf = readShelf(storage);
  const original = shelf.get(name);
  if (original === null || typeof original !== "object")
    return { ok: false, message: `"${name}" bestaat niet` };
  let copy = `${name} (kopie)`;
  for (let n = 2; shelf.has(copy); n++) copy = `${name} (kopie ${n})`;
  shelf.set(copy, { ...original, name: copy });
  return writeShelf(storage, shelf) ? { ok: true, name: copy } : { ok: false, message: "Opslaan mislukt" };
}

/** Take `name` off the shelf; returns what was stored under it, as stored, so it can be put back. */
export function deleteSaved(storage: KeyValueStorage, name: string): unknown {
  const shelf = readShelf(storage);
  const removed = shelf.get(name);
  shelf.delete(name);
  writeShelf(storage, shelf);
  return removed;
}

/**
 * Put back what `deleteSaved` took off, as it was (also an entry that no longer reads as a scenario: it
 * was the user's). A scenario saved under that name since is never overwritten.
 */
export function restoreSaved(storage: KeyValueStorage, name: string, stored: unknown): SaveResult {
  const shelf = readShelf(storage);
  if (shelf.has(name)) return { ok: false, message: `Er staat intussen een ander scenario "${name}"` };
  shelf.set(name, stored);
  return writeShelf(storage, shelf)
    ? { ok: true, name }
    : { ok: false, message: "De browser heeft geen ruimte meer om scenario's op te slaan" };
}
