import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * No municipality's words in the code: what a page, a label or a help text says about a municipality
 * comes from the loaded scenario (its municipality, kernen, corporations, tenants' organisation), so
 * another municipality's file reads as its own.
 *
 * The rule: the TypeScript files below without their comments (so every string, template literal and
 * name), and the whole of every notebook, may not contain Losser's words. Comments are not checked: a
 * comment may cite the agreement or Losser as the source of a rule. Data (data/) and tests are not
 * checked: a scenario is where the words belong.
 *
 * The engine is checked whole but for its migration: reading a version 2 file, it has to know that
 * owner `domijn` was Domijn (see engine/migrate.ts). A file that no longer needs the exception comes off
 * ENGINE_EXCEPTIONS.
 */

const ROOT = new URL("../", import.meta.url).pathname;

/** The words as words: `completionsDomijnSocial` is a name inside the code, not a text anyone reads. */
const WORDS =
  /(?<![A-Za-z_$])(Losser|Lossenaren|Domijn|SHBL|Overdinkel|De Lutte|Glane|Beuningen)(?![A-Za-z_$])/;

/** What is checked: all of web/ and the notebooks, and the parts of the engine already cleaned. */
const WEB = ["web"];
const NOTEBOOKS = ["notebooks"];
const ENGINE = ["engine"];
const ENGINE_EXCEPTIONS = ["engine/migrate.ts"];

function files(path: string, ext: string): string[] {
  if (!statSync(join(ROOT, path)).isDirectory()) return path.endsWith(ext) ? [path] : [];
  return readdirSync(join(ROOT, path)).flatMap((name) => files(join(path, name), ext));
}

/**
 * A module's code without its comments, by esbuild (which knows TypeScript's strings, templates and
 * regular expressions), cut into lines: what is left of a municipality's word is in a string, a
 * template or a name, and each is user-facing or a mistake.
 */
function codeLines(source: string): string[] {
  // esbuild keeps a block comment inside an expression (a schema's field docs): those go too.
  return transformSync(source, { loader: "ts", legalComments: "none" })
    .code.replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

/** Each text with a municipality's word, as "file: text". */
function found(paths: readonly string[], skip: readonly string[] = []): string[] {
  const code = paths.flatMap((p) => files(p, ".ts")).filter((f) => !skip.includes(f));
  const pages = paths.flatMap((p) => files(p, ".html"));
  return [
    ...code.flatMap((f) =>
      codeLines(readFileSync(join(ROOT, f), "utf8"))
        .filter((t) => WORDS.test(t))
        .map((t) => `${f}: ${t.trim().slice(0, 120)}`),
    ),
    ...pages.flatMap((f) =>
      readFileSync(join(ROOT, f), "utf8")
        .split("\n")
        .filter((line) => WORDS.test(line))
        .map((line) => `${f}: ${line.trim().slice(0, 120)}`),
    ),
  ];
}

describe("a municipality's words in the code", () => {
  it("finds them in strings and templates, not in comments (the scan itself)", () => {
    // The example module's templates are written with "$" + "{" so they stay text here.
    const $ = "$";
    const source = [
      "// Losser's agreement, H1",
      "/** Domijn's stock */",
      "const x = z.object({\n  /** Domijn's homes */\n  stockDomijnSocial: 1,\n});",
      'const a = "Verkoop door Domijn";',
      `const b = \`Inwoners van ${$}{gemeente} en Overdinkel\`;`,
      `const c = \`${$}{x} SHBL\`;`,
      "const d = 'Losser';",
    ].join("\n");
    expect(codeLines(source).filter((t) => WORDS.test(t))).toEqual([
      'const a = "Verkoop door Domijn";',
      `const b = \`Inwoners van ${$}{gemeente} en Overdinkel\`;`,
      `const c = \`${$}{x} SHBL\`;`,
      'const d = "Losser";',
    ]);
  });

  it("are nowhere in web/ and the notebooks: the texts come from the scenario", () => {
    expect(found([...WEB, ...NOTEBOOKS])).toEqual([]);
  });

  it("are nowhere in the engine but its migration of old files", () => {
    expect(found(ENGINE, ENGINE_EXCEPTIONS)).toEqual([]);
  });

  it("are still in each exception (one that needs them no more comes off the list)", () => {
    for (const file of ENGINE_EXCEPTIONS) expect(found([file]), file).not.toEqual([]);
  });
});
