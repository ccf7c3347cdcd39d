import { formatCount } from "../../kernel/format";

/**
 * A progress bar on a terminal's stderr for long work: runs done, runs per second and time left, at
 * most four times a second, erased when the work is done so the tables below it read as before. The
 * command line only makes one when stderr and stdout are both terminals and `--stil` is not given.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface Progress {
  /** Runs done of this piece of work (a scenario, a grid point); `offset` adds the pieces before it. */
  update(done: number): void;
  /** The next piece starts after `runs` more runs. */
  advance(runs: number): void;
  finish(): void;
}

export const SILENT: Progress = { update() {}, advance() {}, finish() {} };

const EVERY_MS = 250;

export function progressBar(
  stream: ProgressStream,
  label: string,
  total: number,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let offset = 0;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  const draw = (done: number) => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const time =
      left === undefined
        ? ""
        : ` · nog ${left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`}`;
    const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${formatCount(done)}/${formatCount(total)} runs · ${formatCount(rate)} runs/s${time}`;
    // A terminal of unknown width (a pseudo-terminal reports 0) is taken as 80 columns wide.
    const columns = stream.columns && stream.columns >= 20 ? stream.columns : 80;
    stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
    shown = true;
  };
  return {
    update(done) {
      const t = now();
      if (t - last < EVERY_MS) return;
      last = t;
      draw(Math.min(total, offset + done));
    },
    advance(runs) {
      offset += runs;
    },
    finish() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
