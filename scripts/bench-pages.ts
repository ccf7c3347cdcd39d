import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { buildSite, launchBrowser, serveSite } from "../test/browser/harness";

/**
 * The pages' speed as a user meets it, in Debian's Chromium on the built site: script shipped to each
 * page (gzipped, workers included), the first chart after a cold load, a planners' slider to the
 * redrawn chart, an SHBL lever to every chart settled, and the council's comparison with everything
 * in it (two scenarios, and the four of its aim). Medians of five where a user repeats the action.
 * Called by `npm run bench`, and by test/browser/page-timings.test.ts; figures only,
 * beside the aims of issue 14 — no pass or fail, the machine may be shared.
 */

const OUT_DIR = "dist-bench";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One figure measured: what, how much, in what unit, and issue 14's aim beside it (no pass or fail). */
export interface Row {
  figure: string;
  value: number;
  unit: "kB" | "ms";
  aim: string;
}

export interface BenchOptions {
  /** Pages to time (e.g. from the command line); all when empty. */
  only?: readonly string[];
  /** How often a user's repeated action is timed, of which the median counts (default 5). */
  repeats?: number;
}

/** The figures as a JSON record: when, on what machine, under what load. */
export function timingsRecord(rows: readonly Row[]) {
  return {
    measured: new Date().toISOString(),
    machine: `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} kernen`,
    load: Number(loadavg()[0].toFixed(1)),
    rows,
  };
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

/** The council's aim is for four scenarios: the baseline and three of the shipped ones beside it. */
const FOUR_SCENARIOS = "basis,vertraging,versnelling,meer-verkoop";

/**
 * Installed before the council's page loads: the moment each state of the comparison's note first shows
 * (voorlopig, klaar) and the tornado is drawn, on the page's clock. No named inner functions (tsx would rename them).
 */
const recordCouncilStates = () => {
  const at: Record<string, number> = {};
  (window as unknown as { councilStates: Record<string, number> }).councilStates = at;
  new MutationObserver(() => {
    const state = document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison;
    if (state && !(state in at)) at[state] = performance.now();
    if (!("tornado" in at) && document.querySelector('[data-chart^="tornado"] svg'))
      at.tornado = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

/** From opening the council's page: its first look (every target, 100 runs a scenario), and everything there. */
async function councilTimings(page: Page, which: string, count: number): Promise<Row[]> {
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison === "klaar" &&
      document.querySelector('[data-chart^="tornado"] svg') !== null,
    undefined,
    { timeout: 180_000, polling: 10 },
  );
  const chosen = await page.locator('input[name="scenario"]:checked').count();
  if (chosen !== count) throw new Error(`raad: ${chosen} scenario's gekozen, ${count} verwacht`);
  const at = await page.evaluate(
    () => (window as unknown as { councilStates: Record<string, number> }).councilStates,
  );
  return [
    {
      figure: `raad, ${which}: eerste blik, alle doelen (100 runs per scenario)`,
      value: Math.round(at.voorlopig ?? Number.NaN),
      unit: "ms",
      aim: "direct",
    },
    {
      figure: `raad, ${which}: alles, met toewijzingsdoelen en tornado (1.000 runs)`,
      value: Math.round(Math.max(at.klaar, at.tornado)),
      unit: "ms",
      aim: "≤ 3.000 ms (vier scenario's)",
    },
  ];
}

/** The pages timed; `only` (page names, e.g. from the command line) times just those. */
export async function benchPages({ only = [], repeats = 5 }: BenchOptions = {}): Promise<Row[]> {
  const values = (from: number) => Array.from({ length: repeats }, (_, i) => from + i);
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
      if (name === "raad") await page.addInitScript(recordCouncilStates);
      const bytes = await scriptWeight(page, `${server.url}/${name}.html`, ready(page, selector));
      rows.push({
        figure: `script naar ${name} (gzip, met werkers)`,
        value: Math.round(bytes / 1024),
        unit: "kB",
        aim: "≤ 350 kB",
      });
      if (name === "bouwplanning") {
        const first = await markAt(page, "woonscenario:eerste-grafiek");
        rows.push({
          figure: "eerste grafiek na koude start",
          value: Math.round(first),
          unit: "ms",
          aim: "≤ 1.000 ms",
        });
        await page.waitForFunction(
          () => document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar",
        );
        const times: number[] = [];
        for (const v of values(20).map((i) => 2 * i - 20))
          times.push(
            await timed(
              page,
              'input[name="pipeline.statuses.hard.delayMonths.mode"]',
              v,
              'figure[data-chart="realisatie"]',
            ),
          );
        rows.push({
          figure: `schuif → nieuwe grafiek (mediaan van ${repeats})`,
          value: Math.round(median(times)),
          unit: "ms",
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
        for (const v of values(3)) {
          first.push(await timed(page, 'input[name="verkoop"]', v, undefined, false));
          await page.waitForFunction(
            () => document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar",
            undefined,
            { timeout: 120_000 },
          );
        }
        rows.push({
          figure: `SHBL-hefboom → eerste blik, 100 runs (mediaan van ${repeats})`,
          value: Math.round(median(first)),
          unit: "ms",
          aim: "direct",
        });
        const times: number[] = [];
        for (const v of values(3 + repeats)) times.push(await timed(page, 'input[name="verkoop"]', v));
        rows.push({
          figure: `SHBL-hefboom → alle grafieken klaar (mediaan van ${repeats})`,
          value: Math.round(median(times)),
          unit: "ms",
          aim: "≤ 500 ms bij 1.000 runs",
        });
      }
      if (name === "raad") {
        rows.push(...(await councilTimings(page, "twee scenario's", 2)));
        // A page of its own: on the same page only the fragment would change, and the old document,
        // already done, could answer before the page reloads itself.
        const four = await browser.context.newPage();
        await four.addInitScript(recordCouncilStates);
        await four.goto(`${server.url}/raad.html#scenarios=${FOUR_SCENARIOS}`);
        rows.push(...(await councilTimings(four, "vier scenario's", 4)));
        await four.close();
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
  // `npx tsx scripts/bench-pages.ts betaalbaarheid`: only the pages named. The figures also go to
  // build/bench/pages.json.
  const rows = await benchPages({ only: process.argv.slice(2) });
  for (const r of rows)
    console.log(
      `${r.figure.padEnd(78)} ${`${r.value.toLocaleString("nl-NL")} ${r.unit}`.padStart(10)}   doel ${r.aim}`,
    );
  mkdirSync("build/bench", { recursive: true });
  writeFileSync("build/bench/pages.json", `${JSON.stringify(timingsRecord(rows), null, 2)}\n`);
}
