import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ownersOf } from "../../../engine/kernel/cells";
import { figureValue } from "../../../engine/kernel/figure";
import {
  applyProjectImport,
  exportProjects,
  importProjects,
  normaliseMonth,
  planProjectImport,
  readMonth,
} from "../../../web/scenario/project-csv";
import { loadScenario } from "../../helpers/scenarios";

const scenario = loadScenario();
const kernen = scenario.kernen.map((k) => k.id);
const owners = ownersOf(scenario.corporations);
const header =
  "id;naam;kern;status;oplevering;sociale_huur;middenhuur;betaalbare_koop;duur;eigenaar;sleutelproject;soort";

describe("normaliseMonth", () => {
  it("accepts the ways a spreadsheet writes a month", () => {
    expect(normaliseMonth("2027-6")).toBe("2027-06");
    expect(normaliseMonth("6-2027")).toBe("2027-06");
    expect(normaliseMonth("06/2027")).toBe("2027-06");
    expect(normaliseMonth("1-6-2027")).toBe("2027-06");
  });
});

describe("readMonth", () => {
  it("reads the documented Dutch forms, and says when it read a date as day-month-year", () => {
    expect(readMonth("2029-03")).toEqual({ month: "2029-03" });
    expect(readMonth("03-2029")).toEqual({ month: "2029-03" });
    expect(readMonth("1-3-2029")).toEqual({
      month: "2029-03",
      note: '"1-3-2029" gelezen als dag-maand-jaar: maart 2029',
    });
    expect(readMonth("2029-03-01")).toMatchObject({
      month: "2029-03",
      note: expect.stringContaining("jaar-maand-dag"),
    });
  });

  it("reports any other form, naming the forms it does read", () => {
    for (const bad of ["maart 2029", "2029", "13-2029", "3-13-2029", "29-03", "2029.03", "45-3-2029"])
      expect(readMonth(bad), bad).toEqual({
        problem: expect.stringMatching(/schrijf 2029-03, 03-2029 of 1-3-2029 \(dag-maand-jaar\)$/),
      });
  });
});

describe("importProjects", () => {
  it("reads Dutch labels, a decimal comma and ja/nee", () => {
    const csv = `${header}\nX1;Test;Glane;harde plannen;6-2028;12,0;0;4;0;Domijn;ja;nieuwbouw\n`;
    const { entries, problems } = importProjects(csv, kernen, [], owners);
    expect(problems).toEqual([]);
    expect(entries[0].project).toMatchObject({
      id: "X1",
      status: "hard",
      plannedCompletion: "2028-06",
      owner: "domijn",
      sleutelproject: true,
    });
    expect(entries[0].project.units.sociale_huur).toBe(12);
  });

  it("reads an owner as the scenario's corporations and the two other owners, and names them when it is none", () => {
    const twoCorporations = ownersOf([
      { id: "noord", name: "Woonstichting Noord" },
      { id: "zuid", name: "Stichting Zuid" },
    ]);
    const row = (owner: string) => `${header}\nX1;Test;Glane;hard;2028-06;4;0;0;0;${owner};nee;nieuwbouw\n`;
    expect(importProjects(row("stichting zuid"), kernen, [], twoCorporations).entries[0].project.owner).toBe(
      "zuid",
    );
    expect(importProjects(row("noord"), kernen, [], twoCorporations).entries[0].project.owner).toBe("noord");
    expect(importProjects(row("domijn"), kernen, [], twoCorporations).problems).toEqual([
      {
        row: 2,
        column: "eigenaar",
        message:
          "'domijn' is geen corporatie in corporations (wel: noord, zuid) en geen overige_verhuurder of eigenaar_bewoner",
      },
    ]);
  });

  it("answers every bad row with its row, column and a Dutch reason, and keeps the good rows", () => {
    const csv = [
      header,
      "X1;Goed;Losser;zacht;2029-01;10;0;0;0;domijn;nee;nieuwbouw",
      "X2;Slecht;Enschede;zacht;2029-01;tien;0;0;0;domijn;nee;nieuwbouw",
      "X3;Ook goed;Glane;hard;2027-03;0;5;5;0;eigenaar_bewoner;nee;nieuwbouw",
    ].join("\r\n");
    const { entries, problems } = importProjects(csv, kernen);
    expect(entries.map((e) => e.project.id)).toEqual(["X1", "X3"]);
    expect(problems).toEqual([
      { row: 3, column: "sociale_huur", message: 'verwacht een getal, kreeg "tien"' },
      expect.objectContaining({ row: 3, column: "kern", message: expect.stringContaining("Enschede") }),
    ]);
  });

  it("says at its row and column that a date was read as day-month-year, and reports a form it cannot read", () => {
    const csv = [
      header,
      "X1;A;Losser;zacht;1-3-2029;1;0;0;0;domijn;nee;nieuwbouw",
      "",
      "X2;B;Losser;zacht;maart 2029;1;0;0;0;domijn;nee;nieuwbouw",
    ].join("\n");
    const read = importProjects(csv, kernen);
    expect(read.entries[0].project.plannedCompletion).toBe("2029-03");
    expect(read.notes).toEqual([
      { row: 2, column: "oplevering", message: '"1-3-2029" gelezen als dag-maand-jaar: maart 2029' },
    ]);
    // The blank line counts: X2 is on line 4 of the file.
    expect(read.problems).toEqual([
      expect.objectContaining({
        row: 4,
        column: "oplevering",
        message: expect.stringContaining('"maart 2029" is geen maand'),
      }),
    ]);
  });

  it("refuses 12,5 homes instead of rounding", () => {
    const { problems } = importProjects(
      `${header}\nX1;A;Losser;zacht;2029-01;12,5;0;0;0;domijn;nee;nieuwbouw\n`,
      kernen,
    );
    expect(problems).toEqual([
      { row: 2, column: "sociale_huur", message: 'verwacht een geheel aantal woningen, kreeg "12,5"' },
    ]);
  });

  it("names a missing column instead of guessing", () => {
    const { problems } = importProjects("naam;kern\nA;Losser\n", kernen);
    expect(problems[0]).toMatchObject({ row: 1, message: 'kolom "id" ontbreekt' });
  });

  it("refuses a second row with the same id", () => {
    const row = "X1;A;Losser;zacht;2029-01;1;0;0;0;domijn;nee;nieuwbouw";
    const { entries, problems } = importProjects(`${header}\n${row}\n${row}\n`, kernen);
    expect(entries).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 3, column: "id" });
  });
});

describe("applyProjectImport", () => {
  it("round-trips the baseline's table through Dutch Excel unchanged, sources included", () => {
    const applied = applyProjectImport(scenario, exportProjects(scenario));
    expect(applied.problems).toEqual([]);
    expect(applied.scenario?.projects).toEqual(scenario.projects);
  });

  it("reports a completion outside the simulated period at its row and keeps the project as it was", () => {
    const csv = exportProjects(scenario).replace(
      "P01;Losser – Dorpsstraat;Losser;in_aanbouw;2026-03",
      "P01;Losser – Dorpsstraat;Losser;in_aanbouw;2040-03",
    );
    const applied = applyProjectImport(scenario, csv);
    expect(applied.problems).toEqual([expect.objectContaining({ row: 2, column: "oplevering" })]);
    const p01 = applied.scenario?.projects.find((p) => p.id === "P01");
    expect(p01?.plannedCompletion).toBe("2026-03");
    expect(applied.imported).toBe(scenario.projects.length - 1);
  });

  it("keeps a figure's source when its units change", () => {
    const sourced = structuredClone(scenario);
    sourced.projects[0].units.sociale_huur = { value: 24, source: "bouwplan" };
    const csv = exportProjects(sourced).replace(/(P01;[^;]*;[^;]*;[^;]*;[^;]*;)24/, "$130");
    const applied = applyProjectImport(sourced, csv);
    expect(applied.scenario?.projects[0].units.sociale_huur).toEqual({ value: 30, source: "bouwplan" });
    expect(figureValue(applied.scenario!.projects[0].units.sociale_huur)).toBe(30);
  });
});

describe("planProjectImport: a row that cannot be read keeps its project", () => {
  const file = readFileSync(new URL("../../../data/projecten-basis.csv", import.meta.url), "utf8");
  const lines = file.split("\r\n");
  const ids = scenario.projects.map((p) => p.id);

  it("keeps every project whose row is separated by , instead of ;", () => {
    const damaged = lines
      .map((line, i) => (i > 0 && i % 2 === 0 ? line.replaceAll(";", ",") : line))
      .join("\r\n");
    for (const mode of ["vervangen", "samenvoegen"] as const) {
      const plan = planProjectImport(scenario, damaged, mode);
      expect(plan.removed).toEqual([]);
      // In their place, too.
      expect(plan.scenario?.projects.map((p) => p.id)).toEqual(ids);
      expect(plan.kept.map((k) => k.project.id)).toEqual(ids.filter((_, i) => (i + 1) % 2 === 0));
      expect(plan.problems[0]).toEqual({
        row: 3,
        column: "(rij)",
        message: 'de velden zijn gescheiden door "," in plaats van ";"',
      });
    }
  });

  it("loses one row, not the rest of the file, to an unterminated quote, and keeps its project", () => {
    const damaged = lines
      .map((line, i) => (i === 3 ? line.replace(";De Lutte – ", ';"De Lutte – ') : line))
      .join("\r\n");
    const plan = planProjectImport(scenario, damaged, "vervangen");
    expect(plan.removed).toEqual([]);
    expect(plan.imported).toBe(ids.length - 1);
    expect(plan.kept).toEqual([{ project: scenario.projects[2], rows: [4] }]);
    expect(plan.problems).toEqual([
      expect.objectContaining({ row: 4, message: expect.stringContaining("aanhalingsteken") }),
    ]);
  });

  it("keeps the project of a row whose id cell is empty, matched by its name", () => {
    const damaged = lines.map((line, i) => (i === 5 ? line.replace(/^P05;/, ";") : line)).join("\r\n");
    const plan = planProjectImport(scenario, damaged, "vervangen");
    expect(plan.removed).toEqual([]);
    expect(plan.kept.map((k) => k.project.id)).toEqual(["P05"]);
    expect(plan.problems).toEqual([
      expect.objectContaining({ row: 6, column: "id", message: expect.stringContaining("id ontbreekt") }),
    ]);
  });

  it("removes nothing on replace when a bad row names no project it knows, and says which line", () => {
    const damaged = [
      ...lines.slice(0, 3),
      ";Onbekend;Losser;zacht;2029-01;1;0;0;0;domijn;nee;nieuwbouw",
      ...lines.slice(4),
    ].join("\r\n");
    const plan = planProjectImport(scenario, damaged, "vervangen");
    expect(plan.unidentified).toEqual([4]);
    expect(plan.removed).toEqual([]);
  });
});

describe("planProjectImport: a second row with the same id", () => {
  it("takes the first, reports the second, and does not call the project kept as it was", () => {
    const row = (name: string) => `P01;${name};Losser;in_aanbouw;2026-03;24;0;0;0;domijn;nee;nieuwbouw`;
    const plan = planProjectImport(
      scenario,
      [header, row("Eerste"), row("Tweede")].join("\n"),
      "samenvoegen",
    );
    expect(plan.changed.map((c) => c.project.name)).toEqual(["Eerste"]);
    expect(plan.kept).toEqual([]);
    expect(plan.problems).toEqual([expect.objectContaining({ row: 3, column: "id" })]);
  });
});

describe("planProjectImport: the preview", () => {
  const csv = [
    header,
    "P01;Losser – Dorpsstraat (fase 2);Losser;in_aanbouw;2026-03;24;0;0;0;domijn;nee;nieuwbouw",
    "X9;Nieuw plan;Glane;zacht;2030-01;10;0;0;0;domijn;nee;nieuwbouw",
  ].join("\n");

  it("merging on id changes and adds only the rows in the file", () => {
    const plan = planProjectImport(scenario, csv, "samenvoegen");
    expect(plan.added.map((p) => p.id)).toEqual(["X9"]);
    expect(plan.changed).toEqual([
      {
        project: expect.objectContaining({ id: "P01" }),
        changes: [{ label: "naam", from: "Losser – Dorpsstraat", to: "Losser – Dorpsstraat (fase 2)" }],
      },
    ]);
    expect(plan.removed).toEqual([]);
    expect(plan.scenario?.projects).toHaveLength(scenario.projects.length + 1);
    expect(plan.scenario?.projects.slice(1, -1)).toEqual(scenario.projects.slice(1));
  });

  it("replacing makes the file the table and lists every project it removes", () => {
    const plan = planProjectImport(scenario, csv, "vervangen");
    expect(plan.scenario?.projects.map((p) => p.id)).toEqual(["P01", "X9"]);
    expect(plan.removed.map((p) => p.id)).toEqual(scenario.projects.slice(1).map((p) => p.id));
  });
});

describe("data/projecten-basis.csv", () => {
  const file = readFileSync(new URL("../../../data/projecten-basis.csv", import.meta.url), "utf8");

  it("is the baseline's project table for Dutch Excel (run `npm run schema` after changing basis.json)", () => {
    expect(file).toBe(exportProjects(scenario, { dutch: true }));
  });

  it("imports into the baseline with no problem and changes nothing", () => {
    const applied = applyProjectImport(scenario, file);
    expect(applied.problems).toEqual([]);
    expect(applied.imported).toBe(scenario.projects.length);
    // Read back and written out again, the table is the same to the byte.
    expect(applied.scenario && exportProjects(applied.scenario, { dutch: true })).toBe(file);
  });
});
