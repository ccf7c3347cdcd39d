import { figureSources, SECTION_LABELS, unitFor } from "../../analysis/provenance";
import { formatPath, formatProblem } from "../../kernel/errors";
import { getAtPath, type PathKey, parsePath, setAtPath } from "../../kernel/paths";
import { parseScenario } from "../../parse";
import type { Scenario } from "../../scenario";
import { nearest } from "./args";
import { invalid, shorten, usage } from "./errors";

/**
 * The grid of a sweep: `--set PATH=FROM:TO:STEP` per figure, every combination a scenario of its own,
 * each checked like any scenario before the first run. A path names a figure as the method notebook
 * shows it (`pipeline.statuses.hard.dropOut`, `projects[3].units.duur`) or an element of a list by id
 * (`projects[id=P03].units.duur`).
 */

export interface Axis {
  /** The path as typed. */
  text: string;
  keys: PathKey[];
  /** The path with list elements by position, as the method notebook lists figures. */
  canonical: string;
  values: number[];
  /** The part of the scenario it belongs to and its unit, as the method notebook names them. */
  section: string;
  unit: string;
  /** The figure's value in the scenario, and its source when it has one. */
  current: number;
  source?: string;
}

/** Most grid points one sweep may have: each is a whole simulation. */
export const MAX_POINTS = 1_000;

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const toNumber = (text: string) => Number(text.replace(",", "."));
const decimals = (text: string) => text.replace(",", ".").split(".")[1]?.length ?? 0;

/** `FROM:TO:STEP` (or one value) → the values, rounded to the decimals typed so 0.1 + 0.2 stays 0.3. */
export function parseRange(text: string, flagText: string): number[] {
  const parts = text.split(":");
  if (parts.length === 1 && NUMBER.test(parts[0])) return [toNumber(parts[0])];
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p)))
    throw usage(
      `--set ${shorten(flagText, 60)}: verwacht PAD=VAN:TOT:STAP met drie getallen (of PAD=WAARDE), bijvoorbeeld pipeline.statuses.hard.dropOut=0:0.3:0.1.`,
    );
  const [from, to, step] = parts.map(toNumber);
  if (!(step > 0)) throw usage(`--set ${shorten(flagText, 60)}: de stap moet groter dan 0 zijn.`);
  if (to < from) throw usage(`--set ${shorten(flagText, 60)}: TOT (${to}) ligt onder VAN (${from}).`);
  const places = Math.max(...parts.map(decimals));
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_POINTS)
    throw usage(`--set ${shorten(flagText, 60)}: ${count} waarden; hoogstens ${MAX_POINTS} per sweep.`);
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(places)));
}

function canonicalPath(root: unknown, keys: readonly PathKey[]): string {
  const out: (string | number)[] = [];
  let node = root;
  for (const key of keys) {
    if (typeof key === "object") {
      const i = Array.isArray(node)
        ? node.findIndex((x) => (x as { id?: unknown } | null)?.id === key.id)
        : -1;
      out.push(i);
      node = Array.isArray(node) ? node[i] : undefined;
    } else {
      out.push(key);
      node = (node as Record<string | number, unknown> | undefined)?.[key];
    }
  }
  return formatPath(out);
}

/** Parse one `--set`, checked against the scenario: a path that names a figure (a number). */
export function parseAxis(flagText: string, scenario: Scenario): Axis {
  // The `=` outside brackets: `projects[id=P03].units.duur=0:10:5` splits after `duur`.
  let depth = 0;
  let eq = -1;
  for (let i = 0; i < flagText.length && eq < 0; i++) {
    if (flagText[i] === "[") depth++;
    else if (flagText[i] === "]") depth--;
    else if (flagText[i] === "=" && depth === 0) eq = i;
  }
  if (eq <= 0)
    throw usage(
      `--set ${shorten(flagText, 60)}: verwacht PAD=VAN:TOT:STAP, bijvoorbeeld policy.sales.perYear=0:40:10.`,
    );
  const text = flagText.slice(0, eq);
  const values = parseRange(flagText.slice(eq + 1), flagText);
  const figures = figureSources(scenario);
  const keys = parsePath(text);
  const found = keys === undefined ? undefined : getAtPath(scenario, keys);
  const value =
    typeof found === "number"
      ? found
      : found !== null &&
          typeof found === "object" &&
          typeof (found as { value?: unknown }).value === "number"
        ? (found as { value: number }).value
        : undefined;
  if (!keys || value === undefined) {
    const guess = nearest(
      text,
      figures.map((f) => f.path),
    );
    const why =
      keys === undefined
        ? "is geen pad (schrijf het zoals a.b[2].c of a.b[id=x].c)"
        : found === undefined
          ? "bestaat niet in het scenario"
          : "is geen cijfer maar een object, lijst of tekst";
    throw invalid(
      `${shorten(text, 80)}: ${why}${guess ? `; bedoelde je ${guess}?` : ""}`,
      "Alle cijfers met hun pad: de tabel van aannames in de methode-notebook.",
    );
  }
  const canonical = canonicalPath(scenario, keys);
  const figure = figures.find((f) => f.path === canonical);
  const part = canonical.split(/[.[]/)[0];
  return {
    text,
    keys,
    canonical,
    values,
    section: SECTION_LABELS[part] ?? part,
    unit: unitFor(canonical),
    current: value,
    source: figure?.source,
  };
}

/** Every combination of the axes' values, the first axis slowest. */
export function gridPoints(axes: readonly Axis[]): number[][] {
  let points: number[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => [...p, v]));
  if (points.length > MAX_POINTS)
    throw usage(
      `De sweep heeft ${points.length} punten; hoogstens ${MAX_POINTS}. Neem grotere stappen of minder cijfers.`,
    );
  return points;
}

/** The scenario at one grid point, checked as any scenario is; the problems name the point. */
export function scenarioAt(
  base: Scenario,
  axes: readonly Axis[],
  point: readonly number[],
): Scenario | string[] {
  const raw = structuredClone(base) as unknown;
  axes.forEach((axis, i) => {
    setAtPath(raw, axis.keys, point[i]);
  });
  const parsed = parseScenario(raw);
  if (parsed.ok) return parsed.value;
  const where = axes.map((a, i) => `${a.text}=${point[i]}`).join(", ");
  return parsed.problems.map((p) => `  ${where}: ${formatProblem(p)}`);
}
