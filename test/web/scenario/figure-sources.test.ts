import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../../engine/index";
import { withFigure, withTriangle, withUnits } from "../../../web/scenario/edit";
import { levers } from "../../../web/scenario/levers";
import { loadScenario } from "../../helpers/scenarios";

/**
 * Every sourced figure of a scenario, by path: what the method notebook shows beside its value and an
 * exported scenario carries. An edit may change values, never these.
 */
function provenance(scenario: Scenario): Map<string, { source: unknown; basis: unknown }> {
  const out = new Map<string, { source: unknown; basis: unknown }>();
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if ("source" in record || "basis" in record)
      out.set(path, { source: record.source, basis: record.basis });
    for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`);
  };
  walk(scenario, "");
  return out;
}

function expectProvenanceKept(before: Scenario, after: Scenario) {
  const kept = provenance(after);
  const lost = [...provenance(before)].filter(
    ([path, p]) => kept.get(path)?.source !== p.source || kept.get(path)?.basis !== p.basis,
  );
  expect(lost.map(([path]) => path)).toEqual([]);
}

/** The numeric figures of a scenario (bare or sourced), as paths for `withFigure`. */
function figurePaths(scenario: Scenario): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === "number") out.push(path);
    else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.value === "number" && "source" in record) out.push(path);
      else
        for (const [key, child] of Object.entries(record))
          walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
    }
  };
  walk(scenario, []);
  return out;
}

const basis = loadScenario("basis");

describe("an edit keeps every figure's source and basis", () => {
  it("holds for each of SHBL's levers, and the levered scenario is still valid", () => {
    const edits: [string, Scenario][] = [
      ["rentSpread", levers.rentSpread(basis, 0.01)],
      ["freezeYear", levers.freezeYear(basis, 2027)],
      ["salesPerYear", levers.salesPerYear(basis, 12)],
      ["acquisitionsPerYear", levers.acquisitionsPerYear(basis, 7)],
      ["warmeJasPerYear", levers.warmeJasPerYear(basis, 40)],
      [
        "rentSplit",
        levers.rentSplit(basis, {
          kwaliteitskorting: 0.1,
          aftopping_laag: 0.5,
          aftopping_hoog: 0.3,
          liberalisatie: 0.1,
        }),
      ],
      ["freeAllocationShare", levers.freeAllocationShare(basis, 0.15)],
      ["firstGroup", levers.firstGroup(basis, "statushouder")],
    ];
    for (const [name, after] of edits) {
      expect(after, name).not.toEqual(basis);
      expect(parseScenario(after).ok, name).toBe(true);
      expectProvenanceKept(basis, after);
    }
  });

  it("moves the lever's value and nothing else in the sourced figure", () => {
    const after = levers.salesPerYear(basis, 12);
    expect(after.policy.sales.perYear).toEqual({ ...(basis.policy.sales.perYear as object), value: 12 });
  });

  it("holds for the editor's number, triangle and units edits on any figure of the baseline", () => {
    const paths = figurePaths(basis);
    const triangles = paths.filter((p) => p.at(-1) === "mode").map((p) => p.slice(0, -1));
    const projects = basis.projects.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom(...triangles),
        fc.constantFrom("min", "mode", "max"),
        fc.constantFrom(...projects),
        fc.nat(40),
        (path, triangle, part, project, n) => {
          expectProvenanceKept(basis, withFigure(basis, path, n));
          expectProvenanceKept(basis, withTriangle(basis, triangle, part as "min", n));
          expectProvenanceKept(basis, withUnits(basis, project, "sociale_huur", n));
        },
      ),
      { numRuns: 60 },
    );
  });
});
