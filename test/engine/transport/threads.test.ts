import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../engine/transport/cli";

describe("run --threads", () => {
  it("gives byte-identical summary.json and yearly.csv with 2 threads and with 1 (two chunks of at most 500 runs)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "woonscenario-threads-"));
    try {
      const files: Record<string, string[]> = {};
      for (const threads of ["1", "2"]) {
        const out = join(dir, threads);
        const code = await main(
          ["run", "--runs", "520", "--seed", "11", "--threads", threads, "--out", out, "--stil"],
          () => {},
          () => {},
        );
        expect(code).toBe(0);
        files[threads] = await Promise.all(
          ["summary.json", "yearly.csv"].map((f) => readFile(join(out, f), "utf8")),
        );
      }
      expect(files["2"]).toEqual(files["1"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
