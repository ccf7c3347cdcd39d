import { describe, expect, it } from "vitest";
import { progressBar } from "../../../engine/transport/cli/progress";
import { fakeStream } from "../../helpers/cli";

describe("the progress bar", () => {
  it("draws at most four times a second, with runs, runs per second and time left, over pieces of work", () => {
    const stream = fakeStream(true);
    let now = 0;
    const bar = progressBar(stream, "sweep", 200, () => now);
    for (let done = 10; done <= 100; done += 10) {
      now += 50;
      bar.update(done);
    }
    // Ten updates over half a second: drawn at 50 ms and then at most every 250 ms.
    expect(stream.written).toHaveLength(2);
    bar.advance(100);
    now = 1000;
    bar.update(50);
    expect(stream.written.at(-1)).toBe(
      "\rsweep [##################------] 150/200 runs · 150 runs/s · nog 1 s\x1b[K",
    );
    bar.finish();
    expect(stream.written.at(-1)).toBe("\r\x1b[K");
  });

  it("fits a narrow terminal and erases nothing it did not draw", () => {
    const stream = { ...fakeStream(true), columns: 30 };
    const bar = progressBar(stream, "Basis Losser", 10, () => 1);
    bar.update(5);
    expect(stream.written[0].replace("\x1b[K", "").length).toBeLessThanOrEqual(30);
    const quiet = fakeStream(true);
    progressBar(quiet, "x", 10).finish();
    expect(quiet.written).toEqual([]);
  });
});
