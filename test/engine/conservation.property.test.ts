import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runKey } from "../../engine/kernel/random";
import { parseScenario } from "../../engine/parse";
import { runOnce, runWork } from "../../engine/run";
import { prepare } from "../../engine/simulate";
import { arbitraryScenario } from "../helpers/arbitrary";

describe("the stock model over random valid scenarios", () => {
  it("generates only scenarios the schema accepts", () => {
    fc.assert(
      fc.property(arbitraryScenario, (input) => {
        const result = parseScenario(input);
        expect(result.ok ? [] : result.problems).toEqual([]);
      }),
    );
  });

  it("conserves dwellings per kern, segment and owner in every quarter, never goes negative and never makes NaN", () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error("invalid generated scenario");
        const { model, layout } = prepare(parsed.value);
        const record = new Float64Array(layout.defs.length * model.cal.nYears);
        const work = runWork(model, layout);
        let quarters = 0;
        let totalIn = 0;
        for (let run = 0; run < 3; run++) {
          runOnce(model, layout, runKey(seed, run), work, record, (_q, before, flowIn, flowOut, after) => {
            quarters++;
            for (let c = 0; c < after.length; c++) {
              // Exact: whole dwellings in doubles add without rounding.
              if (after[c] !== before[c] + flowIn[c] - flowOut[c]) throw new Error(`cell ${c} not conserved`);
              if (after[c] < 0 || flowIn[c] < 0 || flowOut[c] < 0) throw new Error(`cell ${c} negative`);
              totalIn += flowIn[c];
            }
          });
          for (const x of record) if (!Number.isFinite(x)) throw new Error("non-finite metric");
        }
        expect(quarters).toBe(3 * model.cal.nQuarters);
        expect(totalIn).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it("adds to the stock exactly what was completed, split and bought, minus what was demolished", () => {
    fc.assert(
      fc.property(arbitraryScenario, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error("invalid generated scenario");
        const { model, layout } = prepare(parsed.value);
        const nY = model.cal.nYears;
        const record = new Float64Array(layout.defs.length * nY);
        runOnce(model, layout, runKey(1, 0), runWork(model, layout), record);
        const sum = (m: number) => record.subarray(m * nY, (m + 1) * nY).reduce((s, x) => s + x, 0);
        const start = model.initialStock.reduce((s, x) => s + x, 0);
        const end = record[layout.stockTotal * nY + nY - 1];
        // Sales and acquisitions move dwellings between segments; they do not change the total.
        expect(end).toBe(
          start + sum(layout.completionsTotal) + sum(layout.splittingAdded) - sum(layout.demolitions),
        );
      }),
      { numRuns: 150 },
    );
  });
});
