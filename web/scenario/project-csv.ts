import {
  dutchMessage,
  figureValue,
  KIND_LABELS,
  type Owners,
  ownerLabels,
  ownersOf,
  PROJECT_KINDS,
  type Project,
  parseScenario,
  projectSchema,
  type Scenario,
  SEGMENTS,
  STATUS_LABELS,
  STATUSES,
  toProblems,
  z,
} from "../../engine/index";
import { type Cell, parseCsv, parseNumber, toCsv } from "../common/csv";
import { type Change, MONTH_NAMES, projectFieldChanges } from "./changes";

/**
 * The project table as a spreadsheet. Columns follow the engine's project schema; a row is first
 * read leniently (Dutch labels, decimal comma, months as Excel writes them) and then checked by
 * `projectSchema` itself, so the rules live in one place. A bad row is answered with its row number,
 * its column and the reason; the good rows are kept.
 */

type Column = { header: string; key: keyof Project | `units.${(typeof SEGMENTS)[number]}` };

export const PROJECT_COLUMNS: readonly Column[] = [
  { header: "id", key: "id" },
  { header: "naam", key: "name" },
  { header: "kern", key: "kern" },
  { header: "status", key: "status" },
  { header: "oplevering", key: "plannedCompletion" },
  ...SEGMENTS.map((s) => ({ header: s, key: `units.${s}` as const })),
  { header: "eigenaar", key: "owner" },
  { header: "sleutelproject", key: "sleutelproject" },
  { header: "soort", key: "kind" },
];

/** An id or its Dutch label ("harde plannen" → "hard"), case and spacing forgiven. */
function fromLabel<T extends string>(ids: readonly T[], labels: Record<T, string>) {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, " ");
  return (text: string): string =>
    ids.find((id) => norm(id) === norm(text) || norm(labels[id]) === norm(text)) ?? text;
}

/** A month as read from a cell: `YYYY-MM`, with a note when it was read from a date, or a problem. */
export type MonthReading = { month: string; note?: string } | { problem: string };

/**
 * A planned completion in the forms the documentation names: `2029-03` (or `2029-3`, `2029/03`),
 * `03-2029` (or `3-2029`, `03/2029`), and a date such as Excel may make of a month, `1-3-2029`, read as
 * day-month-year (a Dutch spreadsheet's order) and said so; also `2029-03-01`. Anything else is a
 * problem that names the forms, never a guess.
 */
export function readMonth(text: string): MonthReading {
  const t = text.trim();
  const forms = "schrijf 2029-03, 03-2029 of 1-3-2029 (dag-maand-jaar)";
  const month = (year: string, m: string, from?: string): MonthReading => {
    const n = Number(m);
    if (n < 1 || n > 12) return { problem: `"${t}": maand ${m} bestaat niet; ${forms}` };
    const value = `${year}-${m.padStart(2, "0")}`;
    return from
      ? { month: value, note: `"${t}" gelezen als ${from}: ${MONTH_NAMES[n - 1]} ${year}` }
      : { month: value };
  };
  const day = (d: string) => Number(d) >= 1 && Number(d) <= 31;
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (m) return month(m[1], m[2]);
  m = /^(\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return month(m[2], m[1]);
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(t);
  if (m && day(m[1])) return month(m[3], m[2], "dag-maand-jaar");
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m && day(m[3])) return month(m[1], m[2], "jaar-maand-dag");
  return { problem: `"${t}" is geen maand; ${forms}` };
}

/** The month in `text` as `YYYY-MM`, or the text itself when it is none (the schema then says why). */
export function normaliseMonth(text: string): string {
  const read = readMonth(text);
  return "month" in read ? read.month : text.trim();
}

const YES = new Set(["ja", "j", "x", "1", "true", "waar", "yes"]);
const NO = new Set(["nee", "n", "", "0", "false", "onwaar", "no"]);

function yesNo(text: string): boolean | string {
  const t = text.trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : text;
}

const readers = {
  status: fromLabel(STATUSES, STATUS_LABELS),
  kind: fromLabel(PROJECT_KINDS, KIND_LABELS),
};

export interface RowProblem {
  /** Line in the file, counting the header as line 1, as a spreadsheet numbers its rows. */
  row: number;
  column: string;
  message: string;
}

export interface ProjectImport {
  /** The good rows, each with its line in the file. */
  entries: { row: number; project: Project }[];
  problems: RowProblem[];
  /** What was read but said differently in the file (a date taken as day-month-year). */
  notes: RowProblem[];
  /** Projects whose row could not be used: they stay as they are, whatever the import does. */
  badIds: Set<string>;
  /** Lines that could not be used and do not say which project they are (no id, no known name). */
  unidentified: number[];
  /** The project each unusable line is about, where it can be told. */
  rowIds: Map<number, string>;
}

const headerProblem = (message: string): ProjectImport => ({
  entries: [],
  problems: [{ row: 1, column: "(kop)", message }],
  notes: [],
  badIds: new Set(),
  unidentified: [],
  rowIds: new Map(),
});

const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"+|"+$/g, "")
    .trim();

/**
 * Read a project table; `kernen` are the scenario's villages, which a row's kern must name. `known`
 * are the projects already in the table: a bad row without an id is matched to one by its name, so
 * that project is kept too. `owners` are the scenario's (its corporations, by id or name, and the two
 * other owners); without them an owner is taken as written and the scenario's check judges it.
 */
export function importProjects(
  text: string,
  kernen: readonly string[],
  known: readonly Project[] = [],
  owners?: Owners,
): ProjectImport {
  const readOwner = owners ? fromLabel(owners.ids, ownerLabels(owners)) : (t: string) => t.trim();
  const corporations = owners?.ids.slice(0, owners.nCorporations) ?? [];
  const { delimiter, rows, lines, unreadable } = parseCsv(text);
  if (rows.length === 0) return headerProblem("het bestand is leeg");
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const positions = PROJECT_COLUMNS.map((c) => header.indexOf(c.header));
  const missing = PROJECT_COLUMNS.filter(
    (c, i) => positions[i] < 0 && ["id", "naam", "kern"].includes(c.header),
  );
  if (missing.length > 0) {
    return headerProblem(`kolom ${missing.map((c) => `"${c.header}"`).join(", ")} ontbreekt`);
  }
  const [idAt, nameAt] = [positions[0], positions[1]];
  const dutch = delimiter === ";";
  const other = dutch ? "," : ";";
  const kernSchema = z.enum(kernen as [string, ...string[]], {
    error: (issue) => `onbekende kern ${JSON.stringify(issue.input)}; bekende kernen: ${kernen.join(", ")}`,
  });
  const entries: ProjectImport["entries"] = [];
  const problems: RowProblem[] = [];
  const notes: RowProblem[] = [];
  const badIds = new Set<string>();
  const unidentified: number[] = [];
  const rowIds = new Map<number, string>();
  const seenIds = new Set<string>();
  const byName = new Map(known.map((p) => [p.name.trim().toLowerCase(), p.id]));

  /** A row that cannot be used: its project, if it can be told, stays as it is. */
  const keep = (row: number, cells: readonly string[]) => {
    const id = unquote(cells[idAt] ?? "");
    const byItsName = byName.get(unquote(cells[nameAt] ?? "").toLowerCase());
    const which = id !== "" ? id : byItsName;
    if (which === undefined) {
      if (!unidentified.includes(row)) unidentified.push(row);
      return;
    }
    badIds.add(which);
    rowIds.set(row, which);
  };

  for (const u of unreadable) {
    problems.push({ row: u.line, column: "(rij)", message: u.message });
    keep(u.line, u.text.split(delimiter));
  }
  rows.slice(1).forEach((cells, r) => {
    const row = lines[r + 1];
    const extraEmpty =
      cells.length > header.length && cells.slice(header.length).every((c) => c.trim() === "");
    if (cells.length !== header.length && !extraEmpty) {
      const wrongDelimiter = cells.length === 1 && header.length > 1 && cells[0].includes(other);
      problems.push({
        row,
        column: "(rij)",
        message: wrongDelimiter
          ? `de velden zijn gescheiden door "${other}" in plaats van "${delimiter}"`
          : `${cells.length} ${cells.length === 1 ? "veld" : "velden"}, de kop heeft er ${header.length}`,
      });
      keep(row, wrongDelimiter ? cells[0].split(other) : cells);
      return;
    }
    const cell = (i: number) => (positions[i] >= 0 ? (cells[positions[i]] ?? "") : undefined);
    const raw: Record<string, unknown> = { units: {} };
    const rowProblems: RowProblem[] = [];
    PROJECT_COLUMNS.forEach((column, i) => {
      const text = cell(i);
      if (text === undefined) return;
      if (column.key.startsWith("units.")) {
        const n = text.trim() === "" ? 0 : parseNumber(text, dutch);
        if (n === undefined)
          rowProblems.push({ row, column: column.header, message: `verwacht een getal, kreeg "${text}"` });
        else if (!Number.isInteger(n))
          rowProblems.push({
            row,
            column: column.header,
            message: `verwacht een geheel aantal woningen, kreeg "${text}"`,
          });
        (raw.units as Record<string, unknown>)[column.key.slice(6)] = n;
      } else if (column.key === "plannedCompletion") {
        const read = readMonth(text);
        if ("problem" in read) rowProblems.push({ row, column: column.header, message: read.problem });
        else {
          raw[column.key] = read.month;
          if (read.note) notes.push({ row, column: column.header, message: read.note });
        }
      } else if (column.key === "sleutelproject") raw[column.key] = yesNo(text);
      else if (column.key === "owner") {
        raw.owner = readOwner(text);
        if (owners && !owners.ids.includes(String(raw.owner)))
          rowProblems.push({
            row,
            column: column.header,
            message: `'${text.trim()}' is geen corporatie in corporations (wel: ${corporations.join(", ")}) en geen ${owners.ids.slice(owners.nCorporations).join(" of ")}`,
          });
      } else if (column.key in readers) raw[column.key] = readers[column.key as keyof typeof readers](text);
      else raw[column.key] = text.trim();
    });
    if (String(raw.id ?? "") === "")
      rowProblems.push({
        row,
        column: "id",
        message: "het id ontbreekt; zonder id is niet te zeggen welk project dit is",
      });
    const parsed = projectSchema.safeParse(raw, { error: dutchMessage });
    if (!parsed.success) {
      for (const p of toProblems(parsed.error)) {
        const column = PROJECT_COLUMNS.find((c) => c.key === p.path)?.header ?? p.path;
        if (!rowProblems.some((q) => q.column === column))
          rowProblems.push({ row, column, message: p.message });
      }
    } else {
      const kern = kernSchema.safeParse(parsed.data.kern);
      if (!kern.success) rowProblems.push({ row, column: "kern", message: kern.error.issues[0].message });
      if (seenIds.has(parsed.data.id))
        rowProblems.push({ row, column: "id", message: `project-id "${parsed.data.id}" staat er dubbel in` });
      seenIds.add(parsed.data.id);
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      keep(row, cells);
    } else if (parsed.success) entries.push({ row, project: parsed.data });
  });
  return { entries, problems, notes, badIds, unidentified, rowIds };
}

/** "samenvoegen": only the projects in the file change or are added; "vervangen": the file is the table. */
export type ImportMode = "samenvoegen" | "vervangen";

/** A project of the file over the one with the same id: it keeps that one's sources. */
function merged(old: Project | undefined, p: Project): Project {
  if (!old) return p;
  const units = { ...old.units };
  for (const s of SEGMENTS) {
    const o = old.units[s];
    units[s] = typeof o === "object" ? { ...o, value: figureValue(p.units[s]) } : p.units[s];
  }
  return { ...old, ...p, units, source: old.source, basis: old.basis, note: old.note };
}

/**
 * The scenario with the good rows of an import. An imported project keeps the sources of the project
 * with the same id (a figure's source survives a round trip through Excel). Merging changes the
 * projects in the file and adds the new ones after the others; replacing makes the file the table,
 * except that a project whose row was bad stays as it was (`badIds`), and that nothing is removed when
 * a bad row could not be told (`keepAll`): a typo never deletes a project.
 */
export function withImportedProjects(
  scenario: Scenario,
  entries: ProjectImport["entries"],
  badIds: ReadonlySet<string>,
  mode: ImportMode = "vervangen",
  keepAll = false,
): Scenario {
  const copy = structuredClone(scenario);
  const before = new Map(copy.projects.map((p) => [p.id, p]));
  const fromFile = new Map(entries.map(({ project }) => [project.id, project]));
  let next: Project[];
  if (mode === "samenvoegen") {
    next = copy.projects.map((old) => (fromFile.has(old.id) ? merged(old, fromFile.get(old.id)!) : old));
    for (const { project } of entries) if (!before.has(project.id)) next.push(project);
  } else {
    next = entries.map(({ project }) => merged(before.get(project.id), project));
    // A kept project goes back after the project it followed, so the table keeps its order.
    copy.projects.forEach((old, i) => {
      if (!(keepAll || badIds.has(old.id)) || fromFile.has(old.id)) return;
      const previous = copy.projects
        .slice(0, i)
        .reverse()
        .find((p) => next.some((q) => q.id === p.id));
      next.splice(previous ? next.findIndex((q) => q.id === previous.id) + 1 : 0, 0, old);
    });
  }
  copy.projects = next;
  return copy;
}

export interface ImportPlan {
  mode: ImportMode;
  /** The scenario with the import, checked by `parseScenario`; undefined when it would change nothing. */
  scenario: Scenario | undefined;
  /** Good rows taken over. */
  imported: number;
  added: Project[];
  changed: { project: Project; changes: Change[] }[];
  removed: Project[];
  /** Projects that stay as they were because their row could not be used, with those rows. */
  kept: { project: Project; rows: number[] }[];
  /** Lines that could not be used and name no project: with "vervangen", nothing is then removed. */
  unidentified: number[];
  problems: RowProblem[];
  notes: RowProblem[];
}

/**
 * What importing a project table would do, before it is done: the scenario it gives, and per project
 * id what it adds, changes and removes, which projects it keeps because their row was bad, and every
 * problem with its row and column. Rules that need the whole scenario (a completion inside the
 * simulated period, an id not used twice) are checked by `parseScenario`; a row that breaks one is
 * reported and left out like any other bad row.
 */
export function planProjectImport(scenario: Scenario, text: string, mode: ImportMode): ImportPlan {
  const read = importProjects(
    text,
    scenario.kernen.map((k) => k.id),
    scenario.projects,
    ownersOf(scenario.corporations),
  );
  const problems = [...read.problems];
  const badIds = new Set(read.badIds);
  const rowIds = new Map(read.rowIds);
  const keepAll = read.unidentified.length > 0;
  const done = (result: Scenario | undefined, entries: ProjectImport["entries"]): ImportPlan => {
    const before = new Map(scenario.projects.map((p) => [p.id, p]));
    const after = new Map((result ?? scenario).projects.map((p) => [p.id, p]));
    const changed: ImportPlan["changed"] = [];
    for (const p of result?.projects ?? []) {
      const old = before.get(p.id);
      const changes = old ? projectFieldChanges(old, p, ownerLabels(ownersOf(scenario.corporations))) : [];
      if (changes.length > 0) changed.push({ project: p, changes });
    }
    const rowsAbout = (id: string) => [...rowIds].filter(([, which]) => which === id).map(([row]) => row);
    return {
      mode,
      scenario: result,
      imported: entries.length,
      added: (result?.projects ?? []).filter((p) => !before.has(p.id)),
      changed,
      removed: scenario.projects.filter((p) => !after.has(p.id)),
      kept: scenario.projects
        // Kept as it was: a bad row, and no good row for the same id (a second row with an id is bad).
        .filter((p) => badIds.has(p.id) && after.has(p.id) && !entries.some((e) => e.project.id === p.id))
        .map((p) => ({ project: p, rows: rowsAbout(p.id).sort((a, b) => a - b) })),
      unidentified: read.unidentified,
      problems: problems.sort((a, b) => a.row - b.row),
      notes: read.notes,
    };
  };
  let entries = read.entries;
  for (;;) {
    if (entries.length === 0) return done(undefined, entries);
    const candidate = withImportedProjects(scenario, entries, badIds, mode, keepAll);
    const parsed = parseScenario(candidate);
    if (parsed.ok) return done(parsed.value, entries);
    const culprits = new Set<number>();
    for (const p of parsed.problems) {
      const m = /^projects\[(\d+)\]\.?(.*)$/.exec(p.path);
      const id = m ? candidate.projects[Number(m[1])]?.id : undefined;
      const i = entries.findIndex((e) => e.project.id === id);
      if (i < 0) continue;
      culprits.add(i);
      const column = PROJECT_COLUMNS.find((c) => c.key === m![2])?.header ?? (m![2] || "(rij)");
      problems.push({ row: entries[i].row, column, message: p.message });
      badIds.add(entries[i].project.id);
      rowIds.set(entries[i].row, entries[i].project.id);
    }
    // A problem outside the imported rows is not the spreadsheet's to fix: refuse the import whole.
    if (culprits.size === 0) {
      for (const p of parsed.problems) problems.push({ row: 0, column: p.path, message: p.message });
      return done(undefined, []);
    }
    entries = entries.filter((_, i) => !culprits.has(i));
  }
}

/** Import a project table into a scenario, replacing the table (see `planProjectImport`). */
export function applyProjectImport(
  scenario: Scenario,
  text: string,
  mode: ImportMode = "vervangen",
): ImportPlan {
  return planProjectImport(scenario, text, mode);
}

export function exportProjects(scenario: Scenario, options: { dutch?: boolean } = {}): string {
  const rows: Cell[][] = [PROJECT_COLUMNS.map((c) => c.header)];
  for (const p of scenario.projects) {
    rows.push([
      p.id,
      p.name,
      p.kern,
      p.status,
      p.plannedCompletion,
      ...SEGMENTS.map((s) => figureValue(p.units[s])),
      p.owner,
      p.sleutelproject ? "ja" : "nee",
      p.kind,
    ]);
  }
  return toCsv(rows, options);
}
