import { describe, expect, it } from "vitest";
import { runKey } from "../../../engine/kernel/random";
import { parseScenario } from "../../../engine/parse";
import type { Scenario, ScenarioInput } from "../../../engine/scenario";
import { prepare } from "../../../engine/simulate";
import { DROPPED, pipelineWork, samplePipeline } from "../../../engine/stock/pipeline";
import { certainScenario } from "../../helpers/fixtures";

function parsed(input: ScenarioInput): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** Completion months per project id (and `<id>+` for its replacement) in one run. */
function completions(input: ScenarioInput, run = 0, seed = 1): Record<string, number> {
  const { model } = prepare(parsed(input));
  const work = pipelineWork(model);
  samplePipeline(model, runKey(seed, run), work);
  const out: Record<string, number> = {};
  model.projectIds.forEach((id, p) => {
    out[id] = work.completion[p];
    if (work.completion[model.nProjects + p] !== DROPPED)
      out[`${id}+`] = work.completion[model.nProjects + p];
  });
  return out;
}

const fixed = (m: number) => ({ min: m, mode: m, max: m });

describe("samplePipeline", () => {
  it("completes each project at its planned month when nothing is random", () => {
    // Start January 2025: May 2026 is month 16, November 2027 month 34.
    expect(completions(certainScenario())).toEqual({ A: 16, B: 34 });
  });

  it("adds the delay and the objection procedure, and subtracts active levers", () => {
    const s = certainScenario();
    s.pipeline.statuses.hard.delayMonths = fixed(6);
    s.pipeline.statuses.hard.objection = { chance: 1, months: fixed(4) };
    s.pipeline.levers = [
      {
        id: "bouwstroom",
        label: "Bouwstroom",
        active: true,
        monthsSaved: 3,
        statuses: ["hard"],
        owners: ["domijn"],
        fromYear: 2025,
      },
      { id: "uit", label: "Uit", active: false, monthsSaved: 12, statuses: ["hard"], fromYear: 2025 },
    ];
    expect(completions(s).A).toBe(16 + 6 + 4 - 3);
  });

  it("drops every project when the drop-out chance is 1, and replaces dropped soft plans when told to", () => {
    const s = certainScenario();
    s.pipeline.statuses.hard.dropOut = 1;
    s.pipeline.statuses.zacht.dropOut = 1;
    s.pipeline.replacement = { chance: 1, delayMonths: 24 };
    // Hard plans are not replaced; the soft plan B comes back two years later (month 58, after the end).
    expect(completions(s)).toEqual({ A: DROPPED, B: DROPPED, "B+": 58 });
  });

  it("lets a shock delay the affected projects not yet completed when it hits", () => {
    const s = certainScenario();
    s.pipeline.shocks = [
      {
        id: "stikstof",
        label: "Stikstof",
        chancePerYear: 1,
        delayMonths: fixed(9),
        statuses: ["zacht"],
        fromYear: 2027,
        toYear: 2027,
      },
    ];
    // Hits somewhere in 2027 (months 24–35), before B completes in month 34 only if it hits by October;
    // A is hard and unaffected.
    const c = completions(s);
    expect(c.A).toBe(16);
    expect([34, 43]).toContain(c.B);
    const always = certainScenario();
    always.pipeline.shocks = [
      {
        id: "stikstof",
        label: "Stikstof",
        chancePerYear: 1,
        delayMonths: fixed(9),
        statuses: ["zacht", "hard"],
        fromYear: 2025,
        toYear: 2025,
      },
    ];
    expect(completions(always)).toEqual({ A: 25, B: 43 });
  });

  it("queues projects beyond the yearly procedure capacity into the next year", () => {
    const s = certainScenario();
    s.pipeline.capacity = { projectsPerYear: 1, statuses: ["hard", "zacht"], leadMonths: 12 };
    s.projects[1].plannedCompletion = "2026-08";
    // Both procedures end in 2025 (months 4 and 7); only one fits, so B waits a year.
    expect(completions(s)).toEqual({ A: 16, B: 31 });
  });

  it("gives a project the same draws whether or not other projects exist (common random numbers)", () => {
    const base = certainScenario();
    for (const status of ["hard", "zacht"] as const) {
      base.pipeline.statuses[status] = {
        dropOut: 0.3,
        delayMonths: { min: 0, mode: 6, max: 24 },
        objection: { chance: 0.5, months: { min: 2, mode: 4, max: 9 } },
      };
    }
    const extra = structuredClone(base);
    extra.projects.unshift({ ...structuredClone(base.projects[0]), id: "NIEUW", name: "Nieuw" });
    for (let run = 0; run < 20; run++) {
      const a = completions(base, run);
      const b = completions(extra, run);
      expect(b.A).toBe(a.A);
      expect(b.B).toBe(a.B);
    }
  });

  it("leaves realised projects out of the pipeline: they are in the starting stock", () => {
    const s = certainScenario();
    s.projects[0].status = "gerealiseerd";
    s.projects[0].plannedCompletion = "2020-01";
    expect(completions(s)).toEqual({ B: 34 });
  });
});

describe("samplePipeline over random scenarios", () => {
  it("completes each project at most once: itself, or (a dropped soft plan) its replacement", async () => {
    const fc = (await import("fast-check")).default;
    const { arbitraryScenario } = await import("../../helpers/arbitrary");
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 10_000 }), (input, run) => {
        const { model } = prepare(parsed(input));
        const work = pipelineWork(model);
        samplePipeline(model, runKey(5, run), work);
        for (let p = 0; p < model.nProjects; p++) {
          const original = work.completion[p];
          const replacement = work.completion[model.nProjects + p];
          if (replacement === DROPPED) continue;
          // A replacement exists only for a dropped soft plan.
          expect(original).toBe(DROPPED);
          expect(model.projectStatus[p]).toBe(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
