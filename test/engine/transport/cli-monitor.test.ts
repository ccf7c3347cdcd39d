import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProgress } from "../../../engine/progress";
import { progressFromCsv, readMonth } from "../../../engine/transport/cli/progress-csv";
import { cli, tmp } from "../../helpers/cli";
import { smallScenario } from "../../helpers/fixtures";
import { loadScenario } from "../../helpers/scenarios";

/** The monitoring commands on the small scenario (start 2025-01; project A hard, due 2026-05; B soft). */
const dir = tmp();
const scenario = join(dir, "klein.json");
writeFileSync(scenario, JSON.stringify(smallScenario()));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const report = write(
  "voortgang.json",
  JSON.stringify({
    name: "Test",
    peildatum: "2026-06",
    completions: [{ project: "A", month: "2026-04" }],
    statusChanges: [{ project: "B", month: "2026-02", status: "hard" }],
  }),
);
const csvReport = write(
  "voortgang.csv",
  [
    "soort;project;maand;sociale_huur;middenhuur;betaalbare_koop;duur;status;gepland;naam;kern;eigenaar;type;toelichting",
    "peildatum;;juni 2026;;;;;;;;;;;",
    "oplevering;A;2026-04;12;0;8;0;;;;;;;op tijd",
    "statuswijziging;B;2026-02;;;;;hard;;;;;;",
  ].join("\r\n"),
);

describe("progress reports as CSV", () => {
  it("reads months as people and Excel write them", () => {
    expect(readMonth("2026-06")).toBe("2026-06");
    expect(readMonth("6-2026")).toBe("2026-06");
    expect(readMonth("1-6-2026")).toBe("2026-06");
    expect(readMonth("jun-26")).toBe("2026-06");
    expect(readMonth("maart 2027")).toBe("2027-03");
    expect(readMonth("2026-13")).toBeUndefined();
    expect(readMonth("binnenkort")).toBeUndefined();
  });

  it("reads the shipped template as the same events as the JSON example", () => {
    const basis = loadScenario("basis");
    const csv = progressFromCsv(readFileSync("data/voortgang/sjabloon.csv", "utf8"), "sjabloon");
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    const fromCsv = parseProgress(csv.value, basis);
    const fromJson = parseProgress(
      JSON.parse(readFileSync("data/voortgang/voorbeeld-2026-06.json", "utf8")),
      basis,
    );
    expect(fromCsv.ok && fromJson.ok).toBe(true);
    if (!fromCsv.ok || !fromJson.ok) return;
    expect(fromCsv.value.peildatum).toBe(fromJson.value.peildatum);
    expect(fromCsv.value.completions).toEqual(fromJson.value.completions);
    const withoutNotes = <T extends { note?: string }>(xs: T[]) => xs.map(({ note: _, ...x }) => x);
    expect(withoutNotes(fromCsv.value.statusChanges)).toEqual(withoutNotes(fromJson.value.statusChanges));
    expect(withoutNotes(fromCsv.value.newProjects)).toEqual(withoutNotes(fromJson.value.newProjects));
    expect(withoutNotes(fromCsv.value.sales)).toEqual(withoutNotes(fromJson.value.sales));
    expect(withoutNotes(fromCsv.value.acquisitions)).toEqual(withoutNotes(fromJson.value.acquisitions));
    expect(withoutNotes(fromCsv.value.allocation)).toEqual(withoutNotes(fromJson.value.allocation));
    expect(fromJson.value.allocation.length).toBeGreaterThan(0);
  });

  it("reads sales, acquisitions and allocation figures per year, and names the row and column of a bad one", () => {
    const header = "soort;project;maand;jaar;aantal;verhuringen;statushouders;zoektijd_jaren";
    const good = progressFromCsv(
      [header, "peildatum;;2026-06;;;;;", "verkoop;;;2026;1.200;;;", "toewijzing;;;2026;;80;;2,5"].join("\n"),
      "t",
    );
    expect(good.ok).toBe(true);
    if (good.ok) {
      expect(good.value.sales).toEqual([{ year: 2026, homes: 1200 }]);
      expect(good.value.allocation).toEqual([{ year: 2026, lettings: 80, searchTimeYears: 2.5 }]);
    }
    const bad = progressFromCsv(
      [
        header,
        "peildatum;;2026-06;;;;;",
        "verkoop;;;2026;12.5;;;",
        "aankoop;;;;3;;;",
        "toewijzing;;;2026;;;;lang",
        "toewijzing;;;2026;;;;",
      ].join("\n"),
      "t",
    );
    expect(bad.ok || bad.problems).toEqual([
      expect.stringMatching(/^rij 3, kolom aantal: "12\.5" is geen aantal woningen/),
      expect.stringMatching(/^rij 4, kolom jaar: ontbreekt/),
      expect.stringMatching(/^rij 5, kolom zoektijd_jaren: "lang" is geen zoektijd/),
      expect.stringMatching(/^rij 6, kolom verhuringen: geef ten minste één/),
    ]);
    // A year after the peildatum is the scenario's rule: the row and column come from the CSV.
    const late = progressFromCsv([header, "peildatum;;2026-06;;;;;", "verkoop;;;2027;2;;;"].join("\n"), "t");
    expect(late.ok).toBe(true);
    if (!late.ok) return;
    const parsed = parseProgress(late.value, loadScenario("basis"));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${late.where(p.path)}: ${p.message}`)).toEqual([
      "rij 3, kolom jaar: 2027 ligt na het jaar van de peildatum (2026-06)",
    ]);
  });

  it("names the row and column of every problem, in Dutch", () => {
    const header = "soort;project;maand;sociale_huur;status";
    const read = progressFromCsv(
      [
        header,
        "peildatum;;2026-06;;",
        "opleverng;A;2026-04;;",
        "oplevering;A;straks;x;",
        "statuswijziging;B;2026-02;;weg",
      ].join("\n"),
      "t",
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      expect.stringMatching(/^rij 3, kolom soort: onbekende soort "opleverng"/),
      expect.stringMatching(/^rij 4, kolom maand: "straks" is geen maand/),
      expect.stringMatching(/^rij 4, kolom sociale_huur: "x" is geen aantal woningen/),
      expect.stringMatching(/^rij 5, kolom status: onbekende status "weg"/),
    ]);
    const noHeader = progressFromCsv("project;maand\nA;2026-01", "t");
    expect(noHeader.ok || noHeader.problems[0]).toMatch(/rij 1 \(kopregel\): de kolom soort ontbreekt/);
    const noPeildatum = progressFromCsv("soort;project;maand\noplevering;A;2026-01", "t");
    expect(noPeildatum.ok || noPeildatum.problems[0]).toMatch(/geen peildatum/);
  });
});

describe("run --progress", () => {
  it("simulates from the peildatum and says so", async () => {
    const { code, out } = await cli("run", scenario, "--progress", report, "--runs", "20", "--out", tmp());
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe(
      "Vanaf de peildatum 2026-06 (Test): 1 oplevering, 1 statuswijziging, 0 nieuwe projecten",
    );
  });

  it("reads the CSV template too, to the same result", async () => {
    const json = await cli("run", scenario, "--progress", report, "--runs", "20", "--json");
    const csv = await cli("run", scenario, "--progress", csvReport, "--runs", "20", "--json");
    expect(csv.code).toBe(0);
    const targets = (s: string) => JSON.parse(s).targets.map((t: { probability: number }) => t.probability);
    expect(targets(csv.out)).toEqual(targets(json.out));
  });

  it("names the row and field of a problem and stops with exit code 1", async () => {
    const bad = write(
      "fout.json",
      JSON.stringify({
        name: "Fout",
        peildatum: "2026-06",
        completions: [{ project: "Z", month: "2026-08" }],
      }),
    );
    const { code, err } = await cli("run", scenario, "--progress", bad, "--runs", "5", "--json");
    expect(code).toBe(1);
    expect(err).toContain('oplevering 1, veld project: onbekend project "Z"');
    expect(err).toContain("oplevering 1, veld month: 2026-08 ligt na de peildatum (2026-06)");
    const badCsv = write("fout.csv", "soort;project;maand\npeildatum;;2026-06\noplevering;Z;2026-04\n");
    const fromCsv = await cli("run", scenario, "--progress", badCsv, "--runs", "5", "--json");
    expect(fromCsv.code).toBe(1);
    expect(fromCsv.err).toContain('rij 3, kolom project: onbekend project "Z"');
  });

  it("takes one scenario only", async () => {
    const { code, err } = await cli("run", scenario, scenario, "--progress", report, "--runs", "5");
    expect(code).toBe(2);
    expect(err).toMatch(/precies één scenario/);
  });
});

describe("voortgang", () => {
  it("prints the chances at the start and now, the actuals, and writes voortgang.json and .csv", async () => {
    const out = tmp();
    const result = await cli(
      "voortgang",
      scenario,
      "--progress",
      report,
      "--runs",
      "20",
      "--out",
      out,
      "--excel-nl",
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain("Kans per doel in zijn jaar, bij de start en nu:");
    expect(result.out).toContain("2026-04");
    const json = JSON.parse(readFileSync(join(out, "voortgang.json"), "utf8"));
    expect(json.progress.peildatum).toBe("2026-06");
    expect(json.chances.map((c: { id: string }) => c.id)).toContain("opgave");
    expect(json.actuals.at(-1)).toMatchObject({ month: "2026-06", realised: 30 });
    const csv = readFileSync(join(out, "voortgang.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^soort;id;omschrijving;/);
  });

  it("lists a project behind its plan", async () => {
    const late = write("laat.json", JSON.stringify({ name: "Laat", peildatum: "2026-08" }));
    const { code, out } = await cli("voortgang", scenario, "--progress", late, "--runs", "10", "--json");
    expect(code).toBe(0);
    const behind = JSON.parse(out).behind;
    expect(behind).toEqual([expect.objectContaining({ id: "A", monthsLate: 3, homes: 20 })]);
  });

  it("gives the signals with their evidence, and with two reports the chance per target per peildatum", async () => {
    const earlier = write("eerder.json", JSON.stringify({ name: "Eerder", peildatum: "2025-12" }));
    const { code, out } = await cli(
      "voortgang",
      scenario,
      "--progress",
      report,
      "--progress",
      earlier,
      "--runs",
      "10",
      "--json",
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // The later report is "now", whatever the order on the command line.
    expect(json.progress.peildatum).toBe("2026-06");
    expect(json.earlier).toEqual([expect.objectContaining({ peildatum: "2025-12", name: "Eerder" })]);
    expect(json.history.map((h: { peildatum: string }) => h.peildatum)).toEqual([
      "2025-01",
      "2025-12",
      "2026-06",
    ]);
    const kinds = json.signals.map((s: { kind: string }) => s.kind);
    expect(kinds[0]).toBe("sociale_voorraad");
    expect(kinds.at(-1)).toBe("achter");
    for (const s of json.signals)
      for (const e of s.evidence) expect(e.source.length, `${s.id}: ${e.label}`).toBeGreaterThan(0);
    const text = await cli(
      "voortgang",
      scenario,
      "--progress",
      report,
      "--progress",
      earlier,
      "--runs",
      "10",
    );
    expect(text.out).toContain("Signalen van de overeenkomst, met het bewijs:");
    expect(text.out).toContain("Kans per doel per peildatum (geschiedenis van de rapportages):");
    const same = await cli("voortgang", scenario, "--progress", report, "--progress", report, "--runs", "5");
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/dezelfde peildatum 2026-06/);
  });

  it("needs --progress", async () => {
    const { code, err } = await cli("voortgang", scenario, "--runs", "5");
    expect(code).toBe(2);
    expect(err).toMatch(/--progress BESTAND/);
  });
});

describe("seek", () => {
  it("answers in one sentence with the chance against the lever", async () => {
    const { code, out } = await cli(
      "seek",
      "opgave",
      scenario,
      "--lever",
      "hardHomes",
      "--runs",
      "20",
      "--chance",
      "90%",
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Wat is er nodig\? Klein: 20 runs per stap/);
    expect(out).toMatch(/kans op „/);
    expect(out).toContain("Kans op het doel tegen extra woningen in harde plannen:");
  });

  it("prints the answer as JSON", async () => {
    const { code, out } = await cli(
      "seek",
      "opgave",
      scenario,
      "--lever",
      "procedures",
      "--runs",
      "10",
      "--json",
    );
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer).toMatchObject({ target: "opgave", lever: "procedures", wished: 0.8, runs: 10 });
    expect(answer.sentence.length).toBeGreaterThan(20);
  });

  it("runs from a peildatum", async () => {
    const { code, out } = await cli(
      "seek",
      "opgave",
      scenario,
      "--lever",
      "acceleration",
      "--runs",
      "10",
      "--progress",
      report,
    );
    expect(code).toBe(0);
    expect(out).toMatch(/vanaf de peildatum 2026-06/);
  });

  it("finds SHBL's highest free-allocation share under a search-time limit, and asks for the limit", async () => {
    const { code, out } = await cli(
      "seek",
      "zoektijd",
      "--lever",
      "freeAllocation",
      "--limit",
      "1,25",
      "--runs",
      "8",
      "--json",
    );
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.direction).toBe("highest");
    expect(answer.limit).toBe(1.25);
    expect(answer.sentence).toMatch(
      /de zoektijd van regulier woningzoekenden \(mediaan\) ten hoogste 1,25 jaar/,
    );
    const noLimit = await cli("seek", "betaalrisico", "--lever", "rentIncrease", "--runs", "5");
    expect(noLimit.code).toBe(2);
    expect(noLimit.err).toMatch(/--limit/);
    const wrongTarget = await cli(
      "seek",
      "opgave",
      "--lever",
      "rentIncrease",
      "--limit",
      "20%",
      "--runs",
      "5",
    );
    expect(wrongTarget.code).toBe(2);
    expect(wrongTarget.err).toMatch(/hoort het doel betaalrisico/);
    const badLimit = await cli(
      "seek",
      "betaalrisico",
      "--lever",
      "rentIncrease",
      "--limit",
      "120%",
      "--runs",
      "5",
    );
    expect(badLimit.code).toBe(2);
    expect(badLimit.err).toMatch(/verwacht een aandeel tussen 0 en 1/);
  }, 60_000);

  it("answers a wrong lever, target or chance in Dutch", async () => {
    const lever = await cli("seek", "opgave", scenario, "--lever", "hardhome");
    expect(lever.code).toBe(2);
    expect(lever.err).toMatch(/onbekende hefboom "hardhome"; bedoelde je hardHomes\?/);
    const target = await cli("seek", "opgav", scenario, "--lever", "hardHomes", "--runs", "5");
    expect(target.code).toBe(2);
    expect(target.err).toMatch(/onbekend doel "opgav"; bedoelde je opgave\?/);
    const chance = await cli("seek", "opgave", scenario, "--lever", "hardHomes", "--chance", "1,5");
    expect(chance.code).toBe(2);
    expect(chance.err).toMatch(/--chance: verwacht een kans tussen 0 en 1/);
  });
});

describe("help", () => {
  it("explains the three commands in Dutch, with defaults and an example", async () => {
    for (const [command, words] of [
      ["run", ["--progress BESTAND", "peildatum"]],
      ["voortgang", ["--progress BESTAND", "standaard: uitvoer", "voortgang.csv", "Voorbeelden:"]],
      ["seek", ["--lever HEFBOOM", "standaard: 0,8", "hardHomes", "softDropOut", "Voorbeelden:"]],
    ] as const) {
      const { code, out } = await cli("help", command);
      expect(code).toBe(0);
      for (const w of words) expect(out).toContain(w);
    }
    const overview = await cli("help");
    expect(overview.out).toMatch(/voortgang +de monitoring/);
    expect(overview.out).toMatch(/seek +wat is er nodig/);
  });
});

describe("a progress file that is not JSON", () => {
  it("says where it breaks, with line and column", async () => {
    const broken = write("kapot.json", '{ "name": "Kapot", "peildatum": "2026-06",, }');
    const { code, err } = await cli("run", scenario, "--progress", broken, "--runs", "5", "--json");
    expect(code).toBe(1);
    expect(err).toMatch(/kapot\.json: geen geldige JSON op regel 1, kolom \d+/);
  });
});
