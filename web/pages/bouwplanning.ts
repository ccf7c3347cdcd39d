import { planningScope } from "../../engine/index";
import type { Session } from "../client/session";
import { type Signal, signal } from "../client/signal";
import { startBrowserSession } from "../client/spawn-worker";
import { builtinScenario } from "../scenario/builtin";
import { scenarioFromFragment } from "../scenario/share-url";
import type { KeyValueStorage } from "../scenario/storage";
import {
  createScenarioStore,
  describeProblems,
  restoreStart,
  restoreWorking,
  type ScenarioStore,
} from "../scenario/store";
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

/**
 * The store the page opens with, and what to say about it. The working copy the browser kept is
 * loaded with its starting point (the basis when none was kept). A link's scenario is applied over it
 * as a new starting point, so "Ongedaan maken" brings the working copy back; a bad link changes
 * nothing at all, in the browser's storage least of all, and says so.
 */
export async function openPlannerStore(
  storage: KeyValueStorage,
  hash: string,
): Promise<{ store: ScenarioStore; kind: "fout" | "info"; text: string }> {
  const basis = builtinScenario("basis");
  const working = restoreWorking(storage);
  const damaged = working !== undefined && !working.ok;
  const store = createScenarioStore(working?.ok ? working.value : basis, storage, {
    start: working?.ok ? (restoreStart(storage) ?? basis) : basis,
  });
  const shared = await scenarioFromFragment(hash);
  if (shared?.ok) {
    store.apply(shared.value, "link", { asStart: true });
    return {
      store,
      kind: "info",
      text: `Scenario "${shared.value.name}" geopend uit de link.${working?.ok ? " Met Ongedaan maken komt je vorige werkversie terug." : ""}`,
    };
  }
  if (shared && !shared.ok) {
    const kept = working?.ok
      ? `Je werkversie "${working.value.name}" is niet veranderd.`
      : "Er is niets veranderd.";
    return {
      store,
      kind: "fout",
      text: `De link bevat geen geldig scenario. ${kept}\n${describeProblems(shared.problems)}`,
    };
  }
  if (damaged)
    return {
      store,
      kind: "fout",
      text: "Het bewaarde werkscenario was beschadigd; het basisscenario is geladen.",
    };
  return { store, kind: "info", text: "" };
}

export async function startPlanner(storage: KeyValueStorage = localStorage): Promise<Planner> {
  const session = startBrowserSession();
  const { store, kind, text } = await openPlannerStore(storage, location.hash);
  // A reload must not reopen the link (good or bad) over the edits made since.
  if (location.hash.startsWith("#scenario="))
    history.replaceState(null, "", location.pathname + location.search);
  store.subscribe((scenario) => void session.request(planningScope(scenario)));
  // On opening the workers are cold (their code not yet optimised): show 200 runs first, then all.
  void session.request(planningScope(store.current()), { preview: 200 });
  return { store, session, storage, notice: signal({ kind, text }) };
}
