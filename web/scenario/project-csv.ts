import {
  dutchMessage,
  figureValue,
  KIND_LABELS,
  OWNER_LABELS,
  OWNERS,
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

/** `2027-06`, `2027-6`, `6-2027`, `06/2027`, or a date `1-6-2027` as Excel may turn a month into. */
export function normaliseMonth(text: string): string {
  const t = text.trim();
  const pad = (m: string) => m.padStart(2, "0");
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${pad(m[2])}`;
  m = /^(\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return `${m[2]}-${pad(m[1])}`;
  m = /^\d{1,2}[-/](\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return `${m[2]}-${pad(m[1])}`;
  return t;
}

const YES = new Set(["ja", "j", "x", "1", "true", "waar", "yes"]);
const NO = new Set(["nee", "n", "", "0", "false", "onwaar", "no"]);

function yesNo(text: string): boolean | string {
  const t = text.trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : text;
}

const readers = {
  status: fromLabel(STATUSES, STATUS_LABELS),
  owner: fromLabel(OWNERS, OWNER_LABELS),
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
}

const headerProblem = (message: string): ProjectImport => ({
  entries: [],
  problems: [{ row: 1, column: "(kop)", message }],
});

/** Read a project table; `kernen` are the scenario's villages, which a row's kern must name. */
export function importProjects(text: string, kernen: readonly string[]): ProjectImport {
  const { delimiter, rows } = parseCsv(text);
  if (rows.length === 0) return headerProblem("het bestand is leeg");
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const positions = PROJECT_COLUMNS.map((c) => header.indexOf(c.header));
  const missing = PROJECT_COLUMNS.filter(
    (c, i) => positions[i] < 0 && ["id", "naam", "kern"].includes(c.header),
  );
  if (missing.length > 0) {
    return headerProblem(`kolom ${missing.map((c) => `"${c.header}"`).join(", ")} ontbreekt`);
  }
  const dutch = delimiter === ";";
  const kernSchema = z.enum(kernen as [string, ...string[]], {
    error: (issue) => `onbekende kern ${JSON.stringify(issue.input)}; bekende kernen: ${kernen.join(", ")}`,
  });
  const entries: ProjectImport["entries"] = [];
  const problems: RowProblem[] = [];
  const seenIds = new Set<string>();
  rows.slice(1).forEach((cells, r) => {
    const row = r + 2;
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
        (raw.units as Record<string, unknown>)[column.key.slice(6)] = n;
      } else if (column.key === "plannedCompletion") raw[column.key] = normaliseMonth(text);
      else if (column.key === "sleutelproject") raw[column.key] = yesNo(text);
      else if (column.key in readers) raw[column.key] = readers[column.key as keyof typeof readers](text);
      else raw[column.key] = text.trim();
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
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (parsed.success) entries.push({ row, project: parsed.data });
  });
  return { entries, problems };
}

/**
 * The scenario with its project table replaced by the good rows of an import. An imported project
 * keeps the sources of the project with the same id (a figure's source survives a round trip through
 * Excel); a project whose row was bad stays as it was, so a typo never deletes a project.
 */
export function withImportedProjects(
  scenario: Scenario,
  entries: ProjectImport["entries"],
  badIds: ReadonlySet<string>,
): Scenario {
  const copy = structuredClone(scenario);
  const before = new Map(copy.projects.map((p) => [p.id, p]));
  const next: Project[] = entries.map(({ project: p }) => {
    const old = before.get(p.id);
    if (!old) return p;
    const units = { ...old.units };
    for (const s of SEGMENTS) {
      const o = old.units[s];
      units[s] = typeof o === "object" ? { ...o, value: figureValue(p.units[s]) } : p.units[s];
    }
    return { ...old, ...p, units, source: old.source, basis: old.basis, note: old.note };
  });
  const seen = new Set(next.map((p) => p.id));
  for (const old of copy.projects) if (badIds.has(old.id) && !seen.has(old.id)) next.push(old);
  copy.projects = next;
  return copy;
}

export interface AppliedImport {
  /** The scenario with the import, checked by `parseScenario`; undefined when no row could be used. */
  scenario: Scenario | undefined;
  imported: number;
  problems: RowProblem[];
}

/**
 * Import a project table into a scenario. Rules that need the whole scenario (a completion inside the
 * simulated period, an id not used twice) are checked by `parseScenario`; a row that breaks one is
 * reported and left out like any other bad row.
 */
export function applyProjectImport(scenario: Scenario, text: string): AppliedImport {
  const read = importProjects(
    text,
    scenario.kernen.map((k) => k.id),
  );
  const problems = [...read.problems];
  const { rows } = parseCsv(text);
  const idAt = rows[0]?.map((h) => h.trim().toLowerCase()).indexOf("id") ?? -1;
  const badIds = new Set(
    problems.map((p) => rows[p.row - 1]?.[idAt]?.trim()).filter((id): id is string => !!id),
  );
  const done = (result: Scenario | undefined, imported: number): AppliedImport => ({
    scenario: result,
    imported,
    problems: problems.sort((a, b) => a.row - b.row),
  });
  let entries = read.entries;
  for (;;) {
    if (entries.length === 0) return done(undefined, 0);
    const parsed = parseScenario(withImportedProjects(scenario, entries, badIds));
    if (parsed.ok) return done(parsed.value, entries.length);
    const culprits = new Set<number>();
    for (const p of parsed.problems) {
      const m = /^projects\[(\d+)\]\.?(.*)$/.exec(p.path);
      const i = m ? Number(m[1]) : -1;
      if (i < 0 || i >= entries.length) continue;
      culprits.add(i);
      const column = PROJECT_COLUMNS.find((c) => c.key === m![2])?.header ?? (m![2] || "(rij)");
      problems.push({ row: entries[i].row, column, message: p.message });
      badIds.add(entries[i].project.id);
    }
    // A problem outside the imported rows is not the spreadsheet's to fix: refuse the import whole.
    if (culprits.size === 0) {
      for (const p of parsed.problems) problems.push({ row: 0, column: p.path, message: p.message });
      return done(undefined, 0);
    }
    entries = entries.filter((_, i) => !culprits.has(i));
  }
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
