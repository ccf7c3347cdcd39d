import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../../engine/scenario";
import { main } from "../../../engine/transport/cli";
import { expectSameBytes } from "../../helpers/bytes";
import { smallScenario } from "../../helpers/fixtures";
import { readScenarioJson } from "../../helpers/scenarios";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = () => mkdtempSync(join(tmpdir(), "woonscenario-"));

/** A scenario written to a file of its own, for the command line to read. */
function scenarioFile(input: ScenarioInput, name = "scenario.json"): string {
  const file = join(tmp(), name);
  writeFileSync(file, JSON.stringify(input));
  return file;
}

/**
 * What the command line does with its files and options does not depend on the model's size: those
 * tests run a small scenario with every sub-model (the baseline's own numbers are read from a few
 * runs of it); cli.slow.test.ts compares the baseline with its variants.
 */
const small = scenarioFile(smallScenario(), "klein.json");
const moreFree = (() => {
  const input = smallScenario();
  input.name = "Klein, meer vrije toewijzing";
  return scenarioFile(
    { ...input, allocation: { ...input.allocation!, freeAllocation: { cap: 0.15, share: 0.15 } } },
    "klein-vrij.json",
  );
})();

describe("woonscenario run", () => {
  it("writes summary.json and yearly.csv for the baseline, starting 2025 at about 10.150 dwellings and 18% social rent", async () => {
    const dir = tmp();
    const { code, out } = await cli("run", "--runs", "20", "--seed", "1", "--out", dir);
    expect(code).toBe(0);
    expect(out).toMatch(/Start 2025: 10\.150 woningen, 18,0% sociale huur/);
    expect(out).toMatch(/1\.225 woningen gerealiseerd in 2034\s+2034\s+[\d.]+\s+\S+%/);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.meta).toMatchObject({ seed: 1, runs: 20, scenarioName: "Basis Losser" });
    expect(summary.meta.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    expect(summary.years[0]).toBe(2025);
    expect(summary.metrics["stock.total"][0].p50).toBeCloseTo(10150, -2);
    expect(summary.metrics["share.sociale_huur"][0].p50).toBeCloseTo(0.18, 2);
    for (const id of [
      "stock.total",
      "stock.sociale_huur",
      "stock.middenhuur",
      "stock.betaalbare_koop",
      "stock.duur",
      "share.sociale_huur",
      "completions.total",
      "completions.sociale_huur",
      "newbuild_share.sociale_huur",
      "opgave.realised",
      "sales.sociale_huur",
      "acquisitions.sociale_huur",
      "share.sociale_huur@Overdinkel",
      "stock.total@Losser",
    ]) {
      expect(Object.keys(summary.metrics[id][0]).sort()).toEqual(
        ["mean", "p10", "p25", "p5", "p50", "p75", "p90", "p95", "year"].sort(),
      );
    }
    expect(summary.metrics["opgave.realised"][0].p5).toBeGreaterThanOrEqual(302);
    const csv = readFileSync(join(dir, "yearly.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("metric,year,statistic,value");
    expect(csv).toMatch(/\r\nstock\.total,2025,p50,10150\r\n/);
  });

  it("writes byte-identical files for the same seed, and other numbers for another seed", async () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    for (const [dir, seed] of [
      [a, "7"],
      [b, "7"],
      [c, "8"],
    ]) {
      expect((await cli("run", small, "--runs", "200", "--seed", seed, "--out", dir)).code).toBe(0);
    }
    for (const f of ["summary.json", "yearly.csv"]) {
      expectSameBytes(readFileSync(join(b, f)), readFileSync(join(a, f)), f);
      expect(readFileSync(join(c, f)).equals(readFileSync(join(a, f))), f).toBe(false);
    }
  });

  it("writes a CSV for Dutch Excel with --excel-nl: semicolons and decimal commas", async () => {
    const dir = tmp();
    expect((await cli("run", small, "--runs", "20", "--out", dir, "--excel-nl")).code).toBe(0);
    const csv = readFileSync(join(dir, "yearly.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("metric;year;statistic;value");
    // 149 of 500 homes social at the end of 2025.
    expect(csv).toMatch(/\r\nshare\.sociale_huur;2025;p50;0,298\r\n/);
  });

  it("refuses a bad option value with a Dutch message and exit code 2", async () => {
    const { code, err } = await cli("run", "--runs", "veel");
    expect(code).toBe(2);
    expect(err).toMatch(/--runs: verwacht een geheel getal/);
  });
});

describe("woonscenario validate", () => {
  it("accepts the baseline with exit code 0", async () => {
    const { code, out } = await cli("validate", "data/scenarios/basis.json");
    expect(code).toBe(0);
    expect(out).toMatch(/geldig scenario "Basis Losser"/);
  });

  it("names a negative unit count, a share above 1, an unknown village and a year outside 2025–2035, one line each, exit code 1", async () => {
    const s = readScenarioJson("basis.json") as Record<string, never>;
    const projects = s.projects as {
      units: Record<string, number>;
      kern: string;
      plannedCompletion: string;
    }[];
    projects[0].units.duur = -3;
    projects[1].kern = "Oldenzaal";
    projects[2].plannedCompletion = "2037-06";
    (s.targets as Record<string, unknown>).socialShareNewBuild = 1.5;
    const file = join(tmp(), "fout.json");
    writeFileSync(file, JSON.stringify(s));
    const { code, err } = await cli("validate", file);
    expect(code).toBe(1);
    const lines = err.split("\n").slice(1);
    expect(lines).toHaveLength(4);
    expect(err).toMatch(/projects\[0\]\.units\.duur: mag niet negatief zijn/);
    expect(err).toMatch(/targets\.socialShareNewBuild: is een aandeel en moet tussen 0 en 1 liggen/);
    expect(err).toMatch(/projects\[1\]\.kern: onbekende kern "Oldenzaal"/);
    expect(err).toMatch(
      /projects\[2\]\.plannedCompletion: jaar 2037 ligt buiten de simulatieperiode 2025–2035/,
    );
    expect(err).not.toMatch(/at .*\.ts/);
  });

  it("reports an unreadable file and a file that is not JSON without a stack trace", async () => {
    expect((await cli("validate", "bestaat/niet.json")).err).toMatch(/Kan het bestand .* niet lezen/);
    const file = join(tmp(), "kapot.json");
    writeFileSync(file, "{");
    const { code, err } = await cli("validate", file);
    expect(code).toBe(1);
    expect(err).toMatch(/geen geldige JSON/);
  });
});

describe("woonscenario compare", () => {
  it("puts both scenarios' targets side by side and gives a paired difference of exactly zero for a scenario against itself", async () => {
    const { code, out } = await cli("compare", small, small, "--runs", "40", "--year", "2027");
    expect(code).toBe(0);
    expect(out).toMatch(/Doel\s+Jaar\s+Kans A\s+Kans B/);
    expect(out).toMatch(
      /Verschil B − A in opgave\.realised, 2027: mediaan 0 \(80% van de runs tussen 0 en 0\)/,
    );
  });

  it("writes the difference in the metric's own unit: years with a decimal, shares in percentage points", async () => {
    const years = await cli(
      "compare",
      small,
      moreFree,
      "--runs",
      "100",
      "--metric",
      "search_time.vrij",
      "--year",
      "2028",
    );
    expect(years.out).toMatch(
      /Verschil B − A in search_time\.vrij, 2028: mediaan -\d+,\d jaar \(80% van de runs tussen -\d+,\d en -?\d+,\d jaar\)/,
    );
    const share = await cli(
      "compare",
      small,
      moreFree,
      "--runs",
      "100",
      "--metric",
      "share.vrije_toewijzing",
      "--year",
      "2028",
    );
    expect(share.out).toMatch(/mediaan \d+,\d procentpunt/);
  });

  it("says so when no run of both scenarios has a value to pair, instead of a difference of 0", async () => {
    // In the first, partial quarter no starter is housed in Beuningen: no search time in any run.
    const { code, out } = await cli(
      "compare",
      "data/scenarios/basis.json",
      "data/scenarios/vertraging.json",
      "--runs",
      "20",
      "--metric",
      "search_time.starter@Beuningen",
      "--year",
      "2025",
    );
    expect(code).toBe(0);
    expect(out).toMatch(
      /Verschil B − A in search_time\.starter@Beuningen, 2025: geen waarde: in geen enkele run hadden beide scenario's er een/,
    );
  });

  it("reads the difference in the year of A's opgave unless --year says otherwise: no year of its own", async () => {
    const dir = tmp();
    const scenario = readScenarioJson("basis") as { opgave: { deadlineYear: number } };
    scenario.opgave.deadlineYear = 2032;
    const file = join(dir, "eerder.json");
    writeFileSync(file, JSON.stringify(scenario));
    const { code, out } = await cli("compare", file, file, "--runs", "5");
    expect(code).toBe(0);
    expect(out).toMatch(/Verschil B − A in opgave\.realised, 2032: mediaan 0/);
  });

  it("refuses an unknown metric, naming the option", async () => {
    const { code, err } = await cli("compare", small, small, "--runs", "5", "--metric", "bestaat.niet");
    expect(code).toBe(2);
    expect(err).toMatch(/--metric: onbekende metric "bestaat\.niet"/);
  });
});

describe("woonscenario calibrate", () => {
  it("prints the baseline beside its references with source and date, and writes calibration.json", async () => {
    const dir = tmp();
    const { code, out } = await cli("calibrate", "--runs", "20", "--out", dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^1\. Woningvoorraad\s+2025\s+10\.150\s+10\.150/m);
    expect(out).toMatch(/Bronnen:\n1\. Raamovereenkomst/);
    const written = JSON.parse(readFileSync(join(dir, "calibration.json"), "utf8"));
    expect(written.rows.length).toBeGreaterThanOrEqual(12);
    expect(written.meta).toMatchObject({ runs: 20, scenarioName: "Basis Losser" });
  });

  it("refuses a scenario without calibration rows, in Dutch", async () => {
    const dir = tmp();
    const file = join(dir, "zonder.json");
    const scenario = readScenarioJson("basis.json") as Record<string, unknown>;
    delete scenario.calibration;
    writeFileSync(file, JSON.stringify(scenario));
    const { code, err } = await cli("calibrate", file, "--runs", "5", "--out", dir);
    expect(code).toBe(1);
    expect(err).toMatch(/heeft geen kalibratieregels/);
  });
});
