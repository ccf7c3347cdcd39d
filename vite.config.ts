import { resolve } from "node:path";
import { config, observable } from "@observablehq/notebook-kit/vite";
import { defineConfig } from "vite";
import { contentSecurityPolicy } from "./scripts/vite-plugin-csp.ts";
import { offline } from "./scripts/vite-plugin-offline.ts";

/** Every notebook page of the site; the build needs absolute paths when the root is `notebooks/`. */
const pages = ["index", "bouwplanning", "betaalbaarheid", "raad", "methode", "voortgang"];

export default defineConfig({
  ...config(),
  root: "notebooks",
  plugins: [
    offline(),
    contentSecurityPolicy(),
    // The users are Dutch: the page says so, for screen readers and hyphenation. An empty icon
    // keeps the browser from asking the server for /favicon.ico (a 404 in the console).
    observable({
      transformTemplate: (template) =>
        template
          .replace('<html lang="en">', '<html lang="nl">')
          .replace("</head>", '<link rel="icon" href="data:,">\n  </head>'),
    }),
  ],
  // The runtime's files must pass through the offline plugin, also in the dev server.
  optimizeDeps: { exclude: ["@observablehq/notebook-kit"] },
  worker: { format: "es" },
  build: {
    outDir: resolve("dist"),
    emptyOutDir: true,
    rolldownOptions: {
      input: Object.fromEntries(pages.map((p) => [p, resolve("notebooks", `${p}.html`)])),
    },
  },
  server: { fs: { allow: [resolve(".")] } },
});
