import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chanceChanges } from "../../engine/analysis/monitoring";
import { toSummaryJson } from "../../engine/analysis/output";
import { applyLever } from "../../engine/analysis/seek";
import { parseProgress, withProgress } from "../../engine/progress";
import { planningScope } from "../../engine/scope";
import { simulate } from "../../engine/simulate";
import { CONTENT_SECURITY_POLICY } from "../../scripts/vite-plugin-csp";
import { SEEK_RUNS } from "../../web/pages/voortgang";
import { loadScenario } from "../helpers/scenarios";
import { type Browser, buildSite, type Guard, guard, launchBrowser, type Server, serveSite } from "./harness";

/**
 * The monitoring notebook in headless Chromium, from its own build: the example report's actuals are
 * drawn over both forecasts, every target's chance at the start and now is shown with the engine's
 * numbers, and a search returns a lever value whose re-run in Node reaches the wished chance while
 * one step less does not.
 */

const OUT_DIR = "dist-voortgang";

let server: Server;
let browser: Browser;
let found: Guard;
let page: Page;

beforeAll(async () => {
  buildSite(OUT_DIR);
  server = await serveSite(OUT_DIR);
  browser = await launchBrowser();
  found = await guard(browser.context);
  page = await browser.context.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const basis = loadScenario("basis");
const example = () => {
  const raw = JSON.parse(
    readFileSync(new URL("../../data/voortgang/voorbeeld-2026-06.json", import.meta.url), "utf8"),
  );
  const parsed = parseProgress(raw, basis);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

/** The chance of a target in its year over the first `runs` runs, as the engine gives it. */
function chance(scenario: typeof basis, target: string, runs: number): number {
  const s = simulate(planningScope(scenario), { runs });
  const summary = toSummaryJson(s.prepared.shape, s.meta, s.summary);
  return summary.targets.find((t) => t.id === target)?.probability ?? Number.NaN;
}

describe("voortgang.html", () => {
  it("draws the example's actuals over both forecasts and shows every target's chance then and now", async () => {
    await page.goto(`${server.url}/voortgang.html`);
    const figure = page.locator('figure[data-chart="werkelijk"]');
    await figure
      .locator('g[aria-label="dot"] circle')
      .first()
      .waitFor({ state: "attached", timeout: 120_000 });
    // One dot per month with completions, plus the stand at the start and at the peildatum.
    expect(await figure.locator('g[aria-label="dot"] circle').count()).toBe(5);
    expect(await figure.locator('g[aria-label="area"] path').count()).toBe(2);
    expect(await figure.locator(".ws-headline").textContent()).toContain(
      "348 woningen gerealiseerd op jun 2026",
    );

    // The chances are the engine's: the same scenario, seed and runs in Node give the same table.
    const runs = basis.simulation.runs;
    const summary = (s: typeof basis) => {
      const r = simulate(planningScope(s), { runs });
      return toSummaryJson(r.prepared.shape, r.meta, r.summary);
    };
    const expected = chanceChanges(summary(basis), summary(withProgress(basis, example())));
    const rows = page.locator(".ws-voortgang-kansen tbody tr");
    expect(await rows.count()).toBe(expected.length);
    for (const [i, c] of expected.entries()) expect(await rows.nth(i).getAttribute("title")).toBe(c.sentence);
    const headline = await page.locator('figure[data-chart="kansen"] .ws-headline').textContent();
    expect(headline).toMatch(/^1\.225 woningen gerealiseerd in 2034: .+ bij de start, nu .+\.$/);
    // P02 was due in June 2026 and is not delivered: it is behind.
    expect(await page.locator('.ws-voortgang-achter tr[data-project="P02"]').count()).toBe(1);
    expect(found.errors).toEqual([]);
    expect(found.blocked).toEqual([]);
  }, 240_000);

  it("reports a bad file by row and field and keeps the report it had", async () => {
    const bad = { name: "Fout", peildatum: "2026-06", completions: [{ project: "P99", month: "2026-03" }] };
    await page.locator(".ws-voortgang-picker input[type=file]").setInputFiles({
      name: "fout.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const message = page.locator(".ws-voortgang-status .ws-message--fout");
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toContain('completions[0].project: onbekend project "P99"');
    expect(await page.locator('figure[data-chart="werkelijk"] .ws-headline').textContent()).toContain("348");
  });

  it("carries the Content-Security-Policy: no inline script, no eval", () => {
    const html = readFileSync(new URL(`../../${OUT_DIR}/voortgang.html`, import.meta.url), "utf8");
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("runs a search whose answer reaches the wished chance on a re-run, and one step less does not", async () => {
    await page.selectOption('select[name="doel"]', "opgave");
    await page.selectOption('select[name="hefboom"]', "hardHomes");
    await page.fill('input[name="kans"]', "50");
    await page.click(".ws-seek-form button[type=submit]");
    const sentence = page.locator(".ws-seek-sentence");
    await sentence.waitFor({ timeout: 180_000 });
    expect(await sentence.getAttribute("data-status")).toBe("reached");
    const value = Number(await sentence.getAttribute("data-value"));
    expect(await sentence.textContent()).toMatch(
      /^Voor 50% kans op „1\.225 woningen gerealiseerd in 2034" is nodig: ongeveer /,
    );
    expect(await page.locator('.ws-seek svg g[aria-label="dot"] circle').count()).toBeGreaterThan(3);
    const from = withProgress(basis, example());
    const at = (v: number) =>
      chance(
        { ...applyLever(from, "hardHomes", v), simulation: { ...from.simulation, runs: SEEK_RUNS } },
        "opgave",
        SEEK_RUNS,
      );
    expect(at(value)).toBeGreaterThanOrEqual(0.5);
    expect(at(value - 5)).toBeLessThan(0.5);

    // "Pas toe" adds the change and runs the forecast from the peildatum again: the engine's chance with it.
    await page.click(".ws-seek-apply");
    await page
      .locator(".ws-voortgang-status .ws-message--info", { hasText: "toegepaste verandering)" })
      .waitFor({ timeout: 120_000 });
    expect(await page.locator(".ws-voortgang-toegepast li").count()).toBe(1);
    const runs = basis.simulation.runs;
    const summary = (s: typeof basis) => {
      const r = simulate(planningScope(s), { runs });
      return toSummaryJson(r.prepared.shape, r.meta, r.summary);
    };
    const expected = chanceChanges(
      summary(basis),
      summary(withProgress(applyLever(basis, "hardHomes", value), example())),
    ).find((c) => c.id === "opgave");
    expect(await page.locator('.ws-voortgang-kansen tr[data-target="opgave"]').getAttribute("title")).toBe(
      expected?.sentence,
    );
    expect(found.errors).toEqual([]);
  }, 300_000);
});
