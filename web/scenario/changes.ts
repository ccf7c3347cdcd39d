import {
  formatCount,
  formatDecimal,
  KIND_LABELS,
  OTHER_OWNER_LABELS,
  ownerLabels,
  ownersOf,
  type Project,
  type Scenario,
  SEGMENT_LABELS,
  SEGMENTS,
  STATUS_LABELS,
} from "../../engine/index";
import { figureName, formatFigure } from "./figure-names";

/**
 * "Wat is er veranderd?": every figure in which the working copy differs from its starting point, in
 * the words of the controls that change it, with the old and the new value ("Uitval bij zachte plannen:
 * 20% → 30%"). Projects are matched by id, so a project moved in the list is no change; a project added
 * or removed is one line. A figure's source and basis are not compared: only what the model uses. A
 * figure no control names is still listed, under its place in the scenario file.
 */

export interface Change {
  /** What changed, as the page names it. */
  label: string;
  from: string;
  to: string;
}

type Path = readonly (string | number)[];
type Format = (value: unknown) => string;

const NONE = "—";
/** The months in Dutch, as the change list and the CSV import write them. */
export const MONTH_NAMES = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

const num = (v: unknown): number | undefined =>
  typeof v === "number"
    ? v
    : v !== null && typeof v === "object" && typeof (v as { value?: unknown }).value === "number"
      ? (v as { value: number }).value
      : undefined;

const plain: Format = (v) => {
  const n = num(v);
  if (n !== undefined) return Number.isInteger(n) ? formatCount(n) : String(n).replace(".", ",");
  if (v === undefined || v === null) return NONE;
  if (typeof v === "boolean") return v ? "ja" : "nee";
  if (Array.isArray(v)) return v.length === 0 ? "geen" : v.map((x) => plain(x)).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};
const percent: Format = (v) => {
  const n = num(v);
  if (n === undefined) return plain(v);
  const p = n * 100;
  return `${Number.isInteger(Math.round(p * 10) / 10) ? formatCount(p) : formatDecimal(p)}%`;
};
const count =
  (unit: string): Format =>
  (v) => {
    const n = num(v);
    return n === undefined ? plain(v) : `${formatCount(n)} ${unit}`;
  };
const months = count("mnd");
const homes = count("woningen");
const month: Format = (v) => {
  const m = typeof v === "string" ? /^(\d{4})-(\d{2})$/.exec(v) : null;
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : plain(v);
};
const label =
  (labels: Record<string, string>): Format =>
  (v) =>
    typeof v === "string" ? (labels[v] ?? v) : plain(v);
const onOff: Format = (v) => (v === true ? "aan" : v === false ? "uit" : plain(v));
const spread: Format = (v) => {
  const n = num(v);
  if (n === undefined) return plain(v);
  if (Math.abs(n) < 1e-9) return "gelijk aan de lonen";
  return `lonen ${n > 0 ? "+" : "−"} ${formatDecimal(Math.abs(n) * 100)} procentpunt`;
};

const PIPELINE_STATUS_TEXT: Record<string, string> = {
  in_aanbouw: "in aanbouw",
  hard: "harde plannen",
  zacht: "zachte plannen",
  ambitie: "ambitie",
};
const RENT_BANDS: Record<string, string> = {
  kwaliteitskorting: "tot de kwaliteitskortingsgrens",
  aftopping_laag: "tot de eerste aftoppingsgrens",
  aftopping_hoog: "tot de tweede aftoppingsgrens",
  liberalisatie: "tot de liberalisatiegrens",
};
const DELAY_PART: Record<string, string> = { min: "op zijn kortst", mode: "meestal", max: "hoogstens" };

const firstCorporation = (s: Scenario) => s.corporations[0]?.name ?? "de corporatie";

/** The name and format of a figure outside the project table, or undefined for one no control names. */
function describe(path: Path, from: Scenario, to: Scenario): { label: string; format: Format } | undefined {
  const p = path.join(".");
  const fixed: Record<string, { label: string; format: Format }> = {
    name: { label: "Naam van het scenario", format: plain },
    "simulation.runs": { label: "Aantal berekeningen (runs)", format: plain },
    "simulation.seed": { label: "Seed (startgetal van het toeval)", format: plain },
    "simulation.start": { label: "Begin van de berekening", format: month },
    "simulation.endYear": { label: "Laatste jaar van de berekening", format: plain },
    "pipeline.capacity.projectsPerYear": { label: "Projecten per jaar door de procedure", format: plain },
    "pipeline.replacement.chance": { label: "Uitgevallen zachte plannen vervangen", format: percent },
    "affordability.rentPolicy.spread": {
      label: "Huurverhoging tegenover de loonontwikkeling",
      format: spread,
    },
    "affordability.rentPolicy.mode": { label: "Huurbeleid", format: plain },
    "affordability.rentPolicy.freezeYears": {
      label: "Huurbevriezing in",
      format: (v) => (Array.isArray(v) ? (v.length === 0 ? "geen" : v.join(", ")) : plain(v)),
    },
    // The policy's sales and purchases are the first corporation's.
    "policy.sales.perYear": { label: `Verkoop door ${firstCorporation(to)} per jaar`, format: homes },
    "policy.acquisitions.perYear": { label: `Aankoop door ${firstCorporation(to)} per jaar`, format: homes },
    "affordability.energy.warmeJasPerYear": { label: "Warme jas per jaar", format: homes },
    "allocation.freeAllocation.share": { label: "Vrije toewijzing", format: percent },
    "allocation.order": {
      label: "Voorrang",
      format: (v) =>
        Array.isArray(v) ? (v[0] === "statushouder" ? "statushouders eerst" : "urgenten eerst") : plain(v),
    },
  };
  if (fixed[p]) return fixed[p];
  const status = /^pipeline\.statuses\.(\w+)\.(.+)$/.exec(p);
  if (status) {
    const who = `bij ${PIPELINE_STATUS_TEXT[status[1]] ?? status[1]}`;
    const what = status[2];
    if (what === "dropOut") return { label: `Uitval ${who}`, format: percent };
    const delay = /^delayMonths\.(min|mode|max)$/.exec(what);
    if (delay) return { label: `Vertraging ${who}, ${DELAY_PART[delay[1]]}`, format: months };
    if (what === "objection.chance") return { label: `Kans op bezwaar ${who}`, format: percent };
    const objection = /^objection\.months\.(min|mode|max)$/.exec(what);
    if (objection)
      return { label: `Vertraging door bezwaar ${who}, ${DELAY_PART[objection[1]]}`, format: months };
  }
  const item = /^pipeline\.(shocks|levers)\.(\d+)\.(.+)$/.exec(p);
  if (item) {
    const list = (s: Scenario) => (item[1] === "shocks" ? s.pipeline.shocks : s.pipeline.levers);
    const name = (list(to)[Number(item[2])] ?? list(from)[Number(item[2])])?.label ?? item[2];
    const kind = item[1] === "shocks" ? "Schok" : "Versnellen";
    const field = item[3];
    if (field === "active") return { label: `${kind}: ${name}`, format: onOff };
    if (field === "chancePerYear") return { label: `${kind}: ${name}, kans per jaar`, format: percent };
    if (field === "monthsSaved") return { label: `${kind}: ${name}, sneller`, format: months };
    const delay = /^delayMonths\.(min|mode|max)$/.exec(field);
    if (delay) return { label: `${kind}: ${name}, vertraging ${DELAY_PART[delay[1]]}`, format: months };
  }
  const band = /^allocation\.dwellings\.rentBandShares\.(\w+)$/.exec(p);
  if (band) return { label: `Streefhuur ${RENT_BANDS[band[1]] ?? band[1]} (aandeel)`, format: percent };
  return undefined;
}

const PROJECT_FIELDS: { key: keyof Project; label: string; format: Format }[] = [
  { key: "name", label: "naam", format: plain },
  { key: "kern", label: "kern", format: plain },
  { key: "status", label: "status", format: label(STATUS_LABELS) },
  { key: "plannedCompletion", label: "geplande oplevering", format: month },
  // The owner's label depends on the scenario's corporations (see `projectFieldChanges`).
  { key: "owner", label: "eigenaar", format: plain },
  { key: "sleutelproject", label: "sleutelproject", format: plain },
  { key: "kind", label: "soort", format: label(KIND_LABELS) },
];

const totalUnits = (p: Project) => SEGMENTS.reduce((sum, s) => sum + (num(p.units[s]) ?? 0), 0);

/**
 * What differs between two versions of one project, field by field ("geplande oplevering"); an owner
 * by its label in `owners` (the scenario's corporations by name, see `ownerLabels`).
 */
export function projectFieldChanges(
  old: Project,
  p: Project,
  owners: Record<string, string> = OTHER_OWNER_LABELS,
): Change[] {
  const out: Change[] = [];
  for (const f of PROJECT_FIELDS) {
    const format = f.key === "owner" ? label(owners) : f.format;
    if (JSON.stringify(old[f.key]) !== JSON.stringify(p[f.key]))
      out.push({ label: f.label, from: format(old[f.key]), to: format(p[f.key]) });
  }
  for (const s of SEGMENTS) {
    if (num(old.units[s]) !== num(p.units[s]))
      out.push({ label: `woningen ${SEGMENT_LABELS[s]}`, from: plain(old.units[s]), to: plain(p.units[s]) });
  }
  return out;
}

/** A project in a line: its total of homes ("12 woningen"). */
export const projectHomes = (p: Project): string => homes(totalUnits(p));

function projectChanges(from: Scenario, to: Scenario): Change[] {
  const out: Change[] = [];
  const owners = ownerLabels(ownersOf(to.corporations));
  const before = new Map(from.projects.map((p) => [p.id, p]));
  const after = new Map(to.projects.map((p) => [p.id, p]));
  for (const p of to.projects) {
    const old = before.get(p.id);
    const name = `Project ${p.id} ${p.name}`;
    if (!old) {
      out.push({ label: name, from: "(niet in de lijst)", to: `toegevoegd, ${homes(totalUnits(p))}` });
      continue;
    }
    for (const c of projectFieldChanges(old, p, owners)) out.push({ ...c, label: `${name}: ${c.label}` });
  }
  for (const p of from.projects)
    if (!after.has(p.id))
      out.push({ label: `Project ${p.id} ${p.name}`, from: homes(totalUnits(p)), to: "verwijderd" });
  return out;
}

/** Keys of a scenario that say where a figure comes from, not what the model does with it. */
const PROVENANCE = new Set(["source", "basis", "note", "sources", "description", "label"]);

function isFigure(v: unknown): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v) && typeof num(v) === "number";
}

/** Walk both scenarios and collect the paths whose values differ (a figure compared by its value). */
function differences(a: unknown, b: unknown, path: (string | number)[], out: Path[]): void {
  if (isFigure(a) || isFigure(b) || typeof a !== "object" || typeof b !== "object" || !a || !b) {
    const same = isFigure(a) || isFigure(b) ? num(a) === num(b) : JSON.stringify(a) === JSON.stringify(b);
    if (!same) out.push(path);
    return;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const [x, y] = [a as unknown[], b as unknown[]];
    const objects = [...x, ...y].every((v) => v !== null && typeof v === "object" && !Array.isArray(v));
    if (!Array.isArray(a) || !Array.isArray(b) || x.length !== y.length || !objects) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
      return;
    }
    x.forEach((v, i) => {
      differences(v, y[i], [...path, i], out);
    });
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (PROVENANCE.has(key)) continue;
    differences(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      [...path, key],
      out,
    );
  }
}

const at = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);

/** Every difference between `from` (the starting point) and `to` (the working copy), in reading order. */
export function scenarioChanges(from: Scenario, to: Scenario): Change[] {
  const out: Change[] = [];
  const { projects: _a, ...restFrom } = from;
  const { projects: _b, ...restTo } = to;
  const paths: Path[] = [];
  differences(restFrom, restTo, [], paths);
  for (const path of paths) {
    // What no control names gets the method notebook's Dutch name and unit for the figure, if it has one.
    const dotted = path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
    const named = figureName(dotted, to);
    const known =
      describe(path, from, to) ??
      (named && {
        label: named.name,
        format: (v: unknown) => {
          const n =
            typeof v === "number"
              ? v
              : typeof v === "object" && v !== null
                ? (v as { value?: unknown }).value
                : undefined;
          return typeof n === "number" ? formatFigure(n, named.unit) : plain(v);
        },
      });
    const format = known?.format ?? plain;
    out.push({
      label: known?.label ?? path.join("."),
      from: format(at(from, path)),
      to: format(at(to, path)),
    });
  }
  return [...out, ...projectChanges(from, to)];
}
