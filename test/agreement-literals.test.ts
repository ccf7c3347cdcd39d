import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The agreement's figures live in the scenario (data/scenarios) and reach every view through its
 * targets: the opgave of 1.225 homes, its year 2034 and the end of the agreement in 2030 are never
 * written into the notebooks' code or the command line. A comment may name them; code may not.
 * In the engine (all of it), neither may Losser's names (municipality, kernen, corporation, tenants'
 * organisation) nor the model years of its baseline (2025–2035): another municipality's scenario
 * brings its own (issue 11).
 */

const ROOT = new URL("../", import.meta.url).pathname;

function sources(dir: string, deep = true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (deep) out.push(...sources(path));
    } else if (name.endsWith(".ts")) out.push(path);
  }
  return out;
}

/** The code of a module without its comments (strings stay: a label is code). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const AGREEMENT = /(?<![\d.,])(1[.]?225|2034|2030)(?![\d])/g;

/** Losser's words and its baseline's years, including the start and end of the simulated period. */
const MUNICIPALITY =
  /(?<![\d.,])(1[.]?225|2025|2030|2034|2035)(?![\d])|\b(Losser|Domijn|SHBL|Overdinkel|Glane|De Lutte|Beuningen)\b/gi;

/**
 * Where the engine may name one: the migration of version 2 files, whose one corporation was Domijn by
 * definition of that format (engine/migrate.ts), and nowhere else.
 */
const ALLOWED = new Set(["engine/migrate.ts: Domijn", "engine/migrate.ts: domijn"]);

/** Every literal of `pattern` in the code of `files`, as "file: literal". */
function agreementLiterals(files: readonly string[], pattern = AGREEMENT): string[] {
  return files.flatMap((file) =>
    [...withoutComments(readFileSync(join(ROOT, file), "utf8")).matchAll(pattern)].map(
      (m) => `${file}: ${m[0]}`,
    ),
  );
}

describe("the agreement's figures in code", () => {
  it("finds them in code and not in comments (the scan itself)", () => {
    expect(
      withoutComments('const a = 1225; // 2034\n/** 2030 */ const b = "opgave 1.225";').match(AGREEMENT),
    ).toEqual(["1225", "1.225"]);
    expect("20345 12250 2.034 1,225".match(AGREEMENT)).toBeNull();
  });

  it("are written nowhere in web/ or the command line: they come from the scenario's targets", () => {
    expect(agreementLiterals([...sources("web"), ...sources("engine/transport", false)])).toEqual([]);
  });

  it("finds Losser's words and years in the engine's code, whatever their case", () => {
    expect(
      withoutComments('const a = "domijn"; // Losser\nconst b = 2035; const c = "in de lutte";').match(
        MUNICIPALITY,
      ),
    ).toEqual(["domijn", "2035", "de lutte"]);
    expect("20250 1.2025 Losseres".match(MUNICIPALITY)).toBeNull();
  });

  it("are not in web/ or the notebooks either, nor Losser's start and end years (2025, 2035): a page reads them from the scenario", () => {
    expect(agreementLiterals(sources("web"), MUNICIPALITY)).toEqual([]);
    const notebooks = readdirSync(join(ROOT, "notebooks")).filter((n) => n.endsWith(".html"));
    expect(notebooks.length).toBeGreaterThan(5);
    const inNotebooks = notebooks.flatMap((n) =>
      [...readFileSync(join(ROOT, "notebooks", n), "utf8").matchAll(MUNICIPALITY)].map(
        (m) => `${n}: ${m[0]}`,
      ),
    );
    expect(inNotebooks).toEqual([]);
  });

  it("are not in the engine either, with Losser's names and years: model years and names come from the scenario", () => {
    const found = agreementLiterals(sources("engine"), MUNICIPALITY).filter((hit) => !ALLOWED.has(hit));
    expect(found).toEqual([]);
  });
});
