/** The part of `localStorage` the lab uses; tests pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Keys in the browser's storage; the prefix keeps them apart from other apps on the same origin. */
export const STORAGE_KEYS = {
  working: "woonscenario:werkversie",
  saved: "woonscenario:opgeslagen",
  /** The scenario the working copy started from, for "Wat is er veranderd?". */
  start: "woonscenario:startpunt",
} as const;

export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, String(value));
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
}

/** Storage may be full or forbidden (private mode); losing a save must not break the page. */
export function trySetItem(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
