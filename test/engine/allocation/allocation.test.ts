import { describe, expect, it } from "vitest";
import { runOne } from "../../helpers/allocation-fixtures";
import { loadScenario } from "../../helpers/scenarios";

describe("allocation on the Losser baseline", () => {
  const basis = loadScenario("basis");
  const run = runOne(basis);

  it("keeps the list of social homes equal to the stock model's social homes per kern every quarter", () => {
    expect(run.listSocial).toEqual(run.stockSocial);
  });

  it("lets every vacancy or carries it over: vacancies = allocations + removed while vacant + open at year end", () => {
    const total = run.metric("vacancies.total");
    const allocated = run.metric("allocations.total");
    const removed = run.metric("vacancies.removed");
    const open = run.metric("vacancies.open");
    total.forEach((v, y) => {
      expect(v).toBe(allocated[y] + removed[y] + open[y]);
    });
  });
});

describe("homes labelled for sale and the taakstelling (the agreement, H6)", () => {
  // Far more statushouders than homes: the taakstelling stays behind, so vacant homes labelled for sale
  // go to statushouders who waited, and sitting tenants buy their homes instead.
  const behind = (useSaleHomes: boolean) => {
    const scenario = loadScenario("basis");
    scenario.allocation!.statushouders = { perThousandInhabitants: 15, useSaleHomes };
    return runOne(scenario);
  };

  it("lets sale homes to statushouders while keeping the list of homes equal to the stock", () => {
    const run = behind(true);
    expect(run.metric("statushouders.in_sale_homes").reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
    expect(run.listSocial).toEqual(run.stockSocial);
  });

  it("sells every labelled home as before when the rule is off", () => {
    const run = behind(false);
    expect(run.metric("statushouders.in_sale_homes").every((x) => x === 0)).toBe(true);
    expect(run.metric("sales.sociale_huur")).toEqual(behind(true).metric("sales.sociale_huur"));
  });
});
