import { type Figure, figureValue, PIPELINE_STATUSES, type Project, type Scenario } from "../../engine/index";

/**
 * Edits of a scenario as pure functions: each returns a changed copy and leaves its input alone. A
 * number may be written bare or as a sourced figure `{ value, source }`; edits write into `value` so a
 * figure keeps its source. Whether the result is valid is the store's call (`parseScenario`).
 */

export type FieldPath = readonly (string | number)[];

type Node = Record<string | number, unknown>;

function parentOf(root: unknown, path: FieldPath): Node {
  let node = root as Node;
  for (const key of path.slice(0, -1)) node = node[key] as Node;
  return node;
}

/** The number at `path`, bare or the value of a sourced figure. */
export function figureAt(scenario: Scenario, path: FieldPath): number {
  return figureValue(parentOf(scenario, path)[path[path.length - 1]] as Figure);
}

/** A copy with the number at `path` set, keeping a sourced figure's source. */
export function withFigure(scenario: Scenario, path: FieldPath, value: number): Scenario {
  const copy = structuredClone(scenario);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1];
  const old = parent[key];
  if (old !== null && typeof old === "object") (old as { value: number }).value = value;
  else parent[key] = value;
  return copy;
}

export type TrianglePart = "min" | "mode" | "max";

/**
 * A copy with one corner of a triangular distribution (`{ min, mode, max }` at `path`) set. The
 * others move along when needed, so min ≤ mode ≤ max holds: dragging the usual delay past the longest
 * delay lengthens the longest, instead of being refused.
 */
export function withTriangle(
  scenario: Scenario,
  path: FieldPath,
  part: TrianglePart,
  value: number,
): Scenario {
  const at = (p: TrianglePart) => figureAt(scenario, [...path, p]);
  const next = { min: at("min"), mode: at("mode"), max: at("max"), [part]: value };
  if (part === "min") {
    next.mode = Math.max(next.mode, value);
    next.max = Math.max(next.max, next.mode);
  } else if (part === "max") {
    next.mode = Math.min(next.mode, value);
    next.min = Math.min(next.min, next.mode);
  } else {
    next.min = Math.min(next.min, value);
    next.max = Math.max(next.max, value);
  }
  let out = scenario;
  for (const p of ["min", "mode", "max"] as const) {
    if (next[p] !== at(p)) out = withFigure(out, [...path, p], next[p]);
  }
  return out === scenario ? structuredClone(scenario) : out;
}

/** `YYYY-MM` shifted by whole months. */
export function shiftMonth(yyyyMm: string, months: number): string {
  const abs = Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1 + months;
  return `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, "0")}`;
}

function indexOfProject(scenario: Scenario, id: string): number {
  const i = scenario.projects.findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`Project ${id} bestaat niet (meer)`);
  return i;
}

/** A copy with one project's planned completion moved (negative: earlier). */
export function moveProject(scenario: Scenario, id: string, months: number): Scenario {
  const copy = structuredClone(scenario);
  const project = copy.projects[indexOfProject(copy, id)];
  project.plannedCompletion = shiftMonth(project.plannedCompletion, months);
  return copy;
}

type PlainField = "name" | "kern" | "status" | "plannedCompletion" | "owner" | "sleutelproject" | "kind";

export function withProjectField<K extends PlainField>(
  scenario: Scenario,
  id: string,
  field: K,
  value: Project[K],
): Scenario {
  const copy = structuredClone(scenario);
  copy.projects[indexOfProject(copy, id)][field] = value;
  return copy;
}

export function withUnits(
  scenario: Scenario,
  id: string,
  segment: keyof Project["units"],
  n: number,
): Scenario {
  return withFigure(scenario, ["projects", indexOfProject(scenario, id), "units", segment], n);
}

export function withoutProject(scenario: Scenario, id: string): Scenario {
  const copy = structuredClone(scenario);
  copy.projects.splice(indexOfProject(copy, id), 1);
  return copy;
}

/** A free project id: N01, N02, … */
export function newProjectId(scenario: Scenario): string {
  const ids = new Set(scenario.projects.map((p) => p.id));
  for (let n = 1; ; n++) {
    const id = `N${String(n).padStart(2, "0")}`;
    if (!ids.has(id)) return id;
  }
}

/** A copy with a new, empty soft plan three years out in the first kern, for the user to fill in. */
export function withNewProject(scenario: Scenario): Scenario {
  const copy = structuredClone(scenario);
  const year = Number(copy.simulation.start.slice(0, 4)) + 3;
  copy.projects.push({
    id: newProjectId(copy),
    name: "Nieuw project",
    kern: copy.kernen[0].id,
    status: "zacht",
    plannedCompletion: `${year}-01`,
    units: { sociale_huur: 0, middenhuur: 0, betaalbare_koop: 0, duur: 0 },
    owner: "eigenaar_bewoner",
    sleutelproject: false,
    kind: "nieuwbouw",
    basis: "estimate",
    source: "Toegevoegd in de notebook Bouwplanning",
  });
  return copy;
}

/** The statuses whose delay assumptions the planners set, in pipeline order. */
export const ASSUMPTION_STATUSES = PIPELINE_STATUSES;
