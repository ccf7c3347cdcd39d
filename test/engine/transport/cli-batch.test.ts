import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, cliWith, fakeStream, tmp } from "../../helpers/cli";

describe("many scenarios in one run", () => {
  it("runs each with the same seed into OUT/<name>/ and writes doelen.csv: one row per scenario and target", async () => {
    const out = tmp();
    const { code, out: text } = await cli(
      "run",
      "data/scenarios/basis.json",
      "data/scenarios/vertraging.json",
      "--runs",
      "4",
      "--seed",
      "5",
      "--out",
      out,
    );
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["basis", "doelen.csv", "vertraging"]);
    for (const name of ["basis", "vertraging"]) {
      const summary = JSON.parse(readFileSync(join(out, name, "summary.json"), "utf8"));
      expect(summary.meta).toMatchObject({ seed: 5, runs: 4 });
      expect(existsSync(join(out, name, "yearly.csv"))).toBe(true);
    }
    const lines = readFileSync(join(out, "doelen.csv"), "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("scenario,doel,omschrijving,eenheid,jaar,mediaan,kans");
    const targets = JSON.parse(readFileSync(join(out, "basis", "summary.json"), "utf8")).targets.length;
    expect(lines).toHaveLength(1 + 2 * targets);
    expect(lines[1]).toMatch(
      /^basis,opgave,1\.225 woningen gerealiseerd in 2034,woningen,2034,\d+(\.\d+)?,[\d.]+$/,
    );
    expect(text).toMatch(/== basis \(data\/scenarios\/basis\.json\)/);
    expect(text).toMatch(/== vertraging/);
  });

  it("takes a folder, and writes doelen.csv for Dutch Excel with --excel-nl", async () => {
    const folder = tmp();
    for (const f of ["basis.json", "versnelling.json"])
      copyFileSync(join("data/scenarios", f), join(folder, f));
    const out = tmp();
    const { code } = await cli("run", folder, "--runs", "3", "--out", out, "--excel-nl");
    expect(code).toBe(0);
    const csv = readFileSync(join(out, "doelen.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("scenario;doel;omschrijving;eenheid;jaar;mediaan;kans");
    expect(csv).toMatch(/\r\nversnelling;nieuwbouw_sociaal;[^;]+;aandeel;2030;0,\d+;/);
  });

  it("checks every scenario before running any, and names the bad one", async () => {
    const { code, err } = await cli(
      "run",
      "data/scenarios/basis.json",
      "bestaat-niet.json",
      "--runs",
      "2",
      "--out",
      tmp(),
    );
    expect(code).toBe(3);
    expect(err).toMatch(/Kan het bestand .*bestaat-niet\.json niet lezen/);
  });
});

describe("--json", () => {
  let cwd: string;
  beforeEach(() => {
    cwd = process.cwd();
  });
  afterEach(() => {
    process.chdir(cwd);
  });

  it("prints the summary to stdout and writes no file without --out", async () => {
    const here = tmp();
    const scenario = join(cwd, "data/scenarios/basis.json");
    process.chdir(here);
    const { code, out, err } = await cli("run", scenario, "--runs", "2", "--json");
    expect(code).toBe(0);
    expect(err).toBe("");
    const summary = JSON.parse(out);
    expect(summary.meta).toMatchObject({ runs: 2, scenarioName: "Basis Losser" });
    expect(readdirSync(here)).toEqual([]);
  });

  it("prints compare and calibrate as JSON too, and writes nothing", async () => {
    const here = tmp();
    const base = join(cwd, "data/scenarios/basis.json");
    process.chdir(here);
    const compared = JSON.parse((await cli("compare", base, base, "--runs", "3", "--json")).out);
    expect(compared.difference).toMatchObject({ metric: "opgave.realised", year: 2034, p50: 0 });
    expect(compared.targets[0]).toHaveProperty("probabilityA");
    const calibration = await cli("calibrate", base, "--runs", "3", "--json");
    expect(JSON.parse(calibration.out).rows.length).toBeGreaterThan(5);
    expect(readdirSync(here)).toEqual([]);
  });

  it("writes the files as well with --out, and still prints only JSON", async () => {
    const dir = tmp();
    const { out } = await cli("run", "--runs", "2", "--json", "--out", dir);
    expect(JSON.parse(out).meta.runs).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["summary.json", "yearly.csv"]);
  });
});

describe("woonscenario sweep", () => {
  const args = [
    "sweep",
    "data/scenarios/basis.json",
    "--set",
    "pipeline.statuses.hard.dropOut=0:0.2:0.1",
    "--metric",
    "stock.sociale_huur",
    "--runs",
    "4",
  ];

  it("writes one row per grid point and target and per chosen metric, byte-identical for the same seed", async () => {
    const [a, b] = [tmp(), tmp()];
    const first = await cli(...args, "--out", a);
    expect(first.code).toBe(0);
    await cli(...args, "--out", b);
    const csv = readFileSync(join(a, "sweep.csv"));
    expect(readFileSync(join(b, "sweep.csv"))).toEqual(csv);
    const lines = csv.toString().trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "punt,pipeline.statuses.hard.dropOut,soort,id,omschrijving,eenheid,jaar,mediaan,p10,p90,kans",
    );
    const targets = lines.filter((l) => l.startsWith("1,0,doel,")).length;
    expect(targets).toBeGreaterThan(5);
    expect(lines).toHaveLength(1 + 3 * (targets + 1));
    expect(lines.filter((l) => /^\d,0\.1,metric,stock\.sociale_huur,.*,2034,/.test(l))).toHaveLength(1);
    expect(first.out).toMatch(/3 punten × 4 runs, seed 1 voor elk punt \(gemeenschappelijk toeval\)/);
    expect(first.out).toMatch(
      /pipeline\.statuses\.hard\.dropOut \(Bouwpijplijn: vertraging en uitval; aandeel\): nu 0,05, bron: /,
    );
  });

  it("uses common random numbers: the point at the scenario's own value gives the run's own results", async () => {
    const sweep = JSON.parse(
      (
        await cli(
          "sweep",
          "data/scenarios/basis.json",
          "--set",
          "pipeline.statuses.hard.dropOut=0.05",
          "--runs",
          "4",
          "--json",
        )
      ).out,
    );
    const run = JSON.parse((await cli("run", "--runs", "4", "--json")).out);
    const opgave = sweep.rows.find((r: { id: string }) => r.id === "opgave");
    const target = run.targets.find((t: { id: string }) => t.id === "opgave");
    expect(opgave.probability).toBe(target.probability);
    expect(opgave.median).toBe(target.byYear.find((y: { year: number }) => y.year === 2034).p50);
  });

  it("crosses two --set options into every combination, the first slowest", async () => {
    const { code, out } = await cli(
      "sweep",
      "data/scenarios/basis.json",
      "--set",
      "policy.sales.perYear=0:10:10",
      "--set",
      "pipeline.statuses.hard.dropOut=0:0.1:0.1",
      "--runs",
      "2",
      "--json",
    );
    expect(code).toBe(0);
    const points = JSON.parse(out).rows.filter((r: { id: string }) => r.id === "opgave");
    expect(
      points.map((r: Record<string, number>) => [
        r["policy.sales.perYear"],
        r["pipeline.statuses.hard.dropOut"],
      ]),
    ).toEqual([
      [0, 0],
      [0, 0.1],
      [10, 0],
      [10, 0.1],
    ]);
  });

  it("takes a list element by its id, and names each figure's part and unit as the method notebook does", async () => {
    const { code, out } = await cli(
      "sweep",
      "data/scenarios/basis.json",
      "--set",
      "projects[id=P03].units.duur=0:10:10",
      "--runs",
      "2",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.set[0]).toMatchObject({
      path: "projects[id=P03].units.duur",
      figure: "projects[2].units.duur",
      section: "Projecten",
      unit: "woningen",
      values: [0, 10],
    });
    expect(result.rows.filter((r: { id: string }) => r.id === "opgave")).toHaveLength(2);
  });

  it("answers an unknown path like an invalid scenario, with the nearest figure path", async () => {
    const { code, err } = await cli(
      "sweep",
      "data/scenarios/basis.json",
      "--set",
      "pipeline.statuses.hard.dropout=0:1:0.5",
    );
    expect(code).toBe(1);
    expect(err).toMatch(
      /pipeline\.statuses\.hard\.dropout: bestaat niet in het scenario; bedoelde je pipeline\.statuses\.hard\.dropOut\?/,
    );
  });

  it("answers values the scenario cannot have with the field's own message, before any run", async () => {
    const { code, err } = await cli(
      "sweep",
      "data/scenarios/basis.json",
      "--set",
      "pipeline.statuses.hard.dropOut=0.5:1.5:0.5",
      "--runs",
      "100000",
    );
    expect(code).toBe(1);
    expect(err).toMatch(/1 probleem in de sweep/);
    expect(err).toMatch(
      /dropOut=1\.5: pipeline\.statuses\.hard\.dropOut\.value: is een aandeel en moet tussen 0 en 1 liggen \(kreeg 1\.5\)/,
    );
  });

  it("refuses a malformed range or a missing --set as wrong use", async () => {
    expect((await cli("sweep", "data/scenarios/basis.json", "--set", "policy.sales.perYear=0:10")).code).toBe(
      2,
    );
    expect(
      (await cli("sweep", "data/scenarios/basis.json", "--set", "policy.sales.perYear=10:0:1")).err,
    ).toMatch(/TOT \(0\) ligt onder VAN \(10\)/);
    expect((await cli("sweep", "data/scenarios/basis.json")).err).toMatch(/geef minstens één --set/);
  });
});

describe("progress on a terminal", () => {
  const run = ["run", "--runs", "40", "--out"];

  it("draws a bar on stderr with runs, runs per second and time left, and erases it", async () => {
    const stderr = fakeStream(true);
    const { code } = await cliWith({ stderr, stdoutIsTTY: true }, ...run, tmp());
    expect(code).toBe(0);
    const text = stderr.written.join("");
    expect(text).toMatch(/Basis Losser \[[#-]+\] [\d.]+\/40 runs · [\d.]+ runs\/s/);
    expect(text.endsWith("\r\x1b[K")).toBe(true);
  });

  it("writes nothing extra when stderr or stdout is not a terminal, or with --stil", async () => {
    for (const [terminal, extra] of [
      [{ stderr: fakeStream(false), stdoutIsTTY: true }, []],
      [{ stderr: fakeStream(true), stdoutIsTTY: false }, []],
      [{ stderr: fakeStream(true), stdoutIsTTY: true }, ["--stil"]],
    ] as const) {
      const { code, err } = await cliWith(terminal, ...run, tmp(), ...extra);
      expect(code).toBe(0);
      expect(err).toBe("");
      expect(terminal.stderr.written).toEqual([]);
    }
  });
});

describe("the built command line", () => {
  it("validates the baseline from bin/woonscenario.js with exit code 0, and answers a bad option with exit code 2", () => {
    const out = execFileSync("node", ["bin/woonscenario.js", "validate", "data/scenarios/basis.json"], {
      encoding: "utf8",
    });
    expect(out).toMatch(/geldig scenario "Basis Losser"/);
    expect(existsSync("build/cli/woonscenario.mjs")).toBe(true);
    let status = 0;
    let stderr = "";
    try {
      execFileSync("node", ["bin/woonscenario.js", "run", "--runs", "0x10"], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/^--runs: verwacht een geheel getal/);
  });
});
