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

/**
 * The parts of a scenario by their Dutch names, and the unit of a figure read from its place: what the
 * method notebook's table of assumptions shows beside each path, and the command line's sweep too.
 */
export const SECTION_LABELS: Record<string, string> = {
  municipality: "Gemeente",
  stock: "Woningvoorraad bij de start",
  opgave: "Opgave",
  projects: "Projecten",
  pipeline: "Bouwpijplijn: vertraging en uitval",
  policy: "Beleid: verkoop, aankoop, sloop, splitsing",
  targets: "Doelen",
  allocation: "Toewijzing",
  affordability: "Betaalbaarheid",
  simulation: "Simulatie",
};

/** Units of figures whose place, not their last key, tells what they count. Paths in lower case. */
const SPECIFIC_UNITS: [RegExp, string][] = [
  [/shares\.|sharebykern.*\.(min|max)$|tenants\.\w+\.\w+$|freeallocation\.cap$/, "aandeel"],
  [
    /(^|\.)(agemin|agemax|fromage|aowage|nultredenfromage|youngfromage|youngtoage|seniorfromage)$/,
    "leeftijd",
  ],
  [/years$/, "jaren"],
  [/rooms\.\w+\.(min|max)$|maxroomsabovepersons$/, "kamers"],
  [/maxpersonsaboverooms$|smallmaxpersons$/, "personen"],
  [/byhalfyear\.|national\.(default|population)$|personsperyear$/, "personen"],
  [/^allocation\.arrivals\./, "huishoudens per jaar"],
  [/monthlybylabel\.|perextraperson$/, "euro per maand"],
  [/typefactor\./, "factor"],
  [
    /personsperdwellingchange$|indexation$|(wagegrowth|inflation)\.|rentpolicy\.(maximum\.\d{4}|maximumdefault|spread|margin)$/,
    "aandeel per jaar",
  ],
  [/\.keep$/, "aandeel"],
  [/until$|renovation\.byyear$/, "jaar"],
];

/** The unit of a figure, read from the last part of its path (the schema's naming is consistent). */
export function unitFor(path: string): string {
  const key =
    path
      .replace(/\[\d+\]/g, "")
      .split(".")
      .pop() ?? "";
  const whole = path.toLowerCase();
  // Places whose last key says too little: first match wins.
  for (const [pattern, unit] of SPECIFIC_UNITS) if (pattern.test(whole)) return unit;
  if (/months/i.test(whole)) return "maanden";
  if (/year$|^(from|to)year$|deadline/i.test(key) && !/peryear/i.test(key)) return "jaar";
  if (/peryear/i.test(key)) return "per jaar";
  if (/(share|chance|dropout|rate|margin|growth|default$|maximum|inflation)/i.test(key)) return "aandeel";
  if (
    /^(units|stock)\b|\.units\.|count|homes|realised/i.test(whole) ||
    /^(sociale_huur|middenhuur|betaalbare_koop|duur)$/.test(key)
  )
    return "woningen";
  if (/(rent|grens|euro|income|cost|basishuur|norm|toeslag)/i.test(whole) && !/share/i.test(key))
    return "euro";
  if (/inhabitants/i.test(key)) return "inwoners";
  return "";
}
