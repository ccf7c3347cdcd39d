import { SOURCE_BASES, type SourceBasis } from "../kernel/domain";
import { formatPath } from "../kernel/errors";

/**
 * Every figure of a scenario with where it comes from, for the method notebook's table of assumptions.
 * A figure is sourced when it carries `source`/`basis` itself (`{ value, source, basis }`) or when the
 * record it belongs to does (a stock entry, a project); a bare number without either is listed as
 * having no source, so gaps show.
 */
export interface FigureSource {
  path: string;
  value: number;
  basis?: SourceBasis;
  source?: string;
  note?: string;
}

type Provenance = Pick<FigureSource, "basis" | "source" | "note">;

const SETTINGS = new Set(["schemaVersion", "$schema", "priceYear", "sampleEvery", "calibration"]);

function provenanceOf(o: Record<string, unknown>): Provenance {
  const p: Provenance = {};
  if (typeof o.basis === "string" && (SOURCE_BASES as readonly string[]).includes(o.basis))
    p.basis = o.basis as SourceBasis;
  if (typeof o.source === "string") p.source = o.source;
  if (typeof o.note === "string") p.note = o.note;
  return p;
}

const isSourcedFigure = (o: Record<string, unknown>) =>
  typeof o.value === "number" &&
  Object.keys(o).every((k) => ["value", "source", "basis", "note"].includes(k));

export function figureSources(scenario: unknown): FigureSource[] {
  const out: FigureSource[] = [];
  const walk = (node: unknown, path: (string | number)[], inherited: Provenance) => {
    if (typeof node === "number") {
      out.push({ path: formatPath(path), value: node, ...inherited });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, [...path, i], inherited);
      });
      return;
    }
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const own = provenanceOf(o);
    if (isSourcedFigure(o)) {
      out.push({ path: formatPath(path), value: o.value as number, ...inherited, ...own });
      return;
    }
    const here = own.source || own.basis ? own : inherited;
    for (const [key, value] of Object.entries(o)) {
      // Settings of the file and the model, not figures about Losser: the schema version, the price level
      // the euros are in, how many homes the affordability model measures (the seed is under simulation);
      // and the calibration, which holds references to compare with, not assumptions of the model.
      if (SETTINGS.has(key)) continue;
      walk(value, [...path, key], here);
    }
  };
  walk(scenario, [], {});
  return out;
}
