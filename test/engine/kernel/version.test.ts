import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_VERSION } from "../../../engine/kernel/version";

describe("ENGINE_VERSION", () => {
  it("equals the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
