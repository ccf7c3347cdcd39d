import { configDefaults, defineConfig } from "vitest/config";

// vitest 5 prints failures with Map.groupBy, which Node 20 lacks (it wants Node 22): without this,
// a failing test on Node 20 ends in a TypeError instead of its message.
if (!("groupBy" in Map)) {
  Object.defineProperty(Map, "groupBy", {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        groups.set(k, [...(groups.get(k) ?? []), item]);
      }
      return groups;
    },
  });
}

/**
 * Three projects, all run by `npm test` (`vitest run`):
 * - unit: everything quick, on small scenarios (`npm run test:unit`, about a minute);
 * - slow: whole-model runs of the Losser baseline, in files named `*.slow.test.ts` (`npm run test:slow`);
 * - browser: the built site in Chromium (test/browser/).
 * Unit and slow test files share their worker's modules (`isolate: false`): importing the engine anew
 * for every file cost more than the tests themselves. No test mocks a module or stubs a global, and the
 * engine's module-level caches (a seed's key, parsed built-in scenarios, handed out as copies) give
 * the same answer to every file.
 */
const SLOW = "test/**/*.slow.test.ts";
const BROWSER = "test/browser/**";

export default defineConfig({
  test: {
    // Property tests run hundreds of whole simulations, and the browser tests build the site and
    // drive Chromium: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          isolate: false,
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, SLOW, BROWSER],
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          isolate: false,
          include: [SLOW],
          exclude: [...configDefaults.exclude, BROWSER],
        },
      },
      { extends: true, test: { name: "browser", include: [`${BROWSER}/*.test.ts`] } },
    ],
  },
});
