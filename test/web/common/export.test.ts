import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planningScope } from "../../../engine/scope";
import {
  exportNotes,
  type FigureSpec,
  METRIC_COLUMNS,
  metricTable,
  RUNS_BAND,
} from "../../../web/charts/frame";
import { RUN_COLUMNS } from "../../../web/client/run-table";
import { createSession, type RunResult } from "../../../web/client/session";
import { createPool } from "../../../web/client/worker-pool";
import { parseCsv, toCsv } from "../../../web/common/csv";
import { AFFORDABILITY_FIGURES } from "../../../web/figures/betaalbaarheid";
import { FIGURES } from "../../../web/figures/bouwplanning";
import { exportProjects } from "../../../web/scenario/project-csv";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { loadScenario } from "../../helpers/scenarios";

/**
 * Every way the notebooks hand the user a file: charts as SVG/PNG carry their context, tables as CSV
 * have Dutch column names, and no cell of any CSV can run as a formula in a spreadsheet.
 */

type PlannerSpec = FigureSpec<RunResult, object>;

const WEB = new URL("../../../web/", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

/** A cell a spreadsheet would run: a formula character at the start, not behind our quote. */
const risky = (csv: string) =>
  parseCsv(csv.replace(/(^|[;,\r\n])'(?=[=+\-@\t\r])/g, "$1\u0000")).rows.flatMap((row) =>
    row.filter((cell) => /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell.replace(",", ".")))),
  );

// A scenario whose project and scenario names would be formulas, as a careless or hostile file may have.
const base = loadScenario();
const hostile = {
  ...base,
  name: '=HYPERLINK("http://x")',
  projects: base.projects.map((p, i) =>
    i === 0 ? { ...p, name: "=1+1" } : i === 1 ? { ...p, name: "@SUM(A1)" } : p,
  ),
  simulation: { ...base.simulation, runs: 60 },
};

async function run(scenario: typeof base): Promise<RunResult> {
  const session = createSession(createPool({ size: 2, spawn: fakeWorker(newLog()) }));
  await session.request(scenario);
  return session.result.get()!;
}

let planning: RunResult;
let whole: RunResult;
beforeAll(async () => {
  planning = await run(planningScope(hostile));
  whole = await run({ ...hostile, simulation: { ...hostile.simulation, runs: 20 } });
}, 120_000);

describe("CSV exports", () => {
  it("all go through toCsv: every file the pages make as text/csv is made by toCsv", () => {
    const makers = sources(WEB).filter((f) => readFileSync(f, "utf8").includes("text/csv"));
    for (const file of makers) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toMatch(/toCsv\(|exportProjects\(/);
    }
    expect(makers.map((f) => f.slice(WEB.length)).sort()).toEqual([
      "common/export.ts",
      "controls/project-table.ts",
    ]);
    expect(readFileSync(join(WEB, "scenario/project-csv.ts"), "utf8")).toMatch(
      /return toCsv\(rows, options\)/,
    );
  });

  it("of the project table quote names that would be formulas, and read back to the same names", () => {
    const csv = exportProjects(hostile);
    expect(csv).toContain(";'=1+1;");
    expect(csv).toContain(";'@SUM(A1);");
    expect(risky("a;=1+1\r\n")).toEqual(["=1+1"]);
    expect(risky(csv)).toEqual([]);
    expect(risky(exportProjects(hostile, { dutch: false }))).toEqual([]);
  });

  it("of every planners' figure have no cell a spreadsheet would run", () => {
    for (const [id, spec] of Object.entries(FIGURES as Record<string, PlannerSpec>)) {
      const csv = toCsv(spec.table(planning, {}));
      expect(risky(csv), id).toEqual([]);
    }
  });

  it("of every SHBL figure and every per-run table have no cell a spreadsheet would run", () => {
    for (const [id, spec] of Object.entries(AFFORDABILITY_FIGURES)) {
      expect(risky(toCsv(spec.table(whole.summary, {}))), id).toEqual([]);
      const ids = spec.metrics?.(whole.summary, {});
      if (ids) expect(risky(toCsv(whole.perRun!(ids))), id).toEqual([]);
    }
  });

  it("name their columns in Dutch and give each metric its label beside its id", () => {
    const [header, first] = metricTable(planning.summary, ["completions.total"]);
    expect(header).toEqual([...METRIC_COLUMNS]);
    expect(header.slice(0, 5)).toEqual(["metriek (id)", "omschrijving", "eenheid", "jaar", "gemiddelde"]);
    expect(first[0]).toBe("completions.total");
    expect(first[1]).toBe(planning.summary.metricInfo["completions.total"].label);
    expect(String(first[1])).not.toBe("completions.total");
    for (const [id, spec] of Object.entries(FIGURES as Record<string, PlannerSpec>)) {
      const head = spec.table(planning, {})[0].map(String);
      expect(
        head.filter((h) => /^(mean|p\d+|metriek)$/.test(h)),
        id,
      ).toEqual([]);
    }
  });
});

describe("per-run CSV", () => {
  it("gives every run's value, whose mean is the summary's mean", () => {
    const rows = planning.perRun!(["opgave.realised"]);
    expect(rows[0]).toEqual([...RUN_COLUMNS]);
    expect(rows.length - 1).toBe(60 * planning.summary.years.length);
    const year = planning.summary.years[planning.summary.years.length - 1];
    const values = rows
      .slice(1)
      .filter((r) => r[4] === year)
      .map((r) => Number(r[5]));
    expect(values).toHaveLength(60);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(60);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const stats = planning.summary.metrics["opgave.realised"].find((r) => r.year === year)!;
    expect(mean).toBeCloseTo(stats.mean, 3);
  });

  it("is offered by the figures whose metrics are runs' values, not by spreads over households", () => {
    expect(FIGURES.realisatie.metrics?.()).toEqual(["opgave.realised"]);
    expect(AFFORDABILITY_FIGURES.huurquote.metrics).toBeUndefined();
    expect(AFFORDABILITY_FIGURES.huurquote.band).toMatch(/huishoudens/);
  });
});

describe("images", () => {
  it("carry the caption, what the band means, the scenario, runs, seed and the day", () => {
    const notes = exportNotes(
      { caption: "Mediaan en band.", scenarioName: "Basis Losser", seed: 1, runs: 1000 },
      true,
      new Date(2026, 11, 3),
    );
    expect(notes).toEqual([
      "Mediaan en band.",
      RUNS_BAND,
      "Scenario: Basis Losser · 1.000 runs · seed 1 · gemaakt op 3 december 2026 met woonscenario",
    ]);
    expect(exportNotes({ caption: "Staafjes.", scenarioName: "X" }, false)).toHaveLength(2);
  });
});
