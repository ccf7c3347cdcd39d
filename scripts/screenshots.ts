import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { buildSite, launchBrowser, serveSite, settled } from "../test/browser/harness";
import { AFFORDABILITY_FIGURES } from "../web/figures/betaalbaarheid";

/**
 * Reference screenshots of the notebooks on a laptop (1440×900) and a phone (390×844), from the
 * built site, and the council's print layout as a PDF with a PNG of each of its pages (drawn by pdf.js
 * in the same Chromium), and so the monitoring notebook's progress report on A4 portrait:
 * `npm run screenshots` writes them to test/screenshots/ (`ONLY=voortgang` for one notebook). Look at
 * them after a change.
 */

const OUT = new URL("../test/screenshots/", import.meta.url).pathname;
const SIZES = [
  { name: "1440", viewport: { width: 1440, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
];

/** Each notebook and what shows it is done. */
const NOTEBOOKS: { name: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: "index", ready: async () => {} },
  { name: "bouwplanning", ready: (page) => settled(page) },
  {
    name: "betaalbaarheid",
    ready: (page) =>
      page.waitForFunction(
        (n) =>
          document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar" &&
          document.querySelectorAll("figure[data-chart]").length === n,
        Object.keys(AFFORDABILITY_FIGURES).length,
        { timeout: 60_000 },
      ),
  },
  {
    name: "raad",
    ready: async (page) => {
      await page
        .locator('[data-chart^="tornado"] svg')
        .first()
        .waitFor({ state: "attached", timeout: 60_000 });
      // All runs, not the first look.
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison === "klaar",
        undefined,
        { timeout: 60_000 },
      );
    },
  },
  {
    name: "voortgang",
    // The allocation figures come last, after the forecasts of the building plan.
    ready: (page) =>
      page
        .locator("main > :not(:has(.ws-report)) .ws-voortgang-toewijzing")
        .first()
        .waitFor({ state: "attached", timeout: 120_000 }),
  },
  {
    name: "methode",
    ready: async (page) => {
      await page.locator('figure[data-chart] g[aria-label="area"] path').waitFor({ state: "attached" });
      await page.locator('.ws-calibration[data-state="klaar"]').waitFor({ timeout: 60_000 });
    },
  },
];

const PDFJS = new URL("../node_modules/pdfjs-dist/build/", import.meta.url).pathname;

/**
 * One PNG per page of `pdf` (`<prefix>-1.png`, …), drawn by pdf.js on canvases in a page of its own, so
 * no PDF tool has to be installed. Everything is served by routes: nothing is fetched from anywhere.
 */
async function pdfPages(context: BrowserContext, pdf: Buffer, prefix: string): Promise<void> {
  const page = await context.newPage();
  const base = "http://pdf.invalid/";
  const files: Record<string, { body: Buffer | string; contentType: string }> = {
    "index.html": {
      contentType: "text/html",
      body: `<!doctype html><body style="margin:0;background:#888"><script type="module">
        import * as pdfjs from "./pdf.mjs";
        pdfjs.GlobalWorkerOptions.workerSrc = "./pdf.worker.mjs";
        const data = new Uint8Array(await (await fetch("./print.pdf")).arrayBuffer());
        const doc = await pdfjs.getDocument({ data }).promise;
        for (let n = 1; n <= doc.numPages; n++) {
          const p = await doc.getPage(n);
          const viewport = p.getViewport({ scale: 1.5 });
          const canvas = document.createElement("canvas");
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.style.display = "block";
          document.body.append(canvas);
          await p.render({ canvas, viewport }).promise;
        }
        document.body.dataset.pages = String(doc.numPages);
      </script>`,
    },
    "pdf.mjs": { contentType: "text/javascript", body: readFileSync(`${PDFJS}pdf.mjs`) },
    "pdf.worker.mjs": { contentType: "text/javascript", body: readFileSync(`${PDFJS}pdf.worker.mjs`) },
    "print.pdf": { contentType: "application/pdf", body: pdf },
  };
  await page.route(`${base}**`, (route) => {
    const file = files[new URL(route.request().url()).pathname.slice(1)];
    return file ? route.fulfill({ status: 200, ...file }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${base}index.html`);
  await page.waitForFunction(() => document.body.dataset.pages, undefined, { timeout: 60_000 });
  const canvases = page.locator("canvas");
  const count = await canvases.count();
  for (let i = 0; i < count; i++) await canvases.nth(i).screenshot({ path: `${prefix}-${i + 1}.png` });
  await page.close();
}

mkdirSync(OUT, { recursive: true });
buildSite();
const server = await serveSite();
try {
  for (const { name: size, viewport } of SIZES) {
    const browser = await launchBrowser(viewport);
    try {
      const page = await browser.context.newPage();
      for (const { name, ready } of NOTEBOOKS.filter(
        (n) => !process.env.ONLY || n.name === process.env.ONLY,
      )) {
        await page.goto(`${server.url}/${name}.html`);
        await ready(page);
        await page.screenshot({ path: `${OUT}${name}-${size}.png` });
        if (name !== "index")
          await page.screenshot({ path: `${OUT}${name}-${size}-volledig.png`, fullPage: true });
        if (name === "raad" && size === "1440") {
          const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
          writeFileSync(`${OUT}raad-print.pdf`, pdf);
          await pdfPages(browser.context, pdf, `${OUT}raad-print`);
        }
        if (name === "voortgang" && size === "1440") {
          const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
          writeFileSync(`${OUT}voortgang-print.pdf`, pdf);
          await pdfPages(browser.context, pdf, `${OUT}voortgang-print`);
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
console.log(`Schermafbeeldingen geschreven naar ${OUT}`);
