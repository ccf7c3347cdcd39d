import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, parseScenarioText } from "../../engine/parse";
import { certainScenario } from "../helpers/fixtures";
import { readScenarioJson, SCENARIO_DIR } from "../helpers/scenarios";

const scenarioFiles = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith(".json"));

/** A scenario file as raw JSON, to break in place. */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON, changed field by field to make it wrong
type Raw = Record<string, any>;

describe("parseScenario", () => {
  it.each(scenarioFiles)("accepts the shipped scenario %s", (file) => {
    const result = parseScenario(readScenarioJson(file));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("checks owners against the scenario's corporations, in Dutch, naming the field and the corporations", () => {
    const s = structuredClone(readScenarioJson("basis.json")) as Raw;
    s.projects[3].owner = "woonbron";
    s.projects[4].buyer = "eigenaar_bewoner";
    s.stock[0].owner = "Domijn";
    s.targets.socialAdditions[0].corporation = "woonbron";
    s.pipeline.levers[0].owners = ["domijn", "woonbron"];
    const result = parseScenario(s);
    if (result.ok) throw new Error("accepted unknown owners");
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          path: "projects[3].owner",
          message:
            "'woonbron' is geen corporatie in corporations (wel: domijn) en geen overige_verhuurder of eigenaar_bewoner",
        },
        {
          path: "projects[4].buyer",
          message: "'eigenaar_bewoner' is geen corporatie in corporations (wel: domijn)",
        },
        {
          path: "stock[0].owner",
          message:
            "'Domijn' is geen corporatie in corporations (wel: domijn) en geen overige_verhuurder of eigenaar_bewoner",
        },
        {
          path: "targets.socialAdditions[0].corporation",
          message: "'woonbron' is geen corporatie in corporations (wel: domijn)",
        },
        {
          path: "pipeline.levers[0].owners[1]",
          message:
            "'woonbron' is geen corporatie in corporations (wel: domijn) en geen overige_verhuurder of eigenaar_bewoner",
        },
      ]),
    );
    expect(result.problems).toHaveLength(5);
  });

  it("refuses a corporation list that cannot be told apart: none, a twin, a kern's id, another owner's", () => {
    const base = readScenarioJson("basis.json") as Raw;
    const problems = (corporations: unknown) => {
      const r = parseScenario({ ...structuredClone(base), corporations });
      return r.ok ? [] : r.problems;
    };
    expect(problems(undefined)).toEqual([
      {
        path: "corporations",
        message:
          'ontbreekt; noem de woningcorporaties van de gemeente, zoals [{ "id": "corporatie", "name": "Woonstichting" }]',
      },
    ]);
    expect(problems([])).toContainEqual({ path: "corporations", message: "noem minstens één corporatie" });
    expect(
      problems([
        { id: "domijn", name: "Domijn" },
        { id: "domijn", name: "Nog eens" },
      ]),
    ).toContainEqual({ path: "corporations[1].id", message: 'corporatie "domijn" staat er dubbel in' });
    expect(
      problems([
        { id: "domijn", name: "Domijn" },
        { id: "Glane", name: "Woonstichting Glane" },
      ]),
    ).toContainEqual({
      path: "corporations[1].id",
      message: '"Glane" is al een kern; geef de corporatie een andere id',
    });
    expect(
      problems([
        { id: "domijn", name: "Domijn" },
        { id: "eigenaar_bewoner", name: "Particulieren" },
      ]),
    ).toContainEqual({
      path: "corporations[1].id",
      message:
        '"eigenaar_bewoner" is geen corporatie maar een van de andere eigenaren (overige_verhuurder, eigenaar_bewoner)',
    });
    const first = problems([{ id: "domijn", name: "Domijn", sales: { perYear: 1, warmeJas: false } }]);
    expect(first).toContainEqual({
      path: "corporations[0].sales",
      message: "de verkoop en aankoop van de eerste corporatie staan in policy.sales en policy.acquisitions",
    });
  });

  it("names each of four problems in one pass: negative units, a share above 1, an unknown kern, a year outside the period", () => {
    const s = structuredClone(readScenarioJson("basis.json")) as ReturnType<typeof certainScenario>;
    const project = s.projects[0] as {
      units: Record<string, unknown>;
      kern: string;
      plannedCompletion: string;
    };
    project.units.sociale_huur = -5;
    s.targets.socialShareNewBuild = 1.3;
    (s.projects[1] as { kern: string }).kern = "Enschede";
    (s.projects[2] as { plannedCompletion: string }).plannedCompletion = "2040-01";
    const result = parseScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath["projects[0].units.sociale_huur"]).toMatch(/negatief/);
    expect(byPath["targets.socialShareNewBuild"]).toMatch(/tussen 0 en 1/);
    expect(byPath["projects[1].kern"]).toMatch(/onbekende kern "Enschede"/);
    expect(byPath["projects[2].plannedCompletion"]).toMatch(/2040 ligt buiten de simulatieperiode 2025–2035/);
    expect(result.problems).toHaveLength(4);
  });

  it("reports the sourced form of a figure by its value field", () => {
    const s = certainScenario();
    s.opgave.homes = { value: -1, source: "test", basis: "estimate" };
    const result = parseScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(["opgave.homes.value"]);
  });

  it("reports a missing field, a wrong type and an unknown field in Dutch", () => {
    const s = certainScenario() as Record<string, unknown>;
    delete s.name;
    (s.simulation as Record<string, unknown>).runs = "veel";
    (s.municipality as Record<string, unknown>).burgemeester = "X";
    const result = parseScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath.name).toBe("ontbreekt");
    expect(byPath["simulation.runs"]).toBe('verwacht een getal, kreeg "veel"');
    expect(byPath.municipality).toBe("onbekend veld: burgemeester");
  });

  it("rejects a start month that does not open a quarter", () => {
    const s = certainScenario();
    s.simulation.start = "2025-02";
    const result = parseScenario(s);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(["simulation.start"]);
  });

  it("rejects duplicate project ids and unordered delay distributions", () => {
    const s = certainScenario();
    s.projects[1].id = "A";
    s.pipeline.statuses.hard.delayMonths = { min: 10, mode: 2, max: 20 };
    const result = parseScenario(s);
    expect(result.ok ? [] : result.problems.map((p) => p.path).sort()).toEqual([
      "pipeline.statuses.hard.delayMonths",
      "projects[1].id",
    ]);
  });

  it("answers text that is not JSON with a problem, not an exception", () => {
    const result = parseScenarioText("{ niet json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/geen geldige JSON/);
  });

  it("fills defaults, so a project without a kind is nieuwbouw", () => {
    const s = certainScenario();
    delete (s.projects[0] as { kind?: string }).kind;
    const result = parseScenario(s);
    expect(result.ok && result.value.projects[0].kind).toBe("nieuwbouw");
  });
});

describe("parseScenarioText on text a user saved", () => {
  const text = readFileSync(new URL("../../data/scenarios/basis.json", import.meta.url), "utf8");

  it("says where JSON breaks in Dutch, with line and column, not the engine's English position", () => {
    const broken = text.replace('"name": "Basis Losser",', '"name": "Basis Losser",,');
    const result = parseScenarioText(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: "(bestand)",
        message: expect.stringMatching(/^geen geldige JSON: regel 4, kolom \d+: verwacht een veldnaam/),
      },
    ]);
    expect(result.problems[0].message).not.toMatch(/Expected|position/);
  });

  it("reads a file with a byte-order mark (Windows Notepad) as the same scenario", () => {
    const withBom = parseScenarioText(`\uFEFF${text}`);
    const plain = parseScenarioText(text);
    expect(withBom.ok && plain.ok && withBom.value).toEqual(plain.ok && plain.value);
  });
});
