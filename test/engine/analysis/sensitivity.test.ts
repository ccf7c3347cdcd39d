import { describe, expect, it } from "vitest";
import {
  ASSUMPTIONS,
  meanOutcome,
  scaleFigure,
  targetTornados,
  tornado,
  tornadoSettings,
} from "../../../engine/analysis/sensitivity";
import { figureValue } from "../../../engine/kernel/figure";
import { parseScenario } from "../../../engine/parse";
import { planningScope } from "../../../engine/scope";
import { loadScenario, readScenarioJson } from "../../helpers/scenarios";

const basis = () => loadScenario("basis");
/**
 * Every assumption is one of the building plan's and the outcome (homes realised) is the stock
 * model's: the tornado runs the building plan only, as the council's page does (`tornadoFor`).
 */
const planning = () => planningScope(basis());

describe("scaleFigure", () => {
  it("scales a bare or sourced figure, keeping its form, clamped and rounded when asked", () => {
    expect(scaleFigure(0.4, 3, 0, 1)).toBe(1);
    expect(scaleFigure({ value: 4, source: "x", basis: "estimate" }, 1.5, 1, 100, true)).toEqual({
      value: 6,
      source: "x",
      basis: "estimate",
    });
  });
});

describe("the corporations' levers", () => {
  it("scale every corporation's sales and purchases together, named after the corporations", () => {
    const parsed = parseScenario(readScenarioJson("../../test/fixtures/voorbeeldgemeente.json"));
    if (!parsed.ok) throw new Error("invalid fixture");
    const s = parsed.value;
    const settings = tornadoSettings(s, { factors: [0.5, 2] });
    const sales = settings.find((t) => t.assumption.id === "verkoop")!;
    const purchases = settings.find((t) => t.assumption.id === "aankoop")!;
    expect(sales.assumption.label).toBe("Verkoop door de corporaties");
    expect(purchases.assumption.label).toBe("Aankoop door de corporaties");
    const salesOf = (x: typeof s) =>
      [x.policy.sales.perYear, x.corporations[1].sales!.perYear].map(figureValue);
    const [first, second] = salesOf(s);
    expect(salesOf(sales.high)).toEqual([first * 2, second * 2]);
    expect(figureValue(purchases.high.corporations[1].acquisitions!.perYear)).toBe(
      2 * figureValue(s.corporations[1].acquisitions!.perYear),
    );
    // One corporation: the label names it, as before.
    expect(tornadoSettings(basis()).find((t) => t.assumption.id === "verkoop")!.assumption.label).toBe(
      "Verkoop door Domijn",
    );
  });
});

describe("tornado", () => {
  const outcome = { metric: "opgave.realised", year: 2034 };

  it("leaves the scenario it is given untouched", () => {
    const s = basis();
    const before = JSON.stringify(s);
    for (const a of ASSUMPTIONS) a.scaled(s, 1.5);
    expect(JSON.stringify(s)).toBe(before);
  });

  it("gives the base outcome back for a factor of one on any assumption", () => {
    const s = planning();
    const base = meanOutcome(s, outcome, 40, 2);
    for (const a of ASSUMPTIONS) expect(meanOutcome(a.scaled(s, 1), outcome, 40, 2)).toBe(base);
  });

  it("lists the assumptions in order of effect, largest swing first, with more drop-out realising less", () => {
    const { base, bars } = tornado(planning(), outcome, { runs: 60, seed: 3 });
    expect(bars).toHaveLength(ASSUMPTIONS.length);
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);
    const dropOut = bars.find((b) => b.assumption === "uitval_zacht")!;
    expect(dropOut.high).toBeLessThan(base);
    expect(dropOut.low).toBeGreaterThan(base);
    // Sales move homes between segments and leave the number realised as it is.
    expect(bars.find((b) => b.assumption === "verkoop")!.swing).toBe(0);
  });
});

describe("targetTornados", () => {
  it("gives each target's tornado, read in its own year, as a tornado of that outcome alone gives it", () => {
    const options = { runs: 30, seed: 4 };
    const s = planning();
    const tornados = targetTornados(s, ["opgave", "sociale_voorraad_groeit", "geen_doel"], options);
    expect(tornados.map((t) => t.target)).toEqual(["opgave", "sociale_voorraad_groeit"]);
    expect(tornados[0].outcome).toEqual({ metric: "opgave.realised", year: s.opgave.deadlineYear });
    for (const t of tornados) expect({ base: t.base, bars: t.bars }).toEqual(tornado(s, t.outcome, options));
  });
});
