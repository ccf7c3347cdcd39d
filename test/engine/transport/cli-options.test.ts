import { describe, expect, it } from "vitest";
import { main } from "../../../engine/transport/cli";
import { COMMANDS } from "../../../engine/transport/cli/spec";
import { cli } from "../../helpers/cli";

describe("help per command", () => {
  it.each(COMMANDS.map((c) => c.name))(
    "`help %s` and `%s --help` give the same Dutch text with every option, its default and an example",
    async (name) => {
      const viaHelp = await cli("help", name);
      const viaFlag = await cli(name, "--help");
      expect(viaHelp.code).toBe(0);
      expect(viaFlag.code).toBe(0);
      expect(viaFlag.out).toBe(viaHelp.out);
      expect(viaHelp.out).toMatch(/^Gebruik: woonscenario /);
      expect(viaHelp.out).toMatch(/Voorbeeld(en)?:\n {2}woonscenario /);
      expect(viaHelp.out).toMatch(/Exitcodes: 0 gelukt; 1 ongeldige invoer/);
      const spec = COMMANDS.find((c) => c.name === name)!;
      for (const o of spec.options) {
        expect(viaHelp.out).toContain(`--${o.name}`);
        if (o.default) expect(viaHelp.out).toContain(`standaard: ${o.default}`);
      }
      expect(viaHelp.out).not.toMatch(/Unknown|option '/);
    },
  );

  it("gives an overview of every command without arguments, and -h", async () => {
    for (const argv of [[], ["help"], ["-h"]]) {
      const { code, out } = await cli(...argv);
      expect(code).toBe(0);
      for (const c of COMMANDS) expect(out).toMatch(new RegExp(`^ {2}${c.name} `, "m"));
    }
  });

  it("answers an unknown command and an unknown option in Dutch with the nearest valid one, exit code 2", async () => {
    const command = await cli("rnu");
    expect(command.code).toBe(2);
    expect(command.err).toMatch(/Onbekend commando "rnu"; bedoelde je run\?/);
    const opt = await cli("run", "--rusn", "5");
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/Onbekende optie --rusn bij woonscenario run; bedoelde je --runs\?/);
    expect((await cli("compare", "a", "b", "--metrc", "x")).err).toMatch(/bedoelde je --metric\?/);
    expect((await cli("help", "swep")).err).toMatch(/bedoelde je sweep\?/);
    const noValue = await cli("run", "--runs");
    expect(noValue.code).toBe(2);
    expect(noValue.err).toMatch(/--runs mist een waarde/);
  });
});

describe("numbers on the command line", () => {
  it.each([
    ["0x10", /kreeg "0x10"/],
    ["-5", /kreeg "-5"/],
    ["1e7", /kreeg "1e7"/],
    ["0", /van 1 tot en met 100\.000/],
    ["100001", /van 1 tot en met 100\.000 \(de grens van simulation\.runs/],
    ["10.000", /zonder punten, zoals 10000/],
    ["veel", /verwacht een geheel getal/],
  ])("refuses --runs %s in Dutch before reading any scenario, exit code 2", async (value, message) => {
    const { code, err } = await cli("run", "bestaat-niet.json", "--runs", value);
    expect(code).toBe(2);
    expect(err).toMatch(/^--runs: /);
    expect(err).toMatch(message);
  });

  it("accepts --runs=N as well as --runs N", async () => {
    const { code, err } = await cli("run", "bestaat-niet.json", "--runs=5");
    expect(err).toMatch(/Kan het bestand .* niet lezen/);
    expect(code).toBe(3);
  });

  it("takes seeds up to 2^53 − 1 as typed and refuses 9007199254740993 instead of rounding it", async () => {
    const { code, err } = await cli("run", "--seed", "9007199254740993");
    expect(code).toBe(2);
    expect(err).toMatch(/--seed: hoogstens 9007199254740991 \(2\^53 − 1\)/);
    const json = await cli("run", "--runs", "2", "--seed", "9007199254740991", "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).meta.seed).toBe(9007199254740991);
    expect(json.out).toContain('"seed": 9007199254740991');
  });

  it("refuses a second scenario to validate instead of ignoring it", async () => {
    const { code, err } = await cli(
      "validate",
      "data/scenarios/basis.json",
      "data/scenarios/vertraging.json",
    );
    expect(code).toBe(2);
    expect(err).toMatch(/"data\/scenarios\/vertraging\.json" is te veel/);
  });

  it("shortens a long value in a message", async () => {
    const long = "x".repeat(100_000);
    const { code, err } = await cli("run", "--runs", long);
    expect(code).toBe(2);
    expect(err.length).toBeLessThan(300);
    expect(err).toMatch(/… \(100\.000 tekens\)/);
  });
});

describe("compare checks --metric and --year before simulating", () => {
  // With 100,000 runs a simulation would take minutes: an answer in seconds means none ran.
  it("refuses an unknown metric at once, with the nearest metric", async () => {
    const t0 = performance.now();
    const { code, err } = await cli(
      "compare",
      "data/scenarios/basis.json",
      "data/scenarios/vertraging.json",
      "--runs",
      "100000",
      "--metric",
      "opgave.realsed",
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--metric: onbekende metric "opgave\.realsed".*; bedoelde je opgave\.realised\?/);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it("refuses a year outside the simulated period at once", async () => {
    const t0 = performance.now();
    const { code, err } = await cli(
      "compare",
      "data/scenarios/basis.json",
      "data/scenarios/basis.json",
      "--runs",
      "100000",
      "--year",
      "2040",
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--year: 2040 ligt buiten de simulatieperiode 2025–2035/);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it("reads the difference in the opgave's own deadline year by default", async () => {
    const { code, out } = await cli(
      "compare",
      "data/scenarios/basis.json",
      "data/scenarios/basis.json",
      "--runs",
      "3",
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Verschil B − A in opgave\.realised, 2034: mediaan 0/);
  });
});

describe("metrics and targets", () => {
  it("lists every metric id with its Dutch label and unit", async () => {
    const { code, out } = await cli("metrics");
    expect(code).toBe(0);
    expect(out).toMatch(/^Basis Losser: \d+ metrics/);
    expect(out).toMatch(/^opgave\.realised\s+.+\s+woningen$/m);
    expect(out).toMatch(/^share\.sociale_huur@Overdinkel\s+.*Overdinkel.*\s+aandeel$/m);
    const json = JSON.parse((await cli("metrics", "--json")).out) as {
      id: string;
      label: string;
      unit: string;
    }[];
    expect(json.length).toBeGreaterThan(100);
    expect(json.every((m) => m.id && m.label && m.unit !== undefined)).toBe(true);
  });

  it("lists every target with its year and rule", async () => {
    const { code, out } = await cli("targets", "data/scenarios/basis.json");
    expect(code).toBe(0);
    expect(out).toMatch(/^opgave\s+1\.225 woningen gerealiseerd in 2034\s+2034\s+/m);
    expect(out).toMatch(/vóór eind 2035/);
  });
});

describe("the error boundary", () => {
  it("turns a fault of its own into a Dutch message with exit code 4, without a stack trace", async () => {
    const err: string[] = [];
    const code = await main(
      ["validate", "data/scenarios/basis.json"],
      () => {
        throw new TypeError("kapot");
      },
      (l) => err.push(l),
    );
    expect(code).toBe(4);
    expect(err.join("\n")).toMatch(
      /^Onverwachte fout in woonscenario: kapot\nDit is een fout in het programma/,
    );
    expect(err.join("\n")).not.toMatch(/\n\s+at /);
  });
});
