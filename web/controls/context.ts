import type { ParseResult, Scenario } from "../../engine/index";
import type { Session } from "../client/session";
import type { Signal } from "../client/signal";
import type { KeyValueStorage } from "../scenario/storage";
import type { ScenarioStore } from "../scenario/store";

/**
 * What a control works on: the scenario store it edits and the session that runs it. A page builds
 * one and hands it to its controls; no control knows which notebook it sits in.
 */
export interface Workbench {
  store: ScenarioStore;
  session: Session;
}

/** A workbench whose scenarios can be saved in the browser, with a line for what happened on opening. */
export interface SavingWorkbench extends Workbench {
  storage: KeyValueStorage;
  notice: Signal<{ kind: "fout" | "info"; text: string }>;
}

/** A workbench that can start again from another scenario; a bad one changes nothing. */
export interface StartingWorkbench extends Workbench {
  choose(scenario: Scenario): ParseResult<Scenario>;
}
