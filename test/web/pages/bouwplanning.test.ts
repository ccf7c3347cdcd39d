import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openPlannerStore } from "../../../web/pages/bouwplanning";
import { moveProject } from "../../../web/scenario/edit";
import { scenarioFragment } from "../../../web/scenario/share-url";
import { memoryStorage, STORAGE_KEYS } from "../../../web/scenario/storage";
import { loadScenario } from "../../helpers/scenarios";

const basis = loadScenario();
const link = (bytes: Uint8Array) => `#scenario=${Buffer.from(bytes).toString("base64url")}`;

/** A browser whose working copy has an edit: P11 a year later. */
function storageWithEdits() {
  const storage = memoryStorage();
  const edited = { ...moveProject(basis, "P11", 12), name: "Mijn werk" };
  storage.setItem(STORAGE_KEYS.working, JSON.stringify(edited));
  return { storage, stored: storage.getItem(STORAGE_KEYS.working) };
}

describe("openPlannerStore", () => {
  const broken: Record<string, string> = {
    "not base64": "#scenario=!!not*base64!!",
    truncated: "",
    "not JSON": link(deflateRawSync("{kapot")),
    "schema-invalid": link(deflateRawSync(JSON.stringify({ ...basis, simulation: { runs: 0 } }))),
    "1.5 MB": `#scenario=${"A".repeat(1_500_000)}`,
  };

  it.each(Object.keys(broken))(
    "leaves the working copy as it was for a %s link, and says so",
    async (kind) => {
      let hash = broken[kind];
      if (kind === "truncated") {
        const good = await scenarioFragment(basis);
        hash = good.slice(0, Math.floor(good.length / 2));
      }
      const { storage, stored } = storageWithEdits();
      const { store, kind: said, text } = await openPlannerStore(storage, hash);
      expect(said).toBe("fout");
      expect(text).toMatch(
        /De link bevat geen geldig scenario\. Je werkversie "Mijn werk" is niet veranderd\./,
      );
      expect(store.current().name).toBe("Mijn werk");
      expect(storage.getItem(STORAGE_KEYS.working)).toBe(stored);
      expect(store.canUndo()).toBe(false);
    },
  );

  it("opens a good link as the new starting point; undo brings the working copy back", async () => {
    const { storage, stored } = storageWithEdits();
    const { store, text } = await openPlannerStore(storage, await scenarioFragment(basis));
    expect(text).toMatch(/geopend uit de link\. Met Ongedaan maken komt je vorige werkversie terug/);
    expect(store.current().name).toBe(basis.name);
    expect(store.start()).toBe(store.current());
    store.undo();
    expect(storage.getItem(STORAGE_KEYS.working)).toBe(stored);
  });
});
