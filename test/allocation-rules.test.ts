import { describe, expect, it } from "vitest";
import { REGULIER } from "../engine/allocation/vocabulary";
import { NO_VALUE } from "../engine/metrics";
import { handScenario, parsed, runOne } from "./allocation-fixtures";

describe("allocation rules on a hand-checked scenario", () => {
  // Households 0 and 1 are the sitting tenants. Arrivals come per quarter in type order (starter,
  // family, other): quarter 0 (Q4 2025) brings 2, 3, 4; quarter 1 brings 5, 6, 7 and the three new
  // apartments (two rooms, rent up to the second aftoppingsgrens), homes 2, 3 and 4.
  // Starters (one person under the income limit) may only rent up to the first aftoppingsgrens: passend
  // toewijzen keeps them out. By registration: family 3 and other 4 (quarter 0), then family 6 (quarter 1,
  // arrived before other 7).
  const run = runOne(parsed(handScenario()));

  it("allocates the three new homes to families and others by registration, never to starters", () => {
    expect(
      run.allocations.map(({ quarter, household, dwelling, group }) => [quarter, household, dwelling, group]),
    ).toEqual([
      [1, 3, 2, REGULIER],
      [1, 4, 3, REGULIER],
      [1, 6, 4, REGULIER],
    ]);
    expect(run.allocations.every((a) => !a.exception)).toBe(true);
  });

  it("reports allocations, search times and queues per year", () => {
    // 2025: three registered, none housed. 2026: three housed after 1, 1 and 0 quarters: median 0,25 year.
    expect(run.metric("allocations.regulier")).toEqual([0, 3]);
    // Nobody was housed in 2025, so that year has no search time at all (NO_VALUE), not a search time of 0.
    expect(run.metric("search_time.regulier")).toEqual([NO_VALUE, 0.25]);
    // By household type in the kern: the families waited 1 and 0 quarters (median 0,125 year), the other
    // household 1 quarter; no starter was housed at all.
    expect(run.metric("search_time.gezin@Dorp")).toEqual([NO_VALUE, 0.125]);
    expect(run.metric("search_time.overig@Dorp")).toEqual([NO_VALUE, 0.25]);
    expect(run.metric("search_time.starter@Dorp")).toEqual([NO_VALUE, NO_VALUE]);
    expect(run.metric("vacancies.new_building")).toEqual([0, 3]);
    expect(run.metric("households.registered")).toEqual([3, 12]);
    // Waiting at the end of 2025: 3; of 2026: 15 registered − 3 housed.
    expect(run.metric("queue.total")).toEqual([3, 12]);
    // 2025 let no home to anyone under the income limit: no share to report. In 2026 both families
    // (€ 20.000, under the limit) got homes within their rent ceiling.
    expect(run.metric("share.passend_toegewezen")).toEqual([NO_VALUE, 1]);
  });
});
