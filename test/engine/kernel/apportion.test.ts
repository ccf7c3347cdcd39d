import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "../../../engine/kernel/apportion";

const f64 = (xs: number[]) => Float64Array.from(xs);

describe("apportion", () => {
  it("splits in proportion to the weights when that is whole", () => {
    const out = new Float64Array(3);
    expect(apportion(10, f64([50, 30, 20]), f64([100, 100, 100]), out, new Float64Array(3))).toBe(10);
    expect(Array.from(out)).toEqual([5, 3, 2]);
  });

  it("never gives a place more than its cap, and reports what could not be placed", () => {
    const out = new Float64Array(2);
    expect(apportion(10, f64([9, 1]), f64([3, 2]), out, new Float64Array(2))).toBe(5);
    expect(Array.from(out)).toEqual([3, 2]);
  });

  it("carries fractions over, so one unit a quarter reaches the smaller place in its fair share", () => {
    const credit = new Float64Array(2);
    const out = new Float64Array(2);
    const given = [0, 0];
    for (let q = 0; q < 30; q++) {
      apportion(1, f64([2, 1]), f64([100, 100]), out, credit);
      given[0] += out[0];
      given[1] += out[1];
    }
    expect(given).toEqual([20, 10]);
  });

  it("places every unit the caps allow, whatever the weights (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (total, places) => {
          const weights = f64(places.map(([w]) => w));
          const caps = f64(places.map(([, c]) => c));
          const out = new Float64Array(places.length);
          const placed = apportion(total, weights, caps, out, new Float64Array(places.length));
          const room = places.reduce((s, [, c]) => s + c, 0);
          expect(placed).toBe(Math.min(total, room));
          expect(out.reduce((s, x) => s + x, 0)).toBe(placed);
          out.forEach((x, i) => {
            expect(Number.isInteger(x) && x >= 0 && x <= caps[i]).toBe(true);
          });
        },
      ),
    );
  });
});
