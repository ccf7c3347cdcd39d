import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell, formulaSafe } from "../../../engine/kernel/csv";
import { findJsonError } from "../../../engine/kernel/json-syntax";
import { decodeText } from "../../../engine/transport/cli/files";
import { cli, tmp } from "../../helpers/cli";
import { readScenarioJson } from "../../helpers/scenarios";

const BASIS = readFileSync("data/scenarios/basis.json", "utf8");

function write(name: string, content: string | Uint8Array): string {
  const file = join(tmp(), name);
  writeFileSync(file, content);
  return file;
}

describe("reading a scenario as users save it", () => {
  it("reads UTF-8 with a byte-order mark, and UTF-16 little- and big-endian (Windows Notepad)", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASIS, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASIS)]), le, be]) {
      const { code, out } = await cli("validate", write("s.json", bytes));
      expect(code).toBe(0);
      expect(out).toMatch(/geldig scenario "Basis Losser"/);
    }
    expect(decodeText(Buffer.from("{}", "utf16le"))).toBe("{}");
  });

  it("names the line and column of a trailing comma, in Dutch, and shows the line", async () => {
    const broken = BASIS.replace('"name": "Basis Losser",', '"name": "Basis Losser",,');
    const { code, err } = await cli("validate", write("komma.json", broken));
    expect(code).toBe(1);
    const line = broken.slice(0, broken.indexOf(",,")).split("\n").length;
    expect(err).toMatch(
      new RegExp(`komma\\.json: geen geldige JSON op regel ${line}, kolom \\d+: verwacht een veldnaam`),
    );
    expect(err).toMatch(/"name": "Basis Losser",,\n\s+\^/);
    expect(err).not.toMatch(/Expected|position/);
  });

  it.each([
    ['{"a": 1,}', 1, 9, /een komma te veel voor de }/],
    ['{"a": [1, 2,]}', 1, 13, /een komma te veel voor de \]/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /verwacht een komma of } na de waarde/],
    ['{"a": }', 1, 7, /hier hoort een waarde/],
    ['{"a": "b', 1, 7, /tekst zonder afsluitend/],
    ["{'a': 1}", 1, 2, /verwacht een veldnaam tussen dubbele aanhalingstekens/],
    ['{"a": 1} x', 1, 10, /nog tekst na het einde/],
    ['{"a": 01}', 1, 7, /ongeldig getal/],
    ["", 1, 1, /houdt op/],
  ])("finds the error in %j at line %i, column %i", (text, line, column, reason) => {
    const error = findJsonError(text);
    expect(error).toMatchObject({ line, column });
    expect(error?.reason).toMatch(reason);
  });

  it("finds no error in valid JSON, however deep", () => {
    expect(findJsonError(BASIS)).toBeUndefined();
    expect(findJsonError(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toBeUndefined();
  });

  it("shortens a 100,000-character unknown kern in the message", async () => {
    const s = readScenarioJson("basis.json") as { projects: { kern: string }[] };
    s.projects[0].kern = "k".repeat(100_000);
    const { code, err } = await cli("validate", write("lang.json", JSON.stringify(s)));
    expect(code).toBe(1);
    expect(err).toMatch(/projects\[0\]\.kern: onbekende kern "k+… \(100\.000 tekens\)"/);
    expect(err.length).toBeLessThan(2_000);
  });

  it("says a folder or a missing file cannot be read, exit code 3", async () => {
    const folder = await cli("validate", tmp());
    expect(folder.code).toBe(3);
    expect(folder.err).toMatch(/is een map, geen bestand/);
  });
});

describe("refusing a run too large before allocating", () => {
  it("refuses a billion homes with a clear message and exit code 1, never a RangeError", async () => {
    const s = readScenarioJson("basis.json") as { stock: { dwellings: number }[] };
    s.stock[0].dwellings = 1e9;
    const { code, err } = await cli(
      "run",
      write("groot.json", JSON.stringify(s)),
      "--runs",
      "5",
      "--out",
      tmp(),
    );
    expect(code).toBe(1);
    expect(err).toMatch(/stock\[0\]\.dwellings.*woningen in één regel/);
    expect(err).not.toMatch(/RangeError|at /);
  });

  it("refuses runs whose memory would pass the budget, before allocating, and says how many would fit", async () => {
    // Every row of the stock at the schema's limit: 28 million homes, valid, but not at 100,000 runs.
    const s = readScenarioJson("basis.json") as { stock: { dwellings: number | { value: number } }[] };
    for (const row of s.stock) row.dwellings = 1_000_000;
    const { code, err } = await cli(
      "run",
      write("groot.json", JSON.stringify(s)),
      "--runs",
      "100000",
      "--out",
      tmp(),
    );
    // The scenario is valid; it is the number of runs asked for that does not fit: wrong use.
    expect(code).toBe(2);
    expect(err).toMatch(/te groot om te rekenen: .* vragen naar schatting [\d,.]+ GB geheugen; de grens is/);
    expect(err).toMatch(/Kies hoogstens [\d.]+ runs met --runs/);
    expect(err).not.toMatch(/RangeError|at /);
  });
});

describe("writing output", () => {
  it("refuses up front a file where the folder should be, a file in the path, a folder where a file should be, and /proc", async () => {
    const dir = tmp();
    const file = join(dir, "bestand");
    writeFileSync(file, "");
    mkdirSync(join(dir, "map", "yearly.csv"), { recursive: true });
    const cases: [string, RegExp][] = [
      [file, /--out: .*bestand is een bestand, geen map/],
      [join(file, "sub"), /een deel van het pad is een bestand/],
      [join(dir, "map"), /yearly\.csv niet schrijven: daar staat een map met die naam/],
      ["/proc/woonscenario", /ligt in \/proc, een systeemmap/],
      ["/proc/self/fd", /ligt in \/proc, een systeemmap/],
    ];
    for (const [out, message] of cases) {
      const t0 = performance.now();
      const { code, err } = await cli("run", "--runs", "100000", "--out", out);
      expect(code, out).toBe(3);
      expect(err).toMatch(message);
      // Refused before simulating 100,000 runs.
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
    expect(existsSync(join(dir, "map", "summary.json"))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)("refuses a folder without write permission", async () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    const { code, err } = await cli("run", "--runs", "2", "--out", join(dir, "uit"));
    expect(code).toBe(3);
    expect(err).toMatch(/geen toestemming om te schrijven/);
  });

  it("writes both files, says before overwriting an earlier result, and leaves no temporary folder", async () => {
    const dir = tmp();
    const first = await cli("run", "--runs", "2", "--out", dir);
    expect(first.err).toBe("");
    const second = await cli("run", "--runs", "2", "--seed", "3", "--out", dir);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(
      /Let op: dit overschrijft het eerdere resultaat in .* \(summary\.json, yearly\.csv\)/,
    );
    expect(readdirSync(dir).sort()).toEqual(["summary.json", "yearly.csv"]);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")).meta.seed).toBe(3);
  });
});

describe("formula-safe CSV", () => {
  it("puts a quote before text that starts with = + - @, a tab or a carriage return, and leaves numbers alone", () => {
    expect(formulaSafe("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(formulaSafe(`${start}x`)).toBe(`'${start}x`);
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell("-1.5")).toBe("-1.5");
    expect(csvCell(-1.5, { decimalComma: true })).toBe("-1,5");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell("a;b", { separator: ";" })).toBe('"a;b"');
  });

  it("writes a scenario named =1+2 into doelen.csv as text", async () => {
    const dir = tmp();
    const a = join(dir, "=1+2.json");
    writeFileSync(a, BASIS);
    const out = join(dir, "uit");
    const { code } = await cli("run", a, "data/scenarios/vertraging.json", "--runs", "2", "--out", out);
    expect(code).toBe(0);
    const csv = readFileSync(join(out, "doelen.csv"), "utf8");
    expect(csv).toMatch(/\r\n'=1\+2,opgave,/);
    expect(csv).not.toMatch(/\r\n=1\+2/);
  });
});

describe("a seed in the file", () => {
  it("is refused above 2^53 − 1, quoted as the file has it", async () => {
    const text = BASIS.replace(/"seed": \d+/, '"seed": 9007199254740993');
    const { code, err } = await cli("validate", write("seed.json", text));
    expect(code).toBe(1);
    expect(err).toMatch(/simulation\.seed: mag hoogstens 9007199254740991 zijn \(kreeg 9007199254740993\)/);
  });
});
