/**
 * Defensive readers for raw, unvalidated input: cross-field checks run on what the user wrote, even
 * when parts of it have type errors, so they read every value as maybe-missing.
 */
export type Loose = Record<string, unknown>;

export const obj = (v: unknown): Loose =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {};

export const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);

/** A number, bare or in a sourced figure `{ value }`; undefined when it is neither. */
export const num = (v: unknown): number | undefined => {
  const x = typeof v === "object" && v !== null ? (v as Loose).value : v;
  return typeof x === "number" && Number.isFinite(x) ? x : undefined;
};
