/**
 * Buffers laid out `[series][run]` from chunks of runs computed apart (by a pool of workers), joined in
 * run order: the Monte Carlo result and the completion samples share these.
 */

export interface RunChunk {
  firstRun: number;
  runs: number;
}

/** The parts sorted by first run, checked to cover one unbroken range of runs. */
export function inRunOrder<T extends RunChunk>(parts: readonly T[]): T[] {
  if (parts.length === 0) throw new Error("mergeResults: geen delen om samen te voegen");
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  for (let i = 1; i < sorted.length; i++) {
    const expected = sorted[i - 1].firstRun + sorted[i - 1].runs;
    if (sorted[i].firstRun !== expected) {
      throw new Error(`mergeResults: runs ${expected} tot ${sorted[i].firstRun} ontbreken of overlappen`);
    }
  }
  return sorted;
}

type RunMajor = Float64Array | Float32Array | Uint8Array | Int32Array;

/** Join `[series][run]` buffers of consecutive chunks into one buffer of all their runs. */
export function concatRuns<A extends RunMajor>(
  buffers: readonly A[],
  runsPerPart: readonly number[],
  nSeries: number,
  make: (length: number) => A,
): A {
  const total = runsPerPart.reduce((a, b) => a + b, 0);
  const out = make(nSeries * total);
  let offset = 0;
  buffers.forEach((buffer, i) => {
    const runs = runsPerPart[i];
    for (let s = 0; s < nSeries; s++) out.set(buffer.subarray(s * runs, (s + 1) * runs), s * total + offset);
    offset += runs;
  });
  return out;
}
