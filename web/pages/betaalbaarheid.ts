import type { ParseResult, Scenario } from "../../engine/index";
import { type Reference, trackReference } from "../client/reference";
import type { Session } from "../client/session";
import { startBrowserSession } from "../client/spawn-worker";
import { builtinScenario } from "../scenario/builtin";
import { createScenarioStore, type ScenarioStore } from "../scenario/store";
import "../styles/page.css";

/**
 * What the tenants' notebook runs on: the whole model (stock, pipeline, allocation and affordability), so
 * each run costs some fifty times the planners' one: 1,000 runs, with a first look at 100 (a lever to
 * every chart settled took 1.1–1.3 s at 1,000 runs on the shared 2-core machine at load 1–2, December
 * 2026; 2.1 s at load 4–5; see the README, Snelheid). The scenario
 * lives in this page only; the planners' working copy in the browser is left alone.
 */
export const AFFORDABILITY_RUNS = 1000;
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
  // Every change gets the first look too: 100 runs settle in about a tenth of the time, so a lever
  // answers at once, and the full 1,000 follow (a newer change cancels both).
  const ask = (scenario: Scenario) => void session.request(scenario, { preview: AFFORDABILITY_PREVIEW });
  store.subscribe(ask);
  ask(store.current());
  // A new starting point (chosen, or brought back by undo): its run has only been asked for, and its
  // result is recognised as the new reference when it comes.
  let start = store.start();
  store.subscribe(() => {
    if (store.start() === start) return;
    start = store.start();
    reference.restart(start);
  });
  const choose = (scenario: Scenario) => store.apply(withRuns(scenario), "startpunt", { asStart: true });
  return { store, session, choose, reference };
}
