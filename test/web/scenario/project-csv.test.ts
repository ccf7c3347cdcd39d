import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { figureValue } from "../../../engine/kernel/figure";
import {
  applyProjectImport,
  exportProjects,
  importProjects,
  normaliseMonth,
} from "../../../web/scenario/project-csv";
import { loadScenario } from "../../helpers/scenarios";

const scenario = loadScenario();
const kernen = scenario.kernen.map((k) => k.id);
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

describe("importProjects", () => {
  it("reads Dutch labels, a decimal comma and ja/nee", () => {
    const csv = `${header}\nX1;Test;Glane;harde plannen;6-2028;12,0;0;4;0;Domijn;ja;nieuwbouw\n`;
    const { entries, problems } = importProjects(csv, kernen);
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
