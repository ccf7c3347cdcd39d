import { OTHER_OWNERS, PIPELINE_STATUSES, PROJECT_KINDS, SEGMENTS } from "../../kernel/domain";
import { PROGRESS_STATUSES } from "../../stock/progress";

/**
 * A progress report as Dutch Excel writes it (data/voortgang/sjabloon.csv): `;` between the fields, one
 * row per event. The column `soort` says what the row is: `peildatum` (the last month the report covers,
 * once), `oplevering` (a project delivered homes), `statuswijziging` (a plan became hard, fell through,
 * got a new date), `nieuw project` (a plan that was not in the scenario), `verkoop` and `aankoop` (the
 * corporations' sales and acquisitions of a year: `jaar`, `aantal` and, with more than one corporation,
 * `corporatie`) or `toewijzing` (a year's
 * allocation figures where known: `verhuringen`, `statushouders`, `zoektijd_jaren`). Reading it gives the same
 * object as a progress file in JSON; every problem names the row (its line in the file) and the column.
 * Pure: no files, no node.
 */

export const CSV_COLUMNS = [
  "soort",
  "project",
  "maand",
  ...SEGMENTS,
  "status",
  "gepland",
  "naam",
  "kern",
  "eigenaar",
  "type",
  "jaar",
  "aantal",
  "verhuringen",
  "statushouders",
  "zoektijd_jaren",
  "corporatie",
  "toelichting",
] as const;

type Column = (typeof CSV_COLUMNS)[number];

export type CsvProgressResult =
  | {
      ok: true;
      value: Record<string, unknown>;
      /** The row and column a path of the progress object came from ("rij 4, kolom maand"), if any. */
      where(path: string): string | undefined;
    }
  | { ok: false; problems: string[] };

/** One line split on the separator; a quoted field may hold the separator and doubled quotes. */
function splitLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === sep) {
      cells.push(field.trim());
      field = "";
    } else field += c;
  }
  cells.push(field.trim());
  // A cell written formula-safe ('=…) is read as the text after the quote.
  return cells.map((c) => (/^'[=+\-@]/.test(c) ? c.slice(1) : c));
}

const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const pad = (m: number) => String(m).padStart(2, "0");

/**
 * A month as people and Excel write it: 2026-06, 2026-6, 06-2026, 6/2026, 1-6-2026 (a date Excel made
 * of it), jun-26, juni 2026. Undefined when it is none of those.
 */
export function readMonth(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^\d{1,2}[-/](\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\.?[-/ ](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const i = MONTHS.findIndex(
      (name) => m?.[1].startsWith(name) || (name === "mrt" && m?.[1].startsWith("maa")),
    );
    if (i >= 0) return month(m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]), i + 1);
  }
  return undefined;
}

function month(year: number, m: number): string | undefined {
  return m >= 1 && m <= 12 && year >= 1900 && year <= 2200 ? `${year}-${pad(m)}` : undefined;
}

type Kind = "completions" | "statusChanges" | "newProjects" | "peildatum" | YearKind;
type YearKind = "sales" | "acquisitions" | "allocation";

const KINDS: Record<string, Kind> = {
  peildatum: "peildatum",
  oplevering: "completions",
  opgeleverd: "completions",
  statuswijziging: "statusChanges",
  status: "statusChanges",
  "nieuw project": "newProjects",
  nieuw_project: "newProjects",
  nieuwproject: "newProjects",
  verkoop: "sales",
  verkocht: "sales",
  aankoop: "acquisitions",
  aangekocht: "acquisitions",
  toewijzing: "allocation",
  toewijzingen: "allocation",
};

const KIND_NAMES = "peildatum, oplevering, statuswijziging, nieuw project, verkoop, aankoop of toewijzing";

const word = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
const token = (text: string) => word(text).replace(/ /g, "_");

/** Read the CSV template into a progress object (as JSON would have it); `name` names the report. */
export function progressFromCsv(text: string, name: string): CsvProgressResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  if (headerAt < 0)
    return {
      ok: false,
      problems: ["(bestand): het bestand is leeg; verwacht een kopregel met soort;project;maand;…"],
    };
  const headerLine = lines[headerAt];
  const sep = headerLine.includes(";") ? ";" : headerLine.includes("\t") ? "\t" : ",";
  const header = splitLine(headerLine, sep).map(token);
  const problems: string[] = [];
  const col = new Map<Column, number>();
  for (const c of CSV_COLUMNS) {
    const i = header.indexOf(c);
    if (i >= 0) col.set(c, i);
  }
  for (const c of ["soort", "project", "maand"] as const)
    if (!col.has(c)) problems.push(`rij ${headerAt + 1} (kopregel): de kolom ${c} ontbreekt`);
  header.forEach((h, i) => {
    if (h !== "" && !(CSV_COLUMNS as readonly string[]).includes(h))
      problems.push(
        `rij ${headerAt + 1} (kopregel), kolom ${i + 1}: onbekende kolom "${h}"; kolommen: ${CSV_COLUMNS.join(", ")}`,
      );
  });
  if (problems.length > 0) return { ok: false, problems };

  const report: {
    name: string;
    peildatum?: string;
    description?: string;
    completions: Record<string, unknown>[];
    statusChanges: Record<string, unknown>[];
    newProjects: Record<string, unknown>[];
    sales: Record<string, unknown>[];
    acquisitions: Record<string, unknown>[];
    allocation: Record<string, unknown>[];
  } = {
    name,
    completions: [],
    statusChanges: [],
    newProjects: [],
    sales: [],
    acquisitions: [],
    allocation: [],
  };
  /** Where each path prefix came from: "completions[0]" → its line. */
  const rowOf = new Map<string, number>();
  let peildatumRow: number | undefined;

  for (let li = headerAt + 1; li < lines.length; li++) {
    const raw = lines[li];
    if (raw.trim() === "" || raw.trim().startsWith("#")) continue;
    const cells = splitLine(raw, sep);
    if (cells.every((c) => c === "")) continue;
    const row = li + 1;
    const get = (c: Column) => cells[col.get(c) ?? -1] ?? "";
    const at = (c: Column, message: string) => problems.push(`rij ${row}, kolom ${c}: ${message}`);
    const kindText = word(get("soort"));
    const kind = KINDS[kindText];
    if (!kind) {
      at("soort", `onbekende soort "${get("soort")}"; kies ${KIND_NAMES}`);
      continue;
    }
    const monthOf = (c: Column, required: boolean): string | undefined => {
      const v = get(c);
      if (v === "") {
        if (required) at(c, "ontbreekt; schrijf de maand als JJJJ-MM, zoals 2026-06");
        return undefined;
      }
      const m = readMonth(v);
      if (!m) at(c, `"${v}" is geen maand; schrijf JJJJ-MM, zoals 2026-06`);
      return m;
    };
    const note = get("toelichting");
    const key = (list: Exclude<Kind, "peildatum">, i: number) => {
      rowOf.set(`${list}[${i}]`, row);
    };
    if (kind === "peildatum") {
      if (peildatumRow !== undefined) {
        at("soort", `de peildatum staat al in rij ${peildatumRow}; geef hem één keer`);
        continue;
      }
      peildatumRow = row;
      report.peildatum = monthOf("maand", true);
      if (get("naam")) report.name = get("naam");
      if (note) report.description = note;
      continue;
    }
    /** A whole number of 0 or more in a column; undefined (and a problem when required) when empty. */
    const whole = (c: Column, what: string, required: boolean): number | undefined => {
      const written = get(c).replace(/\s/g, "");
      // 1.200 is how Dutch Excel writes a thousand and two hundred; 12.5 stays no whole number.
      const v = /^\d{1,3}(\.\d{3})+$/.test(written) ? written.replace(/\./g, "") : written;
      if (v === "") {
        if (required) at(c, `ontbreekt; schrijf het ${what} als een geheel getal`);
        return undefined;
      }
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
        at(c, `"${get(c)}" is geen ${what}; verwacht een geheel getal van 0 of meer`);
        return undefined;
      }
      return Number(v);
    };
    if (kind === "sales" || kind === "acquisitions" || kind === "allocation") {
      const entry: Record<string, unknown> = {};
      const y = get("jaar") || (readMonth(get("maand")) ?? "").slice(0, 4);
      if (y === "") at("jaar", "ontbreekt; schrijf het jaar, zoals 2026");
      else if (!/^\d{4}$/.test(y)) at("jaar", `"${get("jaar")}" is geen jaar; schrijf het jaar, zoals 2026`);
      else entry.year = Number(y);
      if (kind === "allocation") {
        const lettings = whole("verhuringen", "aantal verhuringen", false);
        const housed = whole("statushouders", "aantal personen", false);
        const search = get("zoektijd_jaren");
        if (lettings !== undefined) entry.lettings = lettings;
        if (housed !== undefined) entry.statushoudersHoused = housed;
        if (search !== "") {
          const n = Number(search.replace(",", "."));
          if (!/^\d+([.,]\d+)?$/.test(search) || !(n <= 100))
            at("zoektijd_jaren", `"${search}" is geen zoektijd; schrijf jaren, zoals 2,5`);
          else entry.searchTimeYears = n;
        }
        if (lettings === undefined && housed === undefined && search === "")
          at("verhuringen", "geef ten minste één van verhuringen, statushouders of zoektijd_jaren");
      } else {
        const homes = whole("aantal", "aantal woningen", true);
        if (homes !== undefined) entry.homes = homes;
        // Without a corporation the row is the first one's, as in the scenario's policy.
        if (get("corporatie") !== "") entry.corporation = get("corporatie");
      }
      if (note) entry.note = note;
      key(kind, report[kind].length);
      report[kind].push(entry);
      continue;
    }
    const project = get("project");
    if (project === "") at("project", "ontbreekt; schrijf het id van het project, zoals P03");
    const units = (required: boolean): Record<string, number> | undefined => {
      const given = SEGMENTS.filter((s) => get(s) !== "");
      if (given.length === 0) {
        if (required)
          at(SEGMENTS[0], "geef de woningen per segment (sociale_huur, middenhuur, betaalbare_koop, duur)");
        return undefined;
      }
      const out: Record<string, number> = {};
      for (const s of SEGMENTS) {
        const v = get(s);
        if (v === "") {
          out[s] = 0;
          continue;
        }
        const n = Number(v.replace(/\s/g, ""));
        if (!/^\d+$/.test(v.replace(/\s/g, "")) || !Number.isSafeInteger(n))
          at(s, `"${v}" is geen aantal woningen; verwacht een geheel getal van 0 of meer`);
        else out[s] = n;
      }
      return out;
    };
    const status = (required: boolean, allowed: readonly string[]): string | undefined => {
      const v = get("status");
      if (v === "") {
        if (required) at("status", `ontbreekt; kies ${allowed.join(", ")}`);
        return undefined;
      }
      const t = token(v);
      if (!allowed.includes(t)) at("status", `onbekende status "${v}"; kies ${allowed.join(", ")}`);
      return t;
    };
    if (kind === "completions") {
      const entry: Record<string, unknown> = { project, month: monthOf("maand", true) };
      const u = units(false);
      if (u) entry.units = u;
      if (note) entry.note = note;
      key("completions", report.completions.length);
      report.completions.push(entry);
    } else if (kind === "statusChanges") {
      const entry: Record<string, unknown> = {
        project,
        month: monthOf("maand", true),
        status: status(true, PROGRESS_STATUSES),
      };
      const planned = monthOf("gepland", false);
      if (planned) entry.plannedCompletion = planned;
      if (note) entry.note = note;
      key("statusChanges", report.statusChanges.length);
      report.statusChanges.push(entry);
    } else {
      const entry: Record<string, unknown> = {
        id: project,
        name: get("naam") || project,
        kern: get("kern"),
        status: status(true, PIPELINE_STATUSES),
        plannedCompletion: monthOf("gepland", true),
        units: units(true),
        owner: token(get("eigenaar")),
      };
      if (get("kern") === "")
        at("kern", "ontbreekt; schrijf de kern zoals het scenario haar noemt (de id in kernen)");
      // The owners are the scenario's (its corporations and these two); the scenario's check names them.
      if (entry.owner === "")
        at("eigenaar", `ontbreekt; schrijf een corporatie uit het scenario, ${OTHER_OWNERS.join(" of ")}`);
      const type = token(get("type"));
      if (type !== "") {
        if (!(PROJECT_KINDS as readonly string[]).includes(type))
          at("type", `onbekend type "${get("type")}"; kies ${PROJECT_KINDS.join(", ")}`);
        entry.kind = type;
      }
      if (note) entry.note = note;
      key("newProjects", report.newProjects.length);
      report.newProjects.push(entry);
    }
  }
  if (peildatumRow === undefined && problems.length === 0)
    problems.push(
      "(bestand): geen peildatum; voeg een rij toe met soort peildatum en de maand, zoals 2026-06",
    );
  if (problems.length > 0) return { ok: false, problems };
  const columnOf: Record<string, Column> = {
    project: "project",
    id: "project",
    month: "maand",
    units: "sociale_huur",
    status: "status",
    plannedCompletion: "gepland",
    name: "naam",
    kern: "kern",
    owner: "eigenaar",
    kind: "type",
    note: "toelichting",
    year: "jaar",
    homes: "aantal",
    lettings: "verhuringen",
    statushoudersHoused: "statushouders",
    searchTimeYears: "zoektijd_jaren",
    corporation: "corporatie",
  };
  return {
    ok: true,
    value: report,
    where(path) {
      if (path === "peildatum" && peildatumRow !== undefined) return `rij ${peildatumRow}, kolom maand`;
      const m = /^(\w+\[\d+\])\.?([A-Za-z]*)\.?(\w*)/.exec(path);
      const row = m ? rowOf.get(m[1]) : undefined;
      if (!m || row === undefined) return undefined;
      const column = m[2] === "units" && m[3] ? m[3] : columnOf[m[2]];
      return column ? `rij ${row}, kolom ${column}` : `rij ${row}`;
    },
  };
}
