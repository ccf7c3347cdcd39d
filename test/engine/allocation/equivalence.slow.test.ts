import { describe, expect, it } from "vitest";
import { runKey } from "../../../engine/kernel/random";
import { runOnce, runWork } from "../../../engine/run";
import { prepare } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";
import { runOnce as referenceRunOnce, runWork as referenceRunWork } from "./reference/run";

/**
 * Is the fast allocation and affordability microsimulation the same model as the one it replaced?
 * The old implementation is kept, frozen, in ./reference (its run, queues, rules, tenancy, sync, yearly
 * records and the affordability's rents and measurement, as they stood at engine 0.5.0, with one change
 * made to both at 0.6.0: every walk over kernen that draws or breaks a tie goes in the order of the kern
 * ids, `am.kernOrder`, so the file's kern order changes no number; it uses the
 * engine's compiled model, vocabularies and household draws, which the rewrite left as they were).
 * Both run the Losser baseline for RUNS runs at one seed; for every allocation and affordability metric
 * and every year, and for the per-run mean of each affordability distribution (huurquote, woonquote,
 * woonlasten), the two samples of RUNS values are compared:
 *
 * - Kolmogorov–Smirnov, two-sample, asymptotic p-value (Numerical Recipes' small-sample correction). For
 *   discrete metrics (counts) the continuous KS p-value is conservative, so it only errs towards passing;
 *   those are therefore also held to the mean test below.
 * - Means: Welch's z = (mean_new − mean_old) / √(s²_old/n + s²_new/n), normal p-value. This is the
 *   tolerance from the standard errors for sparse and discrete metrics.
 * - Sparse metrics (no value in a year without allocations in a category): the share of runs with a value,
 *   by the two-proportion z-test, and KS and means over the runs that have one (when both have ≥ 20).
 *
 * Every p-value of every test over every (metric, year) pair is one family, corrected by Holm's step-down
 * (Bonferroni) at a family-wise α = 0.01: if the models are the same, this test fails by chance in at most
 * one try of a hundred. A pair whose two samples are identical (the same model drawing the same random
 * numbers) trivially passes; the test reports how many were bit-for-bit identical.
 */

const RUNS = 2_000;
const SEED = 1;
const ALPHA = 0.01;
/** Fewest values on each side before a KS or mean test is run on a sparse metric's present values. */
const MIN_PRESENT = 20;
const NO_VALUE = -1;

/** Kolmogorov's Q_KS(λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²}: the tail of the KS statistic. */
function kolmogorovQ(lambda: number): number {
  if (lambda < 0.3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

/** Two-sample KS p-value. */
function ksPValue(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const ne = Math.sqrt((x.length * y.length) / (x.length + y.length));
  return kolmogorovQ((ne + 0.12 + 0.11 / ne) * d);
}

/** Two-sided normal p-value of z (Abramowitz–Stegun 7.1.26 for erfc, |error| < 1.5e-7). */
function normalP(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}

function meanVar(a: number[]): [number, number] {
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  const v = a.reduce((s, x) => s + (x - m) * (x - m), 0) / Math.max(1, a.length - 1);
  return [m, v];
}

/** Welch's two-sample z-test of means; p = 1 when both samples are constant and equal. */
function meanPValue(a: number[], b: number[]): number {
  const [ma, va] = meanVar(a);
  const [mb, vb] = meanVar(b);
  const se = Math.sqrt(va / a.length + vb / b.length);
  if (se === 0) return ma === mb ? 1 : 0;
  return normalP((mb - ma) / se);
}

function proportionPValue(k1: number, n1: number, k2: number, n2: number): number {
  const p = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return k1 / n1 === k2 / n2 ? 1 : 0;
  return normalP((k2 / n2 - k1 / n1) / se);
}

interface Check {
  what: string;
  p: number;
}

/** Holm's step-down: the checks that fail at family-wise level α. */
function holmFailures(checks: Check[], alpha: number): Check[] {
  const sorted = [...checks].sort((a, b) => a.p - b.p);
  const failed: Check[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].p > alpha / (sorted.length - i)) break;
    failed.push(sorted[i]);
  }
  return failed;
}

describe("the fast allocation and affordability model is the model it replaced", () => {
  it(`gives the same distribution of every allocation and affordability metric per year over ${RUNS} runs`, () => {
    const { model, layout } = prepare(loadScenario("basis"));
    const alloc = layout.allocation;
    const aff = layout.affordability;
    if (!alloc || !aff) throw new Error("basis has allocation and affordability");
    const nY = model.cal.nYears;
    // Allocation and affordability metrics are every metric after the stock model's.
    const first = alloc.allocationsTotal;
    const nMetrics = layout.defs.length;
    const nDist = layout.distributions.length;
    const perRun = nMetrics - first + nDist;
    const samples = [new Float64Array(RUNS * perRun * nY), new Float64Array(RUNS * perRun * nY)];
    const record = new Float64Array(nMetrics * nY);
    const reference = referenceRunWork(model, layout);
    const fast = runWork(model, layout);
    const implementations = [
      {
        histograms: reference.histograms,
        once: (run: number) => referenceRunOnce(model, layout, run, reference, record),
      },
      { histograms: fast.histograms, once: (run: number) => runOnce(model, layout, run, fast, record) },
    ];
    implementations.forEach(({ histograms, once }, which) => {
      const out = samples[which];
      const { sums, n } = histograms;
      const sums0 = new Float64Array(sums.length);
      const n0 = new Float64Array(n.length);
      for (let r = 0; r < RUNS; r++) {
        sums0.set(sums);
        n0.set(n);
        once(runKey(SEED, r));
        for (let m = first; m < nMetrics; m++)
          for (let y = 0; y < nY; y++) out[((m - first) * nY + y) * RUNS + r] = record[m * nY + y];
        // The run's own mean of each distribution (huurquote …) in each year.
        for (let dd = 0; dd < nDist; dd++) {
          const resolution = layout.distributions[dd].resolution;
          for (let y = 0; y < nY; y++) {
            const i = dd * nY + y;
            const count = n[i] - n0[i];
            out[((nMetrics - first + dd) * nY + y) * RUNS + r] =
              count > 0 ? ((sums[i] - sums0[i]) * resolution) / count : NO_VALUE;
          }
        }
      }
    });

    const checks: Check[] = [];
    let identical = 0;
    let pairs = 0;
    for (let m = 0; m < perRun; m++) {
      const name =
        m < nMetrics - first
          ? layout.defs[m + first].id
          : `${layout.distributions[m - nMetrics + first].id}.mean`;
      for (let y = 0; y < nY; y++) {
        pairs++;
        const at = (m * nY + y) * RUNS;
        const old = Array.from(samples[0].subarray(at, at + RUNS));
        const neu = Array.from(samples[1].subarray(at, at + RUNS));
        if (old.every((v, i) => v === neu[i])) {
          identical++;
          continue;
        }
        const what = `${name} ${model.cal.startYear + y}`;
        const oldPresent = old.filter((v) => v !== NO_VALUE);
        const newPresent = neu.filter((v) => v !== NO_VALUE);
        if (oldPresent.length < RUNS || newPresent.length < RUNS)
          checks.push({
            what: `${what} share with a value`,
            p: proportionPValue(oldPresent.length, RUNS, newPresent.length, RUNS),
          });
        if (oldPresent.length >= MIN_PRESENT && newPresent.length >= MIN_PRESENT) {
          checks.push({ what: `${what} KS`, p: ksPValue(oldPresent, newPresent) });
          checks.push({ what: `${what} mean`, p: meanPValue(oldPresent, newPresent) });
        }
      }
    }
    const failed = holmFailures(checks, ALPHA);
    console.log(
      `equivalence: ${pairs} (metric, year) pairs, ${identical} identical, ${checks.length} tests, ${failed.length} failing at family-wise α = ${ALPHA} (Holm); smallest p: ${[
        ...checks,
      ]
        .sort((a, b) => a.p - b.p)
        .slice(0, 5)
        .map((c) => `${c.what} ${c.p.toExponential(2)}`)
        .join("; ")}`,
    );
    expect(failed.map((c) => `${c.what}: p = ${c.p.toExponential(2)}`)).toEqual([]);
  }, 900_000);

  it("has a KS test that does tell two different distributions apart", () => {
    const a = Array.from({ length: RUNS }, (_, i) => (i * 0.618) % 1);
    const b = a.map((v) => v + 0.1);
    expect(ksPValue(a, b)).toBeLessThan(ALPHA / 1000);
    expect(ksPValue(a, [...a].reverse())).toBe(1);
  });
});
