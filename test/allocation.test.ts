import { describe, expect, it } from "vitest";
import { readScenario, runOne } from "./allocation-fixtures";

describe("allocation on the Losser baseline", () => {
  const basis = readScenario("basis.json");
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
