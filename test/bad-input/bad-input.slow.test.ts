import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plausibilityWarnings } from "../../engine/analysis/plausibility";
import { parseScenarioText } from "../../engine/parse";
import { planProjectImport } from "../../web/scenario/project-csv";
import { loadScenario } from "../helpers/scenarios";

/**
 * The bad-input suite (issue 13, item 9): every file in ./corpus goes through the interfaces its
 * manifest entry names — `parseScenarioText`, `woonscenario validate FILE` (spawned, as a user runs it)
 * and the project CSV import into the basis scenario — and fails on a crash, a stack trace, a hang, an
 * English message, an error that does not name its field, or a project lost (a project whose id is in
 * the file but which the import would remove). The figures are printed for the closing note.
 */

interface Case {
  file: string;
  what: string;
  expect: "error" | "warning" | "ok";
  field: string | null;
  interfaces: ("parse" | "cli" | "csv")[];
}

const here = new URL("./", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", here), "utf8")) as { cases: Case[] };
const pathOf = (c: Case) => fileURLToPath(new URL(`corpus/${c.file}`, here));
const cli = fileURLToPath(new URL("../../bin/woonscenario.js", import.meta.url));
const builtCli = new URL("../../build/cli/woonscenario.mjs", import.meta.url);

/** Words of English a Dutch message has no reason to hold (JSON parser and zod defaults, stack traces). */
const ENGLISH =
  /\b(expected|unexpected|invalid|received|undefined|cannot|must|should|the|token|position|property|error:|at position)\b/i;
const STACK = /^\s+at |\bError:|TypeError|RangeError|SyntaxError/m;

const tally = {
  parse: { cases: 0, clear: 0, warned: 0, accepted: 0 },
  cli: { cases: 0, clear: 0, warned: 0, accepted: 0 },
  csv: { cases: 0, clear: 0, warned: 0, accepted: 0 },
  crashes: 0,
  hangs: 0,
  lost: 0,
};

const basis = loadScenario("basis");

function expectDutch(messages: string[], c: Case) {
  for (const m of messages) {
    expect(m, `${c.file}: stack trace`).not.toMatch(STACK);
    expect(m, `${c.file}: English in "${m.slice(0, 200)}"`).not.toMatch(ENGLISH);
    expect(m.length, `${c.file}: a message of ${m.length} characters`).toBeLessThan(2000);
  }
}

/** `woonscenario validate FILE` as a user runs it: its output and exit code, or that it did not answer. */
function validateFile(
  file: string,
): Promise<{ stdout: string; stderr: string; status: number | null; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "validate", file]);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status, hung: signal !== null });
    });
  });
}

describe("the bad-input suite", () => {
  beforeAll(() => {
    if (!existsSync(builtCli)) spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "ignore" });
  });

  it("has at least 60 cases, each with its file", () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(60);
    for (const c of manifest.cases) expect(existsSync(pathOf(c)), c.file).toBe(true);
  });

  const scenarioCases = manifest.cases.filter((c) => c.interfaces.includes("parse"));
  it.each(scenarioCases.map((c) => [c.file, c] as const))("parseScenarioText: %s", (_, c) => {
    tally.parse.cases++;
    let result: ReturnType<typeof parseScenarioText>;
    try {
      result = parseScenarioText(readFileSync(pathOf(c), "utf8"));
    } catch (e) {
      tally.crashes++;
      throw new Error(`${c.file}: parseScenarioText threw ${String(e)}`);
    }
    if (c.expect === "error") {
      expect(result.ok, `${c.file} (${c.what}) was accepted`).toBe(false);
      if (result.ok) return;
      expectDutch(
        result.problems.map((p) => p.message),
        c,
      );
      const said = result.problems.map((p) => `${p.path}: ${p.message}`).join("\n");
      if (c.field) expect(said, `${c.file}: does not name ${c.field}`).toContain(c.field);
      tally.parse.clear++;
      return;
    }
    expect(result.ok, `${c.file}: ${result.ok ? "" : JSON.stringify(result.problems).slice(0, 300)}`).toBe(
      true,
    );
    if (!result.ok) return;
    const warnings = plausibilityWarnings(result.value);
    if (c.expect === "warning") {
      expectDutch(
        warnings.map((w) => w.message),
        c,
      );
      expect(warnings.map((w) => w.path)).toContain(c.field);
      tally.parse.warned++;
    } else {
      expect(warnings).toEqual([]);
      tally.parse.accepted++;
    }
  });

  const cliCases = manifest.cases.filter((c) => c.interfaces.includes("cli"));
  // Concurrently: sixty spawns one after the other would cost half a minute of waiting on Node's start.
  it.concurrent.each(cliCases.map((c) => [c.file, c] as const))("woonscenario validate: %s", async (_, c) => {
    tally.cli.cases++;
    const r = await validateFile(pathOf(c));
    if (r.hung) {
      tally.hangs++;
      throw new Error(`${c.file}: no answer within 20 s`);
    }
    const all = `${r.stdout}\n${r.stderr}`;
    if (STACK.test(all) || r.status === 4) tally.crashes++;
    expect(all, `${c.file}: stack trace`).not.toMatch(STACK);
    expectDutch(all.split("\n"), c);
    if (c.expect === "error") {
      expect(r.status, `${c.file} (${c.what}): exit code`).toBe(1);
      // The whole file is at fault: the command line names it, with the line and column of a JSON error.
      if (c.field === "(bestand)") expect(r.stderr, c.file).toMatch(/\(bestand\)|regel \d+, kolom \d+/);
      else if (c.field) expect(r.stderr, `${c.file}: does not name ${c.field}`).toContain(c.field);
      tally.cli.clear++;
    } else {
      expect(r.status, `${c.file}: ${r.stderr.slice(0, 300)}`).toBe(0);
      if (c.expect === "warning") {
        expect(r.stderr).toContain(`waarschuwing: ${c.field}`);
        tally.cli.warned++;
      } else {
        expect(r.stderr).not.toContain("waarschuwing");
        tally.cli.accepted++;
      }
    }
  });

  const csvCases = manifest.cases.filter((c) => c.interfaces.includes("csv"));
  it.each(csvCases.map((c) => [c.file, c] as const))("project CSV import: %s", (_, c) => {
    tally.csv.cases++;
    const text = readFileSync(pathOf(c), "utf8");
    let plan: ReturnType<typeof planProjectImport>;
    try {
      plan = planProjectImport(basis, text, "vervangen");
    } catch (e) {
      tally.crashes++;
      throw new Error(`${c.file}: the import threw ${String(e)}`);
    }
    // A project whose id is in the file is never removed by it.
    const inFile = (id: string) => new RegExp(`(^|[\\n;,\\t"])${id}([;,\\t"]|$)`, "m").test(text);
    const lost = plan.removed.filter((p) => inFile(p.id));
    tally.lost += lost.length;
    expect(
      lost.map((p) => p.id),
      `${c.file}: removed though in the file`,
    ).toEqual([]);
    expectDutch(
      plan.problems.map((p) => p.message),
      c,
    );
    for (const p of plan.problems) {
      expect(p.column, `${c.file}: a problem without its column`).not.toBe("");
      expect(Number.isInteger(p.row), `${c.file}: a problem without its row`).toBe(true);
    }
    if (c.expect === "error") {
      expect(plan.problems.length, `${c.file} (${c.what}): no problem reported`).toBeGreaterThan(0);
      if (c.field) {
        const said = plan.problems.map((p) => `rij ${p.row} ${p.column}: ${p.message}`).join("\n");
        expect(said, `${c.file}: does not name ${c.field}`).toContain(c.field);
      }
      tally.csv.clear++;
    } else {
      expect(plan.problems, c.file).toEqual([]);
      tally.csv.accepted++;
    }
  });

  afterAll(() => {
    const line = (name: string, t: (typeof tally)["parse"]) =>
      `  ${name.padEnd(18)} ${String(t.cases).padStart(3)} cases: ${t.clear} clear errors, ${t.warned} warnings, ${t.accepted} accepted as valid`;
    console.log(
      [
        `bad-input suite: ${manifest.cases.length} corpus files, ${tally.parse.cases + tally.cli.cases + tally.csv.cases} case runs`,
        line("parseScenarioText", tally.parse),
        line("validate (CLI)", tally.cli),
        line("project CSV", tally.csv),
        `  crashes or stack traces: ${tally.crashes}, hangs: ${tally.hangs}, projects lost: ${tally.lost}`,
      ].join("\n"),
    );
  });
});
