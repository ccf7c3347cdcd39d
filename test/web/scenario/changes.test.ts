import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioChanges } from "../../../web/scenario/changes";
import {
  moveProject,
  withFigure,
  withNewProject,
  withoutProject,
  withTriangle,
  withUnits,
} from "../../../web/scenario/edit";
import { levers } from "../../../web/scenario/levers";
import { loadScenario, parsed } from "../../helpers/scenarios";

const basis = loadScenario();

describe("scenarioChanges", () => {
  it("is empty for the starting point itself, and for a copy with its projects in another order", () => {
    expect(scenarioChanges(basis, structuredClone(basis))).toEqual([]);
    expect(scenarioChanges(basis, { ...basis, projects: [...basis.projects].reverse() })).toEqual([]);
  });

  it("names the planners' changes in their words, old → new", () => {
    let s = moveProject(basis, "P11", 12);
    s = withUnits(s, "P02", "sociale_huur", 30);
    s = withoutProject(s, "P03");
    s = withNewProject(s);
    s = withFigure(s, ["pipeline", "statuses", "zacht", "dropOut"], 0.3);
    s = withTriangle(s, ["pipeline", "statuses", "hard", "delayMonths"], "mode", 9);
    s = { ...s, simulation: { ...s.simulation, runs: 2000 } };
    const changes = scenarioChanges(basis, s);
    const p11 = basis.projects.find((p) => p.id === "P11")!;
    const p02 = basis.projects.find((p) => p.id === "P02")!;
    expect(changes).toContainEqual({
      label: `Project P11 ${p11.name}: geplande oplevering`,
      from: "juni 2030",
      to: "juni 2031",
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ label: `Project P02 ${p02.name}: woningen sociale huur`, to: "30" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ label: expect.stringMatching(/^Project P03 /), to: "verwijderd" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ label: "Project N01 Nieuw project", to: "toegevoegd, 0 woningen" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ label: "Uitval bij zachte plannen", to: "30%" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ label: "Vertraging bij harde plannen, meestal", to: "9 mnd" }),
    );
    expect(changes).toContainEqual({ label: "Aantal berekeningen (runs)", from: "1.000", to: "2.000" });
    // Nothing is named by its place in the file.
    expect(changes.filter((c) => /[a-z]\.[a-z]/i.test(c.label))).toEqual([]);
  });

  it("names SHBL's levers in their words", () => {
    let s = levers.salesPerYear(basis, 25);
    s = levers.freeAllocationShare(s, 0.1);
    s = levers.firstGroup(s, "statushouder");
    s = levers.freezeYear(s, 2027);
    const changes = scenarioChanges(basis, s);
    expect(changes).toContainEqual(
      expect.objectContaining({ label: "Verkoop door Domijn per jaar", to: "25 woningen" }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ label: "Vrije toewijzing", to: "10%" }));
    expect(changes).toContainEqual({ label: "Voorrang", from: "urgenten eerst", to: "statushouders eerst" });
    expect(changes).toContainEqual({ label: "Huurbevriezing in", from: "geen", to: "2027" });
  });
});

describe("scenarioChanges of another municipality", () => {
  it("names its corporation as the scenario does, in the levers and in a project's owner", () => {
    const from = parsed(
      JSON.parse(readFileSync(new URL("../../fixtures/voorbeeldgemeente.json", import.meta.url), "utf8")),
    );
    const first = from.projects[0];
    let to = levers.salesPerYear(from, 12);
    to = {
      ...to,
      projects: to.projects.map((p) => (p.id === first.id ? { ...p, owner: "overige_verhuurder" } : p)),
    };
    const changes = scenarioChanges(from, to);
    expect(changes).toContainEqual(
      expect.objectContaining({ label: "Verkoop door Woonstichting Voorbeeld per jaar" }),
    );
    expect(changes).toContainEqual({
      label: `Project ${first.id} ${first.name}: eigenaar`,
      from: "Woonstichting Voorbeeld",
      to: "overige verhuurders",
    });
    expect(JSON.stringify(changes)).not.toMatch(/Domijn/);
  });
});

describe("scenarioChanges between shipped scenarios", () => {
  it("names every change of vertraging in words, never by a code path, and writes years without a thousands point", () => {
    const basis = loadScenario("basis");
    const changes = scenarioChanges(basis, { ...loadScenario("vertraging"), name: basis.name });
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => /[[\].]|^[a-z]+[A-Z]/.test(c.label)).map((c) => c.label)).toEqual([]);
    expect(changes.find((c) => c.label === "Netcongestie: tot en met jaar")).toMatchObject({
      from: "2030",
      to: "2033",
    });
  });
});
