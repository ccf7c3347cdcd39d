import { describe, expect, it } from "vitest";
import { REGULIER } from "../../../engine/allocation/vocabulary";
import { NO_VALUE } from "../../../engine/kernel/metric";
import { handScenario, runOne } from "../../helpers/allocation-fixtures";
import { parsed } from "../../helpers/scenarios";

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

describe("Domijn's local priority on the hand-checked scenario", () => {
  // The same scenario with the new apartments up to the first aftoppingsgrens, and every regular seeker
  // from the municipality: local households of one or two persons (starters 2 and 5, others 4 and 7) go
  // before the families (3 and 6), each group by registration.
  const scenario = handScenario();
  scenario.allocation!.dwellings.rentBandShares = {
    kwaliteitskorting: 0,
    aftopping_laag: 1,
    aftopping_hoog: 0,
    liberalisatie: 0,
  };
  const local = { localShare: 1, youngFromAge: 18, youngToAge: 22, smallMaxPersons: 2, seniorFromAge: 65 };

  it("lets homes up to the first aftoppingsgrens to local small households first, by registration", () => {
    scenario.allocation!.localPriority = local;
    const run = runOne(parsed(scenario));
    expect(run.allocations.map((a) => a.household)).toEqual([2, 4, 5]);
  });

  it("lets them by registration alone without the rule", () => {
    scenario.allocation!.localPriority = undefined;
    const run = runOne(parsed(scenario));
    expect(run.allocations.map((a) => a.household)).toEqual([2, 3, 4]);
  });
});

describe("statushouders outside social rent", () => {
  // No new homes, and 40 persons of taakstelling a year per 1.000 inhabitants: statushouders wait, and
  // after a quarter the municipality houses some elsewhere, at most 5 persons a year.
  const scenario = handScenario();
  scenario.projects = [];
  scenario.allocation!.statushouders = {
    perThousandInhabitants: 40,
    alternatives: { afterMonths: 3, personsPerYear: 5 },
  };
  const run = runOne(parsed(scenario));

  it("houses those who waited long enough elsewhere, up to the persons a year allowed, for the taakstelling", () => {
    // 2025 has one quarter: nobody has waited a quarter yet. In 2026 five one-person households.
    expect(run.metric("statushouders.alternative")).toEqual([0, 5]);
    expect(run.metric("allocations.statushouder")).toEqual([0, 0]);
    expect(run.metric("statushouders.housed_cumulative")).toEqual([0, 5]);
    // 10 arrived in 2025 and 40 in 2026; 5 left the queue for an alternative.
    expect(run.metric("queue.statushouder")).toEqual([10, 45]);
  });

  it("counts no regular seeker of 65 or older where none arrives", () => {
    expect(run.metric("share.seekers_65plus")).toEqual([0, 0]);
  });
});
