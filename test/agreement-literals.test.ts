import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The agreement's figures live in the scenario (data/scenarios) and reach every view through its
 * targets: the opgave of 1.225 homes, its year 2034 and the end of the agreement in 2030 are never
 * written into the notebooks' code or the command line. A comment may name them; code may not.
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

/** Every literal of the agreement in the code of `files`, as "file: literal". */
function agreementLiterals(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    [...withoutComments(readFileSync(join(ROOT, file), "utf8")).matchAll(AGREEMENT)].map(
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
});
