import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README's TypeScript examples, run as they stand (imports pointed at this checkout): an example
 * that no longer compiles or runs is a broken promise to whoever copies it.
 */
const ROOT = new URL("../", import.meta.url).pathname;
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The first ```ts block after `heading`. */
function example(heading: string): string {
  const from = README.indexOf(heading);
  if (from < 0) throw new Error(`README: kop "${heading}" ontbreekt`);
  const block = /```ts\n([\s\S]*?)```/.exec(README.slice(from));
  if (!block) throw new Error(`README: geen ts-voorbeeld na "${heading}"`);
  return block[1];
}

function run(code: string, probe: string): string {
  const dir = mkdtempSync(join(tmpdir(), "woonscenario-readme-"));
  // .mts: an ES module wherever it lies, so top-level await works.
  const file = join(dir, "example.mts");
  const absolute = code
    .replaceAll('from "./', `from "${ROOT}`)
    .replaceAll('"data/scenarios/', `"${ROOT}data/scenarios/`);
  writeFileSync(file, `${absolute}\n${probe}\n`);
  return execFileSync(join(ROOT, "node_modules/.bin/tsx"), [file], { cwd: ROOT, encoding: "utf8" });
}

describe("README examples", () => {
  it("the engine as a library prints the probability of the 1.225 homes", () => {
    const out = run(example("## De engine als bibliotheek"), "");
    expect(Number(out.trim())).toBeGreaterThanOrEqual(0);
    expect(Number(out.trim())).toBeLessThanOrEqual(1);
  }, 60_000);

  it("chunks merged and summarised give the summary of one whole run", () => {
    const probe = `
import { simulate as __simulate, toSummaryJson as __json } from "${ROOT}engine/index";
const __sim = __simulate(parsed.value, { runs: 1000, seed: 1 });
const __whole = __json(__sim.prepared.shape, __sim.meta, __sim.summary);
console.log(JSON.stringify(summary) === JSON.stringify(__whole));`;
    expect(run(example("## In code"), probe).trim()).toBe("true");
  }, 60_000);
});
