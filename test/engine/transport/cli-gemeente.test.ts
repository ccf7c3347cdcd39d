import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tmp } from "../../helpers/cli";

/**
 * Another municipality by a data file alone (issue 11): a fictitious one, Voorbeeldgemeente, with seven
 * kernen, two corporations of its own, a task of 1,400 homes by 2033 and an agreement 2026–2031. Nothing the
 * command line prints or writes for it may name Losser, its corporations or kernen, its task or the
 * years of its agreement that the fixture does not use.
 */
const FIXTURE = new URL("../../fixtures/voorbeeldgemeente.json", import.meta.url).pathname;

/** Losser's words, and its years the fixture has no use for (as a number on its own, not in a decimal). */
const FOREIGN = [
  /Losser/,
  /Domijn/,
  /SHBL/,
  /Overdinkel/,
  /1\.225/,
  /(?<![\d.,])(2025|2034|2035)(?![\d]|[.,]\d)/,
];

function foreign(where: string, text: string): string[] {
  const found: string[] = [];
  for (const pattern of FOREIGN) {
    const m = text.match(pattern);
    if (m) {
      const at = m.index ?? 0;
      found.push(`${where}: "${m[0]}" in …${text.slice(Math.max(0, at - 60), at + 40)}…`);
    }
  }
  return found;
}

/** The texts of a JSON file: its keys and strings, not its numbers (a quantile of 1.225 years is fine). */
function texts(json: string): string {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === "string") out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === "object" && x !== null) {
      for (const [k, v] of Object.entries(x)) {
        out.push(k);
        walk(v);
      }
    }
  };
  walk(JSON.parse(json));
  return out.join("\n");
}

/** The cells of a CSV file that are not numbers. */
const csvTexts = (csv: string): string =>
  csv
    .split(/[\n,]/)
    .filter((cell) => cell !== "" && !Number.isFinite(Number(cell)))
    .join("\n");

/** The fixture with another sales figure, for `compare`. */
function variant(): string {
  const input = JSON.parse(readFileSync(FIXTURE, "utf8"));
  input.name = "Voorbeeldgemeente, meer verkoop";
  input.policy.sales.perYear.value = 12;
  const file = join(tmp(), "meer-verkoop.json");
  writeFileSync(file, JSON.stringify(input));
  return file;
}

describe("another municipality: Voorbeeldgemeente", () => {
  it("runs through validate, run, compare, calibrate, metrics and targets without a word of Losser", async () => {
    const out = tmp();
    const found: string[] = [];
    const check = async (name: string, ...argv: string[]) => {
      const r = await cli(...argv);
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      found.push(...foreign(`${name} (stdout)`, r.out), ...foreign(`${name} (stderr)`, r.err));
      return r;
    };
    const valid = await check("validate", "validate", FIXTURE);
    expect(valid.out).toContain("Voorbeeldgemeente");
    await check("run", "run", FIXTURE, "--runs", "20", "--out", out, "--stil");
    const summary = readFileSync(join(out, "summary.json"), "utf8");
    const yearly = readFileSync(join(out, "yearly.csv"), "utf8");
    found.push(...foreign("summary.json", texts(summary)), ...foreign("yearly.csv", csvTexts(yearly)));
    // Years are numbers: none of Losser's that the fixture does not simulate.
    const years = new Set(yearly.split("\n").map((line) => line.split(",")[1]));
    for (const y of ["2025", "2034", "2035"]) expect(years.has(y), `yearly.csv has ${y}`).toBe(false);
    // The fixture's own names come through.
    expect(summary).toContain("Woonstichting Voorbeeld");
    expect(summary).toContain("Middenbeek");
    expect(summary).toContain("huurders uit Voorbeeldgemeente");
    // Each of its two corporations has its own social stock, completions, sales, purchases and target.
    const parsed = JSON.parse(summary) as {
      metricInfo: Record<string, { label: string }>;
      metrics: Record<string, { p50: number }[]>;
      targets: { id: string; label: string; metric: string }[];
    };
    const corporations = [
      ["voorbeeld", "Woonstichting Voorbeeld", 976 + 806 + 188],
      ["thuis", "Stichting Thuis in de Kernen", 200 + 75 + 13 + 75],
    ] as const;
    for (const [id, name, startingStock] of corporations) {
      expect(parsed.metricInfo[`stock.sociale_huur@${id}`].label).toBe(`Sociale huur van ${name}`);
      expect(parsed.metricInfo[`completions.sociaal@${id}`].label).toBe(
        `Sociale huur opgeleverd door ${name}`,
      );
      expect(parsed.metricInfo[`sales.sociale_huur@${id}`].label).toBe(`Verkocht door ${name}`);
      expect(parsed.metricInfo[`acquisitions.sociale_huur@${id}`].label).toContain(name);
      // At the end of the first year: the starting stock, give or take that year's sales and purchases.
      const first = parsed.metrics[`stock.sociale_huur@${id}`][0].p50;
      expect(Math.abs(first - startingStock)).toBeLessThanOrEqual(10);
      const target = parsed.targets.find((t) => t.id.endsWith(`@${id}`));
      expect(target?.metric).toBe(`completions.sociaal@${id}`);
      expect(target?.label).toContain(name);
    }
    // Sold by both together is the sum of each one's sales, every year (medians of whole numbers here).
    const sold = (id: string) => parsed.metrics[id].map((y) => y.p50);
    expect(sold("sales.sociale_huur")).toEqual(
      sold("sales.sociale_huur@voorbeeld").map((x, i) => x + sold("sales.sociale_huur@thuis")[i]),
    );
    await check("compare", "compare", FIXTURE, variant(), "--runs", "20");
    await check("calibrate", "calibrate", FIXTURE, "--runs", "20");
    const metrics = await check("metrics", "metrics", FIXTURE);
    for (const id of [
      "stock.sociale_huur@voorbeeld",
      "stock.sociale_huur@thuis",
      "completions.sociaal@thuis",
    ])
      expect(metrics.out).toContain(id);
    await check("targets", "targets", FIXTURE);
    expect(found).toEqual([]);
  });
});
