import { beforeAll, describe, expect, it } from "vitest";
import { type Compared, differenceRows, type TornadoResult } from "../../../web/client/comparison";
import {
  differenceReading,
  firstLookText,
  newbuildWhy,
  printWarning,
  scoreMatrix,
  tornadoFormat,
  tornadoReading,
  tornadoTitle,
} from "../../../web/figures/raad";
import { basis, compareBasisVertraging } from "../../helpers/council";

/** What the council's page says of a comparison: its scorecard, the difference's sentence, the tornado's texts. */
const options = { runs: 100, seed: 1 };

let compared: Compared[];
beforeAll(async () => {
  compared = await compareBasisVertraging(options);
});

describe("scoreMatrix", () => {
  it("has a row per target with a cell per scenario: median, probability and light", () => {
    const rows = scoreMatrix(compared);
    expect(rows.map((r) => r.id)).toEqual(compared[0].summary.targets.map((t) => t.id));
    const opgave = rows.find((r) => r.id === "opgave")!;
    expect(opgave.year).toBe(String(basis.opgave.deadlineYear));
    expect(opgave.cells.map((c) => c.scenario)).toEqual(compared.map((c) => c.label));
    const target = compared[1].summary.targets.find((t) => t.id === "opgave")!;
    expect(opgave.cells[1].probability).toBe(target.probability);
    expect(opgave.cells[1].light?.color).toBeDefined();
    // The same scenario twice scores the same.
    expect(opgave.cells[2]).toEqual({ ...opgave.cells[0], scenario: "Basis Losser (2)" });
  });

  it("leaves a dash where a scenario lacks a target", () => {
    const { summary } = compared[1];
    const lacking = {
      ...compared[1],
      summary: { ...summary, targets: summary.targets.filter((t) => t.id !== "opgave") },
    };
    const row = scoreMatrix([compared[0], lacking]).find((r) => r.id === "opgave")!;
    expect(row.cells[1]).toMatchObject({ medianText: "–", probability: undefined });
  });
});

describe("differenceReading", () => {
  it("says in the opgave's year how many homes fewer vertraging gives than basis, with the band", () => {
    const year = basis.opgave.deadlineYear;
    const rows = differenceRows(compared[0], compared[1], "opgave.realised");
    expect(differenceReading(compared[0], compared[1], rows, year, "woningen")?.text).toMatch(
      new RegExp(
        `^In ${year} geeft Vertraging naar verwachting [\\d.]+ woningen minder dan Basis Losser \\(80% kans: tussen [\\d.]+ (minder )?en [\\d.]+ (minder|meer)\\)\\.$`,
      ),
    );
    expect(differenceReading(compared[0], compared[1], rows, year, "woningen")?.text).not.toMatch(/-\d/);
  });

  it("says a band on both sides of zero in words, with no minus signs", () => {
    const fake = [{ year: 2034, mean: -5, p5: -30, p10: -20, p25: -10, p50: -5, p75: 0, p90: 10, p95: 20 }];
    expect(differenceReading(compared[0], compared[1], fake, 2034, "woningen")?.text).toContain(
      "(80% kans: tussen 20 minder en 10 meer)",
    );
  });
});

describe("the tornado's texts", () => {
  const bars = [{ assumption: "vertraging", label: "Vertraging", low: 1100.4, high: 900.2, swing: 200.2 }];
  const share: TornadoResult = {
    target: "sociale_voorraad_groeit",
    outcome: { metric: "share.sociale_huur", year: 2031 },
    base: 0.1834,
    bars,
  };
  const opgave: TornadoResult = {
    target: "opgave",
    outcome: { metric: "opgave.realised", year: 2033 },
    base: 1000,
    bars,
  };

  it("titles each outcome in the year its target is read in", () => {
    expect(tornadoTitle(share)).toBe("Aandeel sociale huur in 2031");
    expect(tornadoTitle(opgave)).toBe("Gerealiseerd van de opgave in 2033");
  });

  it("writes shares to hundredths of a percent and homes whole, and names the largest swing", () => {
    expect(tornadoFormat(share)(0.1834)).toBe("18,34%");
    expect(tornadoReading(opgave)?.text).toBe(
      "Vertraging verschuift de uitkomst het meest: van 900 tot 1.100 (nu 1.000).",
    );
  });
});

describe("a first look", () => {
  it("is said over the scorecard and the print, with the runs it rests on and those still to come", () => {
    const first = { state: "voorlopig", runs: 100, total: 1000 } as const;
    expect(firstLookText(first)).toBe(
      "Voorlopig: de scorekaart en de grafieken hieronder komen uit de eerste 100 runs per scenario; de overige 900 worden nog berekend. De tornado's rekenen apart.",
    );
    expect(printWarning(first)).toMatch(
      /voorlopig: de scorekaart en de grafieken komen uit de eerste 100 runs/,
    );
    const done = { state: "klaar", runs: 1000, total: 1000 } as const;
    expect(firstLookText(done)).toBe("");
    expect(printWarning(done)).toBeUndefined();
  });

  it("stays, said to be one, with what went wrong when the rest could not be computed", () => {
    const failed = {
      state: "mislukt",
      runs: 100,
      total: 1000,
      problem: "De rekenwerker is gestopt",
    } as const;
    expect(firstLookText(failed)).toBe(
      "De volledige berekening is mislukt (De rekenwerker is gestopt): de scorekaart en de grafieken hieronder komen uit de eerste 100 runs per scenario.",
    );
    expect(printWarning(failed)).toMatch(/^Let op: de volledige berekening is mislukt/);
  });
});

describe("newbuildWhy", () => {
  const yearly = (values: number[]) =>
    values.map((p50, i) => ({ year: 2026 + i, mean: p50, p50, p10: p50, p90: p50, runs: 1 }));
  const scenario = (label: string, social: number[], total: number[]) =>
    ({
      label,
      summary: {
        targets: [{ id: "nieuwbouw_sociaal", deadlineYear: 2027 }],
        metrics: { "completions.sociale_huur": yearly(social), "completions.total": yearly(total) },
      },
    }) as unknown as Compared;

  it("explains a higher share from building less: fewer other homes than social ones, up to the target's year", () => {
    // Basis: 30 social of 200 up to 2027 (the 2028 year is left out); Vertraging: 28 of 100.
    const why = newbuildWhy([
      scenario("Basis", [10, 20, 99], [100, 100, 99]),
      scenario("Vertraging", [8, 20, 0], [40, 60, 0]),
    ]);
    expect(why?.built).toEqual([
      { scenario: "Basis", social: 30, total: 200 },
      { scenario: "Vertraging", social: 28, total: 100 },
    ]);
    expect(why?.text).toMatch(/tot en met 2027/);
    expect(why?.text).toMatch(/Basis ongeveer 30 sociale huur van 200 woningen \(15%\)/);
    expect(why?.text).toMatch(
      /Vertraging bouwt minder, maar vooral minder andere woningen \(58% minder\) dan sociale huur \(7% minder\)/,
    );
  });

  it("gives only the numbers when the scenario that builds less does not have the higher share, and nothing for one scenario", () => {
    const why = newbuildWhy([scenario("Basis", [30], [200]), scenario("Vertraging", [10], [100])]);
    expect(why?.text).not.toMatch(/bouwt minder/);
    expect(newbuildWhy([scenario("Basis", [30], [200])])).toBeUndefined();
  });
});
