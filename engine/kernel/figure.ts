import { SOURCE_BASES, type SourceBasis } from "./domain";
import { z } from "./zod";

/** Provenance of a figure or a record: its source and whether it is agreed, official or estimated. */
export const provenance = {
  source: z.string().optional(),
  basis: z.enum(SOURCE_BASES).optional(),
  note: z.string().optional(),
};

/**
 * A number in a scenario file, bare or with its provenance: `0.3` or
 * `{ "value": 0.3, "source": "Raamovereenkomst, H1", "basis": "agreement" }`.
 * The sourced form is kept as written so a scenario round-trips through the editors with its sources.
 */
export function figure<T extends z.ZodNumber>(number: T) {
  return z.union([number, z.object({ value: number, ...provenance }).strict()]);
}

export type Figure = number | { value: number; source?: string; basis?: SourceBasis; note?: string };

export function figureValue(f: Figure): number {
  return typeof f === "number" ? f : f.value;
}
