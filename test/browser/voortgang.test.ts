import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUPS } from "../../engine/allocation/vocabulary";
import { behindOf, chanceChanges } from "../../engine/analysis/monitoring";
import { toSummaryJson } from "../../engine/analysis/output";
import { applyLever } from "../../engine/analysis/seek";
import { signalsOf } from "../../engine/analysis/signals";
import { NO_VALUE } from "../../engine/kernel/metric";
import { runMonteCarlo } from "../../engine/montecarlo";
import { parseProgress, withProgress } from "../../engine/progress";
import { allocationScope, planningScope } from "../../engine/scope";
import { prepare, simulate } from "../../engine/simulate";
import { CONTENT_SECURITY_POLICY } from "../../scripts/vite-plugin-csp";
import { REPORT_PAGES, SEEK_RUNS, SHBL_SEEK_RUNS } from "../../web/pages/voortgang";
import { loadScenario } from "../helpers/scenarios";
import { type Browser, buildSite, type Guard, guard, launchBrowser, type Server, serveSite } from "./harness";

/**
 * The monitoring notebook in headless Chromium, from its own build: the two example reports are the
 * history and the later one is "now"; its actuals are drawn over both forecasts, every target's chance
 * at the start and now is shown with the engine's numbers, the agreement's signals are the engine's,
 * the allocation figures stand beside their forecasts, the print is three A4 pages, and a search
 * (also SHBL's) returns a lever value whose re-run in Node reaches the wished chance while one step
 * further does not.
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
const read = (file: string) => {
  const raw = JSON.parse(readFileSync(new URL(`../../data/voortgang/${file}`, import.meta.url), "utf8"));
  const parsed = parseProgress(raw, basis);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};
/** The later of the two shipped examples: the stand "now" when the page opens. */
const example = () => read("voorbeeld-2027-12.json");
const summary = (s: typeof basis) => {
  const r = simulate(planningScope(s), { runs: basis.simulation.runs });
  return toSummaryJson(r.prepared.shape, r.meta, r.summary);
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
    // The screen's figure, not the print's copy (hidden on screen).
    const figure = page.locator('main > :not(:has(.ws-report)) figure[data-chart="werkelijk"]');
    await figure
      .locator('g[aria-label="dot"] circle')
      .first()
      .waitFor({ state: "attached", timeout: 120_000 });
    // One dot per month with completions, plus the stand at the start and at the peildatum.
    const months = new Set(example().completions.map((c) => c.month));
    expect(await figure.locator('g[aria-label="dot"] circle').count()).toBe(months.size + 2);
    expect(await figure.locator('g[aria-label="area"] path').count()).toBe(2);
    expect(await figure.locator(".ws-headline").textContent()).toContain(
      "412 woningen gerealiseerd op dec 2027",
    );

    // The chances are the engine's: the same scenario, seed and runs in Node give the same table.
    const expected = chanceChanges(summary(basis), summary(withProgress(basis, example())));
    // The screen's table, not the print's (which is hidden on screen).
    const rows = page.locator("main > :not(:has(.ws-report)) .ws-voortgang-kansen tbody tr");
    expect(await rows.count()).toBe(expected.length);
    for (const [i, c] of expected.entries()) expect(await rows.nth(i).getAttribute("title")).toBe(c.sentence);
    const headline = await page
      .locator('main > :not(:has(.ws-report)) figure[data-chart="kansen"] .ws-headline')
      .textContent();
    expect(headline).toMatch(/^1\.225 woningen gerealiseerd in 2034: .+ bij de start, nu .+\.$/);
    // P10 was due in December 2027 and is not delivered: it is behind.
    expect(await page.locator('.ws-voortgang-achter tr[data-project="P10"]').first().count()).toBe(1);
    expect(found.errors).toEqual([]);
    expect(found.blocked).toEqual([]);
  }, 240_000);

  it("shows the engine's signals with their evidence, and the chance per target per peildatum", async () => {
    const progress = example();
    const start = summary(basis);
    const now = summary(withProgress(basis, progress));
    const signals = signalsOf({ scenario: basis, progress, start, now, behind: behindOf(basis, progress) });
    const shown = page.locator('figure[data-chart="signalen"]').first();
    const sentences = await shown.locator(".ws-signal-sentence").allTextContents();
    expect(sentences).toEqual(signals.map((x) => x.sentence));
    expect(await shown.locator('.ws-signal[data-level="signaal"]').count()).toBe(
      signals.filter((x) => x.level === "signaal").length,
    );
    expect(
      await shown.locator('.ws-signal[data-kind="sociale_voorraad"] .ws-signal-evidence tbody tr').count(),
    ).toBe(signals[0].evidence.length);
    // The history: the start and the two reports, oldest first, with the engine's chances.
    const history = page.locator('figure[data-chart="geschiedenis"]').first();
    expect(await history.locator("thead th").allTextContents()).toEqual([
      "doel",
      "start (okt 2025)",
      "jun 2026",
      "dec 2027",
    ]);
    const earlier = summary(withProgress(basis, read("voorbeeld-2026-06.json")));
    const opgave = history.locator('tr[data-target="opgave"] td');
    const pct = (t: { probability: number } | undefined) => t && (t.probability === 0 ? "0%" : t.probability);
    expect(await opgave.nth(2).textContent()).toBe(pct(earlier.targets.find((t) => t.id === "opgave")));
    expect(await history.locator('g[aria-label="dot"] circle').count()).toBeGreaterThanOrEqual(3);
    // The measured allocation figures beside their forecasts, once the allocation model has run.
    const allocation = page.locator('figure[data-chart="toewijzing"] .ws-voortgang-toewijzing').first();
    await allocation.waitFor({ timeout: 120_000 });
    const figures = progress.allocation.flatMap((a) =>
      (["lettings", "statushoudersHoused", "searchTimeYears"] as const).filter((f) => a[f] !== undefined),
    );
    expect(await allocation.locator("tbody tr").count()).toBe(figures.length);
    expect(found.errors).toEqual([]);
  }, 240_000);

  it(`prints the municipality's progress report on ${REPORT_PAGES} A4 pages, each with scenario, peildatum, seed and runs`, async () => {
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: "screen" });
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(2);
    expect(doc.numPages).toBeLessThanOrEqual(4);
    expect(doc.numPages).toBe(REPORT_PAGES);
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const p = await doc.getPage(n);
      const [width, height] = [p.view[2], p.view[3]];
      // A4 portrait in points: 595 × 842.
      expect(Math.abs(width - 595)).toBeLessThan(2);
      expect(Math.abs(height - 842)).toBeLessThan(2);
      const text = (await p.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
      expect(text).toContain("Voortgangsrapportage woningbouw Losser — peildatum december 2027");
      expect(text).toContain(`seed ${basis.simulation.seed}`);
      expect(text).toContain(`pagina ${n} van ${REPORT_PAGES}`);
      texts.push(text);
    }
    const all = texts.join(" ");
    expect(all).toContain("De kans per doel: bij de start en nu");
    expect(all).toContain("Signalen van de overeenkomst");
    expect(all).toContain("P10 Losser – transformatie kantoorpand");
    expect(all).toContain("Kans per doel per peildatum");
    expect(all).toContain("Gerealiseerd tot nu, over de prognoses");
    expect(all).toContain("Toewijzing: gemeten naast de prognose");
  }, 120_000);

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
    expect(await page.locator('figure[data-chart="werkelijk"] .ws-headline').first().textContent()).toContain(
      "412",
    );
  });

  it("carries the Content-Security-Policy: no inline script, no eval", () => {
    const html = readFileSync(new URL(`../../${OUT_DIR}/voortgang.html`, import.meta.url), "utf8");
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("finds SHBL's highest free-allocation share under a search-time limit; the re-run in Node holds it and one step more does not", async () => {
    await page.selectOption('select[name="hefboom"]', "freeAllocation");
    expect(await page.locator('select[name="doel"]').isHidden()).toBe(true);
    await page.fill('input[name="grens"]', "1.25");
    await page.fill('input[name="kans"]', "80");
    await page.click(".ws-seek-form button[type=submit]");
    const sentence = page.locator(".ws-seek-sentence", { hasText: "vrije toewijzing" });
    await sentence.waitFor({ timeout: 240_000 });
    expect(await sentence.getAttribute("data-status")).toBe("reached");
    const value = Number(await sentence.getAttribute("data-value"));
    // The search ran from the latest peildatum.
    const from = withProgress(basis, example());
    const holds = (v: number) => {
      const p = prepare(allocationScope({ ...applyLever(from, "freeAllocation", v) }));
      const metric = p.layout.allocation?.searchTimeMedian[GROUPS.indexOf("regulier")] ?? -1;
      const r = runMonteCarlo(p.model, p.layout, p.targets, {
        seed: basis.simulation.seed,
        runs: SHBL_SEEK_RUNS,
      });
      const y = (basis.agreement?.untilYear ?? basis.simulation.endYear) - p.model.cal.startYear;
      let n = 0;
      for (let i = 0; i < SHBL_SEEK_RUNS; i++) {
        const x = r.values[(metric * r.nYears + y) * SHBL_SEEK_RUNS + i];
        if (x !== NO_VALUE && x <= 1.25 + 1e-9) n++;
      }
      return n / SHBL_SEEK_RUNS;
    };
    expect(holds(value)).toBeGreaterThanOrEqual(0.8);
    expect(holds(value + 0.005)).toBeLessThan(0.8);
    expect(found.errors).toEqual([]);
  }, 300_000);

  it("runs a search whose answer reaches the wished chance on a re-run, and one step less does not", async () => {
    // The lever first: the target's field shows again once the lever is one that seeks a target.
    await page.selectOption('select[name="hefboom"]', "hardHomes");
    await page.selectOption('select[name="doel"]', "opgave");
    await page.fill('input[name="kans"]', "50");
    await page.click(".ws-seek-form button[type=submit]");
    const sentence = page.locator(".ws-seek-sentence", { hasText: "is nodig" });
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
      .locator(".ws-voortgang-status .ws-message--info", { hasText: "met de toegepaste verandering" })
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
    // The cells redraw just after the status line says so: wait for the table to follow.
    await expect
      .poll(
        () => page.locator('.ws-voortgang-kansen tr[data-target="opgave"]').first().getAttribute("title"),
        {
          timeout: 60_000,
        },
      )
      .toBe(expected?.sentence);
    expect(found.errors).toEqual([]);
  }, 300_000);
});
