import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { buildSite, launchBrowser, serveSite } from "../test/browser/harness";

/**
 * The pages' speed as a user meets it, in Debian's Chromium on the built site: script shipped to each
 * page (gzipped, workers included), the first chart after a cold load, a planners' slider to the
 * redrawn chart, an SHBL lever to every chart settled, and the council's comparison with everything
 * in it. Medians of five where a user repeats the action. Called by `npm run bench`; figures only,
 * beside the aims of issue 14 — no pass or fail, the machine may be shared.
 */

const OUT_DIR = "dist-bench";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Row {
  figure: string;
  value: string;
  aim: string;
}

async function scriptWeight(page: Page, url: string, settle: () => Promise<unknown>): Promise<number> {
  const files = new Set<string>();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".js")) files.add(path);
  });
  await page.goto(url);
  await settle();
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(OUT_DIR, f))).length;
  return bytes;
}

const markAt = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);

/**
 * Time from typing `value` into the input at `selector` to the frame after every figure shows a result
 * other than the one before, all of the same scenario, with the run done.
 */
async function timed(
  page: Page,
  selector: string,
  value: number,
  figures = "figure[data-chart]",
  /** Until the run is done (all runs); false: until the first result drawn (the page's first look). */
  final = true,
): Promise<number> {
  return page.evaluate(
    async ({ selector, value, figures, final }) => {
      // No named inner functions: the bench runs through tsx, whose names would not exist in the page.
      const before = new Set(
        [...document.querySelectorAll<HTMLElement>(figures)].map((f) => f.dataset.scenarioHash),
      );
      const start = performance.now();
      const input = document.querySelector<HTMLInputElement>(selector)!;
      input.value = String(value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = [...document.querySelectorAll<HTMLElement>(figures)].map((f) => f.dataset.scenarioHash);
        const progress = document.querySelector<HTMLElement>(".ws-progress")?.dataset.state;
        if (
          now.length > 0 &&
          now.every((h) => !before.has(h)) &&
          new Set(now).size === 1 &&
          (!final || progress === "klaar")
        )
          break;
      }
      // Until the frame with the new charts is painted.
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    },
    { selector, value, figures, final },
  );
}

/** The pages timed; `only` (page names, e.g. from the command line) times just those. */
export async function benchPages(only: readonly string[] = []): Promise<Row[]> {
  buildSite(OUT_DIR);
  const server = await serveSite(OUT_DIR);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    const ready = (page: Page, selector: string) => () =>
      page.locator(selector).first().waitFor({ state: "attached", timeout: 120_000 });
    for (const [name, selector] of [
      ["bouwplanning", 'figure[data-chart="realisatie"] svg'],
      ["betaalbaarheid", 'figure[data-chart="betaalrisico"] svg'],
      ["raad", '[data-chart^="tornado"] svg'],
      ["methode", ".ws-calibration"],
    ] as const) {
      if (only.length > 0 && !only.includes(name)) continue;
      const page = await browser.context.newPage();
      const bytes = await scriptWeight(page, `${server.url}/${name}.html`, ready(page, selector));
      rows.push({
        figure: `script naar ${name} (gzip, met werkers)`,
        value: `${Math.round(bytes / 1024)} kB`,
        aim: "≤ 350 kB",
      });
      if (name === "bouwplanning") {
        const first = await markAt(page, "woonscenario:eerste-grafiek");
        rows.push({
          figure: "eerste grafiek na koude start",
          value: `${Math.round(first)} ms`,
          aim: "≤ 1.000 ms",
        });
        await page.waitForFunction(
          () => document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar",
        );
        const times: number[] = [];
        for (const v of [20, 22, 24, 26, 28])
          times.push(
            await timed(
              page,
              'input[name="pipeline.statuses.hard.delayMonths.mode"]',
              v,
              'figure[data-chart="realisatie"]',
            ),
          );
        rows.push({
          figure: "schuif → nieuwe grafiek (mediaan van 5)",
          value: `${Math.round(median(times))} ms`,
          aim: "≤ 150 ms",
        });
      }
      if (name === "betaalbaarheid") {
        await page.waitForFunction(
          () => document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar",
          undefined,
          { timeout: 120_000 },
        );
        const first: number[] = [];
        for (const v of [3, 4, 5, 6, 7]) {
          first.push(await timed(page, 'input[name="verkoop"]', v, undefined, false));
          await page.waitForFunction(
            () => document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar",
            undefined,
            { timeout: 120_000 },
          );
        }
        rows.push({
          figure: "SHBL-hefboom → eerste blik, 100 runs (mediaan van 5)",
          value: `${Math.round(median(first))} ms`,
          aim: "direct",
        });
        const times: number[] = [];
        for (const v of [8, 9, 10, 11, 12]) times.push(await timed(page, 'input[name="verkoop"]', v));
        rows.push({
          figure: "SHBL-hefboom → alle grafieken klaar (mediaan van 5)",
          value: `${Math.round(median(times))} ms`,
          aim: "≤ 500 ms bij 1.000 runs",
        });
      }
      if (name === "raad") {
        await page.waitForFunction(
          () => document.querySelector<HTMLElement>("[data-allocation]")?.dataset.allocation === "klaar",
          undefined,
          { timeout: 180_000 },
        );
        const end = await page.evaluate(() => performance.now());
        rows.push({
          figure: "raad: alles incl. toewijzingsdoelen na openen",
          value: `${Math.round(end)} ms`,
          aim: "≤ 3.000 ms (vier scenario's)",
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `npx tsx scripts/bench-pages.ts betaalbaarheid`: only the pages named.
  const rows = await benchPages(process.argv.slice(2));
  for (const r of rows) console.log(`${r.figure.padEnd(58)} ${r.value.padStart(10)}   doel ${r.aim}`);
}
