import type { Plugin } from "vite";

/**
 * Notebook Kit's runtime loads its standard library (Plot, d3, Inputs, htl, …) from a public CDN at run
 * time. The scenario lab must work with no network at all (early plans are confidential; nothing may
 * leave the machine), so this plugin rewrites those URLs in the runtime's files: libraries we ship
 * become bare imports bundled from node_modules; the rest fail with a Dutch message instead of
 * fetching; any URL left over points at the local server, never at the internet.
 */

const CDN = /https:\/\/cdn\.jsdelivr\.net\/npm\/((?:@[^/@"]+\/)?[^/@"]+)(?:@[^/"]+)?\/\+esm/g;
const FILE = /https:\/\/cdn\.jsdelivr\.net\/npm\/((?:@[^/@"]+\/)?[^/@"]+)(?:@[^/"]+)?\/([^"+)\s][^")\s]*)/g;
// Not "d3": the runtime's `d3` would put all of d3 beside Plot's few modules in the page (about
// 40 kB gzipped more). A cell that wants d3 imports it: `import * as d3 from "d3"`.
const SHIPPED = new Set(["d3-dsv", "htl", "@observablehq/plot", "@observablehq/inputs"]);
const RUNTIME = /@observablehq[/\\]notebook-kit[/\\]dist[/\\]src[/\\]runtime[/\\]/;

/** The package a CDN URL names, so the message can say what is missing without carrying the URL. */
const packageOf = (url: string) => /\/npm\/((?:@[^/@"]+\/)?[^/@"]+)/.exec(url)?.[1] ?? "deze bibliotheek";
const unavailable = (url: string) =>
  JSON.stringify(`${packageOf(url)} is niet beschikbaar: woonscenario werkt zonder internet`);

export function rewriteCdn(code: string): string {
  // Static imports and re-exports only (`import x from "https:…"`), not `export const x = () => import(…)`.
  const staticUnknown = [...code.matchAll(/^\s*(?:import|export)\s[^;(\n]*?\bfrom\s*"(https:[^"]+)"/gm)]
    .map((m) => m[1])
    .filter((url) => ![...url.matchAll(CDN)].some((m) => SHIPPED.has(m[1])));
  // A module built on a library we do not ship (leaflet, mermaid, duckdb, …) becomes one that throws
  // when a cell asks for it; nothing in the runtime imports these statically.
  if (staticUnknown.length > 0) return `throw new Error(${unavailable(staticUnknown[0])});\n`;
  return (
    code
      .replace(CDN, (url, name: string) => (SHIPPED.has(name) ? name : url))
      .replace(
        /import\("(https:[^"]+)"\)/g,
        (_, url: string) => `Promise.reject(new Error(${unavailable(url)}))`,
      )
      // A file inside a shipped package (a stylesheet): the same path in node_modules.
      .replace(FILE, (url, name: string, path: string) => (SHIPPED.has(name) ? `${name}/${path}` : url))
      .replace(/https:\/\/cdn\.jsdelivr\.net\/npm\//g, "/__offline__/")
  );
}

export function offline(): Plugin {
  return {
    name: "woonscenario-offline",
    enforce: "pre",
    transform(code, id) {
      if (!RUNTIME.test(id) || !code.includes("https://")) return null;
      return { code: rewriteCdn(code), map: null };
    },
  };
}
