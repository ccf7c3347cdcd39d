import { describe, expect, it } from "vitest";
import { SEGMENTS } from "../../../engine/kernel/domain";
import { figureValue } from "../../../engine/kernel/figure";
import type { Project } from "../../../engine/scenario";
import { loadScenario } from "../../helpers/scenarios";

/**
 * The baseline's project list is schematic (the agreement names no projects), but its sums are the
 * agreement's (H1), to the home: a chance of a target must come from the agreement's plans, not from an
 * invented list.
 */
const projects = loadScenario("basis").projects;
const year = (p: Project) => Number(p.plannedCompletion.slice(0, 4));
const units = (p: Project) => SEGMENTS.reduce((s, segment) => s + figureValue(p.units[segment]), 0);
const sum = (ps: Project[], f: (p: Project) => number = units) => ps.reduce((s, p) => s + f(p), 0);
const social = (p: Project) => figureValue(p.units.sociale_huur);

describe("the baseline's project list", () => {
  it("holds about 317 homes in hard plans (building included), 350 in soft plans and 256 still to plan", () => {
    expect(sum(projects.filter((p) => p.status === "in_aanbouw" || p.status === "hard"))).toBe(317);
    expect(sum(projects.filter((p) => p.status === "zacht"))).toBe(350);
    // 1.225 − 302 realised − 317 − 350: the rest of the task, with no plan capacity beyond it.
    expect(sum(projects.filter((p) => p.status === "ambitie"))).toBe(1225 - 302 - 317 - 350);
  });

  it("plans 300 homes in key projects up to and including 2030 and 415 in 2031–2035", () => {
    const key = projects.filter((p) => p.sleutelproject);
    expect(sum(key.filter((p) => year(p) <= 2030))).toBe(300);
    expect(sum(key.filter((p) => year(p) >= 2031 && year(p) <= 2035))).toBe(415);
  });

  it("plans Domijn's 40 social homes before 2030 and 187 in 2030–2035, and no other social homes", () => {
    expect(
      sum(
        projects.filter((p) => year(p) < 2030),
        social,
      ),
    ).toBe(40);
    expect(
      sum(
        projects.filter((p) => year(p) >= 2030 && year(p) <= 2035),
        social,
      ),
    ).toBe(187);
    expect(sum(projects, social)).toBe(227);
  });

  it("gives the plans made under the agreement (soft plans and the rest still to plan) 30% social rent", () => {
    const newPlans = projects.filter((p) => p.status === "zacht" || p.status === "ambitie");
    const share = sum(newPlans, social) / sum(newPlans);
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThan(0.31);
  });

  it("adds no social homes in Overdinkel, whose share the agreement holds rather than grows", () => {
    expect(
      sum(
        projects.filter((p) => p.kern === "Overdinkel"),
        social,
      ),
    ).toBe(0);
  });
});
