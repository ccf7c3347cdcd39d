import { describe, expect, it } from "vitest";
import { SEGMENTS } from "../../../engine/kernel/domain";
import { figureValue } from "../../../engine/kernel/figure";
import { prepare } from "../../../engine/simulate";
import { mergeCompletions, sampleCompletions, summariseCompletions } from "../../../engine/stock/completions";
import { DROPPED } from "../../../engine/stock/pipeline";
import { loadScenario } from "../../helpers/scenarios";

const { model } = prepare(loadScenario());

describe("sampleCompletions", () => {
  it("gives every simulated project a month or DROPPED in every run", () => {
    const sample = sampleCompletions(model, 1, 0, 30);
    expect(sample.months.length).toBe(model.nProjects * 30);
    for (const m of sample.months) expect(m === DROPPED || m >= 0).toBe(true);
  });

  it("merges chunks into the sample of one range", () => {
    const whole = sampleCompletions(model, 3, 0, 40);
    const merged = mergeCompletions([
      sampleCompletions(model, 3, 25, 40),
      sampleCompletions(model, 3, 0, 25),
    ]);
    expect(Array.from(merged.months)).toEqual(Array.from(whole.months));
  });
});

describe("summariseCompletions", () => {
  const spread = summariseCompletions(model, sampleCompletions(model, 1, 0, 200));

  it("orders the quantiles p10 ≤ p50 ≤ p90 for every project that completes at all", () => {
    for (const s of spread) if (s.dropped < 1) expect(s.p10 <= s.p50 && s.p50 <= s.p90).toBe(true);
  });

  it("reports drop-out as a share between 0 and 1, with soft plans dropping out more than hard ones", () => {
    const scenario = loadScenario();
    const mean = (status: string) => {
      const ids = new Set(scenario.projects.filter((p) => p.status === status).map((p) => p.id));
      const shares = spread.filter((s) => ids.has(s.id)).map((s) => s.dropped);
      return shares.reduce((a, b) => a + b, 0) / shares.length;
    };
    for (const s of spread) expect(s.dropped >= 0 && s.dropped <= 1).toBe(true);
    expect(mean("zacht")).toBeGreaterThan(mean("hard"));
  });

  it("gives the planned completion as a fractional year", () => {
    const first = model.projectIds.indexOf("P01");
    expect(spread[first].planned).toBeCloseTo(2026 + 2 / 12, 6);
  });
});

describe("completion by the opgave's deadline", () => {
  const sample = sampleCompletions(model, 1, 0, 200);
  const spread = summariseCompletions(model, sample);
  const deadlineMonth = (model.opgaveDeadlineYear + 1) * 12 - model.cal.startAbsMonth;

  it("onTime is the share of runs that complete the project before the end of the deadline year", () => {
    spread.forEach((s, p) => {
      let n = 0;
      for (let r = 0; r < 200; r++) {
        const m = sample.months[p * 200 + r];
        if (m !== DROPPED && m < deadlineMonth) n++;
      }
      expect(s.onTime, s.id).toBe(n / 200);
    });
  });

  it("carries each project's homes, and a project under construction is nearly always on time", () => {
    const scenario = loadScenario();
    const p01 = spread.find((s) => s.id === "P01")!;
    const p01Units = scenario.projects.find((p) => p.id === "P01")!.units;
    const units = SEGMENTS.reduce((a, s) => a + figureValue(p01Units[s]), 0);
    expect(p01.units).toBe(units);
    expect(p01.onTime).toBeGreaterThan(0.95);
  });
});
