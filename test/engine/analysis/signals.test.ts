import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { behindOf } from "../../../engine/analysis/monitoring";
import { toSummaryJson } from "../../../engine/analysis/output";
import { type AgreementSignal, signalsOf } from "../../../engine/analysis/signals";
import { parseProgress, withProgress } from "../../../engine/progress";
import type { Scenario } from "../../../engine/scenario";
import { planningScope } from "../../../engine/scope";
import { prepare, simulate } from "../../../engine/simulate";
import type { Progress } from "../../../engine/stock/progress";
import { loadScenario } from "../../helpers/scenarios";

const report = (file: string, scenario: Scenario): Progress => {
  const raw = JSON.parse(readFileSync(new URL(`../../../data/voortgang/${file}`, import.meta.url), "utf8"));
  const parsed = parseProgress(raw, scenario);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

const summary = (scenario: Scenario) => {
  const s = simulate(planningScope(scenario), { runs: 60, seed: 1 });
  return toSummaryJson(s.prepared.shape, s.meta, s.summary);
};

function signals(scenario: Scenario, progress: Progress): AgreementSignal[] {
  return signalsOf({
    scenario,
    progress,
    start: summary(scenario),
    now: summary(withProgress(scenario, progress)),
    behind: behindOf(scenario, progress),
  });
}

const value = (s: AgreementSignal | undefined, label: string) =>
  s?.evidence.find((e) => e.label.startsWith(label))?.value;

describe("the agreement's signals", () => {
  const basis = loadScenario("basis");
  const late = signals(basis, report("voorbeeld-2027-12.json", basis));
  const early = signals(basis, report("voorbeeld-2026-06.json", basis));

  it("signals a social stock below the year before, with the year's sales, acquisitions and completions", () => {
    const stock = late.find((s) => s.kind === "sociale_voorraad");
    expect(stock?.level).toBe("signaal");
    // December 2027 in the example: no social home delivered, one bought, seven sold.
    expect(value(stock, "netto verandering sociale huurwoningen in 2027")).toBe(-6);
    expect(
      stock?.evidence.find((e) => e.label === "sociale huur verkocht" && e.period?.endsWith("2027")),
    ).toMatchObject({
      value: -7,
      period: "jan 2027 – dec 2027",
    });
    expect(stock?.sentence).toMatch(/gedaald in 2027 \(−6\)/);
    // June 2026: the corporation's 24 social homes came in; the stock grew.
    const before = early.find((s) => s.kind === "sociale_voorraad");
    expect(before?.level).toBe("op koers");
    expect(value(before, "netto verandering sociale huurwoningen in 2026")).toBe(24 + 1 - 2);
  });

  it("signals key projects and the corporation's social additions behind the plan's path, with the numbers from the scenario's targets", () => {
    const now = summary(withProgress(basis, report("voorbeeld-2027-12.json", basis)));
    const windows = late.filter((s) => s.kind === "sleutelprojecten" || s.kind === "corporatie");
    // One signal per period the scenario's targets name for either, in the targets' order.
    const { layout } = prepare(planningScope(basis));
    const counted = [layout.completionsSleutel, ...layout.completionsSocialByCorporation].map(
      (m) => layout.defs[m].id,
    );
    const periodTargets = now.targets.filter((t) => counted.includes(t.metric));
    expect(windows.map((s) => s.id.split(":")[1])).toEqual(periodTargets.map((t) => t.id));
    for (const [i, s] of windows.entries())
      expect(value(s, "het aantal dat de overeenkomst vraagt")).toBe(periodTargets[i].threshold);

    const key = windows[0];
    expect(key.kind).toBe("sleutelprojecten");
    // The first key project was planned for September 2027 and has moved to June 2028.
    expect(value(key, "opgeleverd")).toBe(0);
    expect(value(key, "gepland")).toBeGreaterThan(0);
    expect(key.level).toBe("signaal");
    expect(key.title).toBe("Sleutelprojecten achter op het pad");
    const corporation = windows.find((s) => s.kind === "corporatie");
    expect(value(corporation, "opgeleverd")).toBe(24);
    expect(corporation?.level).toBe("signaal");
    expect(corporation?.evidence.map((e) => e.source).join(" ")).toMatch(/voortgangsrapportage/);
    // A later period has nothing planned yet by the peildatum: on course, with its chances beside.
    const later = windows[windows.length - 1];
    expect(later.level === "op koers" || later.level === "let op").toBe(true);
    // Its title does not say "achter" beside "op koers".
    expect(later.title).toMatch(/ op het pad$/);
    expect(later.title).not.toMatch(/achter/);
    expect(later.evidence.some((e) => e.label === "kans op het aantal, nu")).toBe(true);
  });

  it("lists the projects behind their planned date, each with its months late", () => {
    const behind = late.find((s) => s.kind === "achter");
    expect(behind?.level).toBe("signaal");
    expect(behind?.evidence.map((e) => e.label.split(" ")[0])).toEqual(["P10"]);
    expect(early.find((s) => s.kind === "achter")?.evidence.map((e) => e.label.split(" ")[0])).toEqual([
      "P02",
    ]);
  });

  it("reads the numbers to reach from the scenario: a higher number for the key projects moves the evidence with it", () => {
    const more: Scenario = {
      ...basis,
      targets: {
        ...basis.targets,
        sleutelprojecten: basis.targets.sleutelprojecten.map((w) => ({ ...w, homes: 999 })),
      },
    };
    const key = signals(more, report("voorbeeld-2027-12.json", more)).find(
      (s) => s.kind === "sleutelprojecten",
    );
    expect(value(key, "het aantal dat de overeenkomst vraagt")).toBe(999);
    expect(key?.sentence).toMatch(/^999 woningen/);
  });
});
