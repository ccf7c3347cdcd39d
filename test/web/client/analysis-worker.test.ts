import { describe, expect, it } from "vitest";
import { newestOnly } from "../../../web/client/analysis-worker";

/** The analysis worker's calls: one at a time, the newest of those waiting, a failure tried once more. */
describe("newestOnly", () => {
  it("makes calls one at a time and skips those a newer call overtook while they waited", async () => {
    const made: string[] = [];
    let release: () => void = () => {};
    const task = newestOnly(async (name: string) => {
      made.push(name);
      if (name === "a") await new Promise<void>((r) => (release = r));
      return name.toUpperCase();
    });
    const a = task("a");
    await new Promise((r) => setTimeout(r, 0));
    // "a" runs; "b" and "c" wait, and "c" overtakes "b".
    const b = task("b");
    const c = task("c");
    await new Promise((r) => setTimeout(r, 0));
    expect(made).toEqual(["a"]);
    release();
    expect(await Promise.all([a, b, c])).toEqual(["A", undefined, "C"]);
    expect(made).toEqual(["a", "c"]);
  });

  it("tries a failed call once more, then gives its error; the next call still runs", async () => {
    let failures = 1;
    const made: number[] = [];
    const task = newestOnly(async (n: number) => {
      made.push(n);
      if (failures-- > 0) throw new Error("De rekenwerker is gestopt");
      return n;
    });
    expect(await task(1)).toBe(1);
    failures = 2;
    await expect(task(2)).rejects.toThrow(/gestopt/);
    expect(await task(3)).toBe(3);
    expect(made).toEqual([1, 1, 2, 2, 3]);
  });
});
