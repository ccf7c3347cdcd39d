import type { Scenario } from "../../engine/index";
import { builtinScenario } from "./builtin";
import { linkedScenario } from "./share-url";
import type { KeyValueStorage } from "./storage";
import { restoreWorking } from "./store";

/**
 * The scenario a page that only reads one shows (the overview, the method): the one in the link it was
 * opened with, else the planners' working copy in this browser, else the shipped baseline.
 */
export async function shownScenario(storage: KeyValueStorage, hash: string): Promise<Scenario> {
  const linked = await linkedScenario(hash);
  if (linked) return linked;
  const working = restoreWorking(storage);
  return working?.ok ? working.value : builtinScenario("basis");
}
