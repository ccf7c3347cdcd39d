import { type Compared, type ComparisonOptions, runComparison } from "../../web/client/comparison";
import { createPool } from "../../web/client/worker-pool";
import { builtinScenario } from "../../web/scenario/builtin";
import { fakeWorker, newLog } from "./fake-worker";

/** The council's comparison the tests read: basis, vertraging and basis again (a name made unique). */
export const [basis, vertraging] = ["basis", "vertraging"].map(builtinScenario);

/** That comparison, computed in a pool of two in-thread workers as the page's pool computes it. */
export async function compareBasisVertraging(options: ComparisonOptions): Promise<Compared[]> {
  const pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
  try {
    return (await runComparison(pool, [basis, vertraging, basis], options)) ?? [];
  } finally {
    pool.dispose();
  }
}
