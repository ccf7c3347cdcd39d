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

type Shelf = Record<string, unknown>;

function readShelf(storage: KeyValueStorage): Shelf {
  try {
    const value: unknown = JSON.parse(storage.getItem(STORAGE_KEYS.saved) ?? "{}");
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Shelf) : {};
  } catch {
    return {};
  }
}

function writeShelf(storage: KeyValueStorage, shelf: Shelf): boolean {
  return trySetItem(storage, STORAGE_KEYS.saved, JSON.stringify(shelf));
}

export type SaveResult = { ok: true; name: string } | { ok: false; message: string };

export function savedNames(storage: KeyValueStorage): string[] {
  return Object.keys(readShelf(storage)).sort((a, b) => a.localeCompare(b, "nl"));
}

/** Save under `name` (replacing one of that name); the scenario takes the name. */
export function saveScenario(storage: KeyValueStorage, name: string, scenario: Scenario): SaveResult {
  const checked = scenarioName.safeParse(name);
  if (!checked.success) return { ok: false, message: checked.error.issues[0].message };
  const shelf = readShelf(storage);
  shelf[checked.data] = { ...scenario, name: checked.data };
  return writeShelf(storage, shelf)
    ? { ok: true, name: checked.data }
    : { ok: false, message: "De browser heeft geen ruimte meer om scenario's op te slaan" };
}

export function loadSaved(storage: KeyValueStorage, name: string): ParseResult<Scenario> {
  const stored = readShelf(storage)[name];
  if (stored === undefined)
    return { ok: false, problems: [{ path: "(opgeslagen)", message: `"${name}" bestaat niet` }] };
  return parseScenario(stored);
}

/** A copy under the first free name "<name> (kopie)", "<name> (kopie 2)", … */
export function duplicateSaved(storage: KeyValueStorage, name: string): SaveResult {
  const shelf = readShelf(storage);
  if (!(name in shelf)) return { ok: false, message: `"${name}" bestaat niet` };
  let copy = `${name} (kopie)`;
  for (let n = 2; copy in shelf; n++) copy = `${name} (kopie ${n})`;
  shelf[copy] = { ...(shelf[name] as object), name: copy };
  return writeShelf(storage, shelf) ? { ok: true, name: copy } : { ok: false, message: "Opslaan mislukt" };
}

export function deleteSaved(storage: KeyValueStorage, name: string): void {
  const shelf = readShelf(storage);
  delete shelf[name];
  writeShelf(storage, shelf);
}
