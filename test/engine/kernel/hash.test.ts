import { describe, expect, it } from "vitest";
import { canonicalJson, scenarioHash } from "../../../engine/kernel/hash";

describe("scenarioHash", () => {
  it("ignores key order and undefined fields", () => {
    expect(scenarioHash({ a: 1, b: [1, { c: 2, d: undefined }] })).toBe(
      scenarioHash({ b: [1, { c: 2 }], a: 1 }),
    );
    expect(canonicalJson({ b: 1, a: "x" })).toBe('{"a":"x","b":1}');
  });

  it("changes when any value changes, and is 16 hex digits", () => {
    const h = scenarioHash({ a: 1 });
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioHash({ a: 2 })).not.toBe(h);
  });
});
