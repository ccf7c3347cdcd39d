import { planningScope, type Scenario } from "../../engine/index";
import type { Session } from "../client/session";
import { type Signal, signal } from "../client/signal";
import { startBrowserSession } from "../client/spawn-worker";
import { builtinScenario } from "../scenario/builtin";
import { scenarioFromFragment } from "../scenario/share-url";
import type { KeyValueStorage } from "../scenario/storage";
import { createScenarioStore, describeProblems, restoreWorking, type ScenarioStore } from "../scenario/store";
import "../styles/page.css";

/**
 * What the planners' notebook runs on: the scenario store, the worker pool and the session that turns
 * every change of the scenario into a new result. The notebook's cells only wire these to controls
 * and charts. A plain object on purpose: a comlink proxy must never become a cell's value.
 */
export interface Planner {
  store: ScenarioStore;
  session: Session;
  storage: KeyValueStorage;
  /** Where the scenario came from when the page opened, or why a stored one was not used. */
  notice: Signal<{ kind: "fout" | "info"; text: string }>;
}

async function initialScenario(
  storage: KeyValueStorage,
): Promise<{ scenario: Scenario; kind: "fout" | "info"; text: string }> {
  const shared = await scenarioFromFragment(location.hash);
  if (shared?.ok)
    return {
      scenario: shared.value,
      kind: "info",
      text: `Scenario "${shared.value.name}" geopend uit de link.`,
    };
  const basis = builtinScenario("basis");
  if (shared && !shared.ok) {
    return {
      scenario: basis,
      kind: "fout",
      text: `De link bevat geen geldig scenario:\n${describeProblems(shared.problems)}`,
    };
  }
  const working = restoreWorking(storage);
  if (working?.ok) return { scenario: working.value, kind: "info", text: "" };
  if (working && !working.ok) {
    return {
      scenario: basis,
      kind: "fout",
      text: `Het bewaarde werkscenario was beschadigd; het basisscenario is geladen.`,
    };
  }
  return { scenario: basis, kind: "info", text: "" };
}

export async function startPlanner(storage: KeyValueStorage = localStorage): Promise<Planner> {
  const session = startBrowserSession();
  const start = await initialScenario(storage);
  const store = createScenarioStore(start.scenario, storage);
  if (location.hash.startsWith("#scenario=")) {
    // From now on the opened scenario is the working copy; a reload must not reopen the link over edits.
    store.apply(start.scenario, "link");
    history.replaceState(null, "", location.pathname + location.search);
  }
  store.subscribe((scenario) => void session.request(planningScope(scenario)));
  // On opening the workers are cold (their code not yet optimised): show 200 runs first, then all.
  void session.request(planningScope(start.scenario), { preview: 200 });
  return { store, session, storage, notice: signal({ kind: start.kind, text: start.text }) };
}
