import type { Plugin } from "vite";

/**
 * A Content-Security-Policy on every built page, as a meta tag (the site is static files; there is no
 * server to send a header). Scripts only from the site itself — no inline script, no eval (zod runs
 * without its JIT, see engine/kernel/zod.ts) — workers from the site or a blob, nothing fetched from
 * anywhere else. Styles may be inline: Plot and the notebook runtime set them on elements. Only in the
 * build: the dev server's hot reload needs a websocket and inline modules.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

export function contentSecurityPolicy(): Plugin {
  return {
    name: "woonscenario-csp",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html.replace(
          /<head>/,
          `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
        ),
    },
  };
}
