import type { ParseResult, Scenario } from "../engine/index";
import { builtinScenario } from "./builtin-scenarios";
import type { RentSplit } from "./controls/rent-split";
import { type Reference, trackReference } from "./reference";
import { withFigure } from "./scenario-edit";
import { createScenarioStore, type ScenarioStore } from "./scenario-store";
import type { Session } from "./session";
import { startBrowserSession } from "./spawn-worker";
import "./planner.css";

/**
 * What SHBL's notebook runs on: the whole model (stock, pipeline, allocation and affordability), so
 * each run costs some fifty times the planners' one: 300 runs, with a first look at 100. The scenario
 * lives in this page only; the planners' working copy in the browser is left alone.
 */
export const AFFORDABILITY_RUNS = 300;
export const AFFORDABILITY_PREVIEW = 100;

export interface AffordabilityLab {
  store: ScenarioStore;
  session: Session;
  /** Start again from another scenario (with this notebook's number of runs); a bad one changes nothing. */
  choose(scenario: Scenario): ParseResult<Scenario>;
  /** The starting point's result, to set each change against. */
  reference: Reference;
}

const withRuns = (s: Scenario): Scenario => ({
  ...s,
  simulation: { ...s.simulation, runs: AFFORDABILITY_RUNS },
});

export function startAffordability(initial: Scenario = builtinScenario("basis")): AffordabilityLab {
  const session = startBrowserSession();
  const store = createScenarioStore(withRuns(initial));
  const reference = trackReference(session, store.current());
  store.subscribe((scenario) => void session.request(scenario));
  void session.request(store.current(), { preview: AFFORDABILITY_PREVIEW });
  const choose = (scenario: Scenario) => {
    const applied = store.apply(withRuns(scenario), "startpunt");
    // Its run has only been asked for: the result comes later and is recognised as the new start.
    if (applied.ok) reference.restart(applied.value);
    return applied;
  };
  return { store, session, choose, reference };
}

/** SHBL's levers, each a change of a scenario; the store checks the result against the schema. */
export const levers = {
  /**
   * The yearly rent increase against wage growth (the national agreements: rents follow wages). A
   * published maximum still caps it; after the published years it may go above wages.
   */
  rentSpread(s: Scenario, spread: number): Scenario {
    if (!s.affordability) return s;
    const out = withFigure(s, ["affordability", "rentPolicy", "spread"], spread);
    out.affordability!.rentPolicy.mode = "loon";
    return out;
  },
  freezeYear(s: Scenario, year: number | undefined): Scenario {
    const a = structuredClone(s.affordability);
    if (!a) return s;
    a.rentPolicy.freezeYears = year === undefined ? [] : [year];
    return { ...s, affordability: a };
  },
  salesPerYear(s: Scenario, homes: number): Scenario {
    return { ...s, policy: { ...s.policy, sales: { ...s.policy.sales, perYear: homes } } };
  },
  /** Homes Domijn buys into the social stock per year (the years without a figure of their own). */
  acquisitionsPerYear(s: Scenario, homes: number): Scenario {
    return {
      ...s,
      policy: { ...s.policy, acquisitions: { ...s.policy.acquisitions, perYear: homes } },
    };
  },
  /** Domijn's own homes with the worst label that get a warme jas each year (beyond the homes it sells). */
  warmeJasPerYear(s: Scenario, homes: number): Scenario {
    const a = structuredClone(s.affordability);
    if (!a) return s;
    a.energy.warmeJasPerYear = homes;
    return { ...s, affordability: a };
  },
  /** How the streefhuren of the social homes are spread over the rent bands (the four add up to 1). */
  rentSplit(s: Scenario, split: RentSplit): Scenario {
    const al = structuredClone(s.allocation);
    if (!al) return s;
    al.dwellings.rentBandShares = {
      ...split,
      basis: "estimate",
      source: "Gekozen in de notebook Betaalbaarheid (de overeenkomst: 2,5% / 60% / 25% / 12,5%)",
    };
    return { ...s, allocation: al };
  },
  freeAllocationShare(s: Scenario, share: number): Scenario {
    const al = structuredClone(s.allocation);
    if (!al) return s;
    al.freeAllocation.share = share;
    return { ...s, allocation: al };
  },
  /** Who goes first: urgent households or statushouders (the rest of the order stays). */
  firstGroup(s: Scenario, first: "urgent" | "statushouder"): Scenario {
    const al = structuredClone(s.allocation);
    if (!al) return s;
    const rest = al.order.filter((g) => g !== "urgent" && g !== "statushouder");
    al.order = first === "urgent" ? ["urgent", "statushouder", ...rest] : ["statushouder", "urgent", ...rest];
    return { ...s, allocation: al };
  },
};
