import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { FIGURES } from "../../web/figures/bouwplanning";

/**
 * What the browser tests and the screenshot script share: build the static site, serve dist/ on
 * localhost with Vite's preview server (started as `node …/vite.js` and stopped by its PID), and drive
 * Debian's Chromium through playwright-core with a fresh profile.
 */

const ROOT = new URL("../../", import.meta.url).pathname;
const VITE = join(ROOT, "node_modules/vite/bin/vite.js");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Build the site into `outDir` (relative to the repository): test files that run in parallel each
 * build into their own directory, so one never serves the other's half-written files.
 */
export function buildSite(outDir = "dist"): void {
  const built = spawnSync(
    process.execPath,
    [VITE, "build", "--logLevel", "warn", "--outDir", join(ROOT, outDir)],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (built.status !== 0) throw new Error(`vite build mislukt:\n${built.stdout}\n${built.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("geen poort")),
      );
    });
  });
}

export interface Server {
  url: string;
  stop(): void;
}

export async function serveSite(outDir = "dist"): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      VITE,
      "preview",
      "--port",
      String(port),
      "--strictPort",
      "--host",
      "127.0.0.1",
      "--outDir",
      join(ROOT, outDir),
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/index.html`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error("vite preview startte niet");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid);
  };
  // A script that throws before it stops the server must not leave it running.
  process.once("exit", stop);
  return { url, stop };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "woonscenario-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
    locale: "nl-NL",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Guard {
  /** Requests that tried to leave localhost. */
  blocked: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Block every request that is not for localhost, and collect errors, for the whole context. */
export async function guard(context: BrowserContext): Promise<Guard> {
  const found: Guard = { blocked: [], errors: [] };
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname) && !["blob:", "data:"].includes(url.protocol),
    (route) => {
      found.blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  // A Content-Security-Policy violation is an error like any other (Chromium also logs it to the console).
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP: ${e.violatedDirective} blokkeerde ${e.blockedURI || "inline"}`),
    ),
  );
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") found.errors.push(m.text());
    });
    page.on("pageerror", (e) => found.errors.push(String(e)));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return found;
}

/** Wait until every chart of the planners' notebook shows a result for the same scenario hash; return it. */
export async function settled(page: Page, timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(
    (count) => {
      const progress = document.querySelector<HTMLElement>(".ws-progress");
      const figures = [...document.querySelectorAll<HTMLElement>("figure[data-chart]")];
      const hashes = new Set(figures.map((f) => f.dataset.scenarioHash));
      return progress?.dataset.state === "klaar" && figures.length === count && hashes.size === 1
        ? [...hashes][0]
        : false;
    },
    Object.keys(FIGURES).length,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Texts in a chart that run into each other: every pair of elements matching `selector` inside
 * `container` whose boxes overlap by more than a pixel, as "text | text". Empty when all stand apart.
 */
export async function overlappingTexts(page: Page, container: string, selector: string): Promise<string[]> {
  return page.locator(container).evaluate((root, sel) => {
    const boxes = [...root.querySelectorAll(sel)].map((el) => ({
      text: el.textContent ?? "",
      box: el.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].box, boxes[j].box];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) found.push(`${boxes[i].text} | ${boxes[j].text}`);
      }
    return found;
  }, selector);
}

/** The texts of the chance per year that must stand apart: panel titles, each panel's years, the chances. */
export const CHANCE_TEXTS = [
  'g[aria-description="doel"] text',
  'g[aria-label="x-axis tick label"] text',
  'g[aria-description="kans in het jaar van de overeenkomst"] text',
].join(", ");

/** The panel titles of a chart of small multiples (texts with aria-description "doel"), in reading order. */
export async function panelTitles(page: Page, container: string): Promise<string[]> {
  const titles = await page.locator(`${container} g[aria-description="doel"] text`).evaluateAll((els) =>
    els.map((e) => {
      const box = e.getBoundingClientRect();
      return { label: e.getAttribute("aria-label") ?? "", top: Math.round(box.bottom), left: box.left };
    }),
  );
  return titles.sort((a, b) => a.top - b.top || a.left - b.left).map((t) => t.label);
}

export interface Site {
  server: Server;
  browser: Browser;
  found: Guard;
  page: Page;
  close(): Promise<void>;
}

/** What a browser test starts with: the site built into `outDir` and served, a guarded browser, one page. */
export async function openSite(outDir: string): Promise<Site> {
  buildSite(outDir);
  const server = await serveSite(outDir);
  const browser = await launchBrowser();
  const found = await guard(browser.context);
  const page = await browser.context.newPage();
  return {
    server,
    browser,
    found,
    page,
    close: async () => {
      await browser.close();
      server.stop();
    },
  };
}
