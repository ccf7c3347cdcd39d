import { expect } from "vitest";

/**
 * Byte-for-byte comparison of typed arrays and file contents. `expect(a).toEqual(b)` walks a result's
 * buffers element by element and takes seconds for a megabyte (twenty for a Buffer); this compares
 * the bytes at once and, when they differ, names the first element that does.
 */

type Bytes = ArrayBufferView & ArrayLike<number>;

const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Whether `a` and `b` hold the same bytes. */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return view(a).equals(view(b));
}

/** `actual` holds exactly the bytes of `expected`; fails naming the length or the first element that differs. */
export function expectSameBytes(actual: Bytes, expected: Bytes, what = "bytes"): void {
  if (sameBytes(actual, expected)) return;
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let i = 0;
  while (i < actual.length && Object.is(actual[i], expected[i])) i++;
  // Same length and every element the same value, yet other bytes: a NaN with another payload.
  expect({ element: i, value: actual[i] }, what).toEqual({ element: i, value: expected[i] });
  expect.fail(`${what}: same values, other bytes (a NaN with another payload?)`);
}
