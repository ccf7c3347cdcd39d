import { describe, expect, it } from "vitest";
import type { SummaryJson, YearStats } from "../../../engine/analysis/output";
import {
  bandRows,
  bandsReading,
  betaalrisicoReading,
  energyReading,
  huurquoteReading,
  kernSearchReading,
  passendReading,
  readingYear,
  searchTimeReading,
  statsIn,
  statushoudersReading,
} from "../../../web/charts/readings";

const stats = (year: number, p10: number, p50: number, p90: number, mean = p50): YearStats => ({
  year,
  mean,
  p5: p10,
  p10,
  p25: p50,
  p50,
  p75: p50,
  p90,
  p95: p90,
});

/** The agreement's end as its own targets carry it; readings speak of that year. */
const AGREEMENT_END = 2030;

function summary(
  metrics: Record<string, YearStats[]>,
  years = [2029, 2030, 2031],
  agreementEnd: number | null = AGREEMENT_END,
): SummaryJson {
  const growth = {
    id: "sociale_voorraad_groeit",
    label: "Aandeel sociale huur groeit",
    kind: "deadline" as const,
    metric: "share.sociale_huur",
    unit: "aandeel",
    rule: "> 20%",
    deadlineYear: agreementEnd ?? 0,
    yearBasis: "einde van de looptijd van de overeenkomst",
    threshold: 0.2,
    probability: 0.5,
    byYear: [],
  };
  return {
    meta: { engineVersion: "0", scenarioName: "test", scenarioHash: "h", seed: 1, runs: 10 },
    years,
    metricInfo: {},
    metrics,
    targets: agreementEnd === null ? [] : [growth],
  };
}

describe("readings", () => {
  it("searchTimeReading says how long a starter waits in 2030 with the 80% band, Dutch decimals", () => {
    const s = summary({ "search_time.starter": [stats(2030, 3.2, 4.1, 5)] });
    expect(searchTimeReading(s, "starter")?.text).toBe(
      "In 2030 wacht een starter naar verwachting 4,1 jaar op een sociale huurwoning (80% kans tussen 3,2 en 5,0).",
    );
    expect(searchTimeReading(s, "starter")?.value).toBe(4.1);
  });

  it("readingYear is the end of the agreement, as its targets carry it; else the last year simulated", () => {
    expect(readingYear(summary({}))).toBe(AGREEMENT_END);
    expect(readingYear(summary({}, [2029, 2030, 2031], 2031))).toBe(2031);
    expect(readingYear(summary({}, [2025, 2026]))).toBe(2026);
    expect(readingYear(summary({}, [2029, 2030, 2031], null))).toBe(2031);
  });

  it("a reading is undefined when the metric is missing (a scenario without allocation)", () => {
    expect(searchTimeReading(summary({}), "gezin")).toBeUndefined();
    expect(betaalrisicoReading(summary({}))).toBeUndefined();
    expect(bandsReading(summary({}))).toBeUndefined();
  });

  it("betaalrisicoReading gives the count, its share and the band", () => {
    const s = summary({
      "betaalrisico.count": [stats(2030, 256, 292, 352)],
      "betaalrisico.share": [stats(2030, 0.14, 0.155, 0.19)],
    });
    expect(betaalrisicoReading(s)?.text).toBe(
      "In 2030 hebben naar verwachting 292 huishoudens in een sociale huurwoning betaalrisico (15,5%; 80% kans tussen 256 en 352).",
    );
  });

  it("huurquoteReading speaks of households, not runs", () => {
    const s = summary({ huurquote: [stats(2030, 0.15, 0.198, 0.239)] });
    expect(huurquoteReading(s)?.text).toContain("de helft van de huurders meer dan 19,8%");
    expect(huurquoteReading(s)?.text).toContain("één op de tien meer dan 23,9%");
  });

  it("kernSearchReading names the village with the longest median search time", () => {
    const s = summary({
      "search_time.regulier@Losser": [stats(2030, 3, 4, 5)],
      "search_time.regulier@Glane": [stats(2030, 2, 4.4, 6)],
    });
    expect(kernSearchReading(s, ["Losser", "Glane", "Beuningen"])?.text).toMatch(
      /langst in Glane: .* 4,4 jaar/,
    );
  });

  it("kernSearchReading for one household type names it and its longest-waiting kern", () => {
    const s = summary({
      "search_time.starter@Losser": [{ ...stats(2030, 3.2, 4.1, 5), runs: 10 }],
      "search_time.starter@Overdinkel": [{ ...stats(2030, 3, 3.5, 4), runs: 10 }],
      "search_time.regulier@Overdinkel": [{ ...stats(2030, 5, 6, 7), runs: 10 }],
    });
    expect(kernSearchReading(s, ["Losser", "Overdinkel"], 2030, "starter")?.text).toBe(
      "In 2030 wacht een starter het langst in Losser: naar verwachting 4,1 jaar (80% kans tussen 3,2 en 5,0).",
    );
  });

  it("kernSearchReading passes over a kern where someone was housed in fewer than half of the runs", () => {
    // Ten runs: Beuningen's 6 years come from 2 runs only; Glane housed someone in 5 of 10.
    const s = summary({
      "search_time.regulier@Losser": [{ ...stats(2030, 3, 4, 5), runs: 10 }],
      "search_time.regulier@Glane": [{ ...stats(2030, 2, 4.4, 6), runs: 5 }],
      "search_time.regulier@Beuningen": [{ ...stats(2030, 6, 6, 6), runs: 2 }],
    });
    expect(kernSearchReading(s, ["Losser", "Glane", "Beuningen"])?.text).toMatch(/langst in Glane/);
  });

  it("a sparse metric without a value in any run has no statistics and no reading", () => {
    const s = summary({ "search_time.starter": [{ ...stats(2030, 0, 0, 0), runs: 0 }] });
    expect(statsIn(s, "search_time.starter", 2030)).toBeUndefined();
    expect(searchTimeReading(s, "starter")).toBeUndefined();
  });

  it("energyReading gives tenants' mean energy bill per month in euros, with its band", () => {
    const s = summary({ "energy_cost.mean": [stats(2030, 171.2, 178, 184.9)] });
    expect(energyReading(s)?.text).toBe(
      "In 2030 betalen huurders van een sociale huurwoning gemiddeld € 178 per maand aan energie (80% kans tussen € 171 en € 185).",
    );
    expect(energyReading(s)?.value).toBe(178);
  });

  it("statushoudersReading sets the persons housed against the taakstelling in the target's year, one year only", () => {
    const s = summary({
      "statushouders.housed_cumulative": [stats(2030, 230, 247, 260), stats(2035, 400, 420, 440)],
      "statushouders.taakstelling_cumulative": [stats(2030, 246.3, 246.3, 246.3), stats(2035, 430, 430, 430)],
    });
    s.targets = [
      ...s.targets,
      {
        id: "taakstelling_statushouders",
        kind: "deadline",
        label: "Taakstelling statushouders gehaald",
        metric: "statushouders.housed_share",
        unit: "aandeel",
        rule: "≥ 100%",
        deadlineYear: 2035,
        yearBasis: "einde van de overeenkomst",
        threshold: 1,
        probability: 0.7,
        byYear: [],
      },
    ];
    const text = statushoudersReading(s)?.text;
    expect(text).toBe(
      "Tot en met 2035 zijn naar verwachting 420 statushouders gehuisvest, tegen een taakstelling van 430 (kans dat de taakstelling dan gehaald is: 70%).",
    );
    expect(text).not.toMatch(/2030/);
    // Asked for another year, it leaves the target's chance (of another year) out.
    expect(statushoudersReading(s, 2030)?.text).toBe(
      "Tot en met 2030 zijn naar verwachting 247 statushouders gehuisvest, tegen een taakstelling van 246.",
    );
  });

  it("bandRows adds homes up to each rent limit and the seekers that limit serves", () => {
    const m = (id: string, mean: number) => ({ [id]: [stats(2030, mean, mean, mean, mean)] });
    const s = summary({
      ...m("homes.band@kwaliteitskorting", 50),
      ...m("homes.band@aftopping_laag", 1100),
      ...m("homes.band@aftopping_hoog", 450),
      ...m("homes.band@liberalisatie", 230),
      ...m("check.seekers@tot_aftopping_laag", 370),
      ...m("check.seekers@tot_aftopping_hoog", 60),
      ...m("check.seekers@alle_klassen", 250),
    });
    expect(bandRows(s).map((r) => r.count)).toEqual([1150, 370, 1600, 430, 1830, 680]);
    expect(bandsReading(s)?.text).toBe(
      "In 2030 hebben 1.150 sociale huurwoningen een huur tot de eerste aftoppingsgrens; 370 woningzoekenden van dat jaar moeten passend zo'n woning krijgen.",
    );
  });

  it("passendReading says why the share is always 100%, and reads a share that moves as before", () => {
    const always = passendReading(summary({ "share.passend_toegewezen": [stats(2030, 1, 1, 1)] }));
    expect(always?.text).toMatch(/in elke run\. Dat is geen uitkomst maar de regel/);
    expect(always?.text).not.toMatch(/80% kans/);
    const moves = passendReading(summary({ "share.passend_toegewezen": [stats(2030, 0.9, 0.95, 1)] }));
    expect(moves?.text).toMatch(/80% kans tussen/);
  });
});
