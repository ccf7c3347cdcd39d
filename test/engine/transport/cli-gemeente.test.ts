import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tmp } from "../../helpers/cli";

/**
 * Another municipality by a data file alone (issue 11): a fictitious one, Voorbeeldgemeente, with seven
 * kernen, its own corporation, a task of 1,400 homes by 2033 and an agreement 2026–2031. Nothing the
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
    await check("compare", "compare", FIXTURE, variant(), "--runs", "20");
    await check("calibrate", "calibrate", FIXTURE, "--runs", "20");
    await check("metrics", "metrics", FIXTURE);
    await check("targets", "targets", FIXTURE);
    expect(found).toEqual([]);
  });
});
