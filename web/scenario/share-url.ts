import { type ParseResult, parseScenarioText, type Scenario, z } from "../../engine/index";

/**
 * The current scenario as a link: deflated JSON in the URL's fragment (`#scenario=…`). A fragment is
 * never sent to a server, so sharing a link shares the scenario only with whoever gets the link.
 */

const PREFIX = "#scenario=";
const fragment = z.string().regex(/^#scenario=[A-Za-z0-9_-]+$/, { error: "de link is beschadigd" });

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function scenarioFragment(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The scenario in a link's fragment: undefined when the link carries none, problems when it is bad. */
export async function scenarioFromFragment(hash: string): Promise<ParseResult<Scenario> | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const checked = fragment.safeParse(hash);
  if (!checked.success)
    return { ok: false, problems: [{ path: "(link)", message: checked.error.issues[0].message }] };
  try {
    const bytes = await pipe(
      fromBase64Url(hash.slice(PREFIX.length)),
      new DecompressionStream("deflate-raw"),
    );
    return parseScenarioText(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, problems: [{ path: "(link)", message: "de link is beschadigd of onvolledig" }] };
  }
}

/**
 * The scenario of a link a reading page was opened with, or undefined when it carries none or a bad
 * one: such a page shows a scenario and keeps nothing, so a bad link leaves it on its usual scenario.
 */
export async function linkedScenario(hash: string): Promise<Scenario | undefined> {
  const shared = await scenarioFromFragment(hash);
  return shared?.ok ? shared.value : undefined;
}

/**
 * Links to the other notebooks carry the scenario link the page was opened with, so a link to one
 * notebook shows its scenario in every notebook it leads to. Read at the click: a page that drops
 * the link from its address (the planners' notebook does, after opening it) passes nothing on.
 */
export function carryScenarioLink(doc: Document = document): void {
  doc.addEventListener(
    "click",
    (event) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      const hash = doc.location.hash;
      if (!(link instanceof HTMLAnchorElement) || !hash.startsWith(PREFIX)) return;
      const url = new URL(link.href, doc.location.href);
      if (url.origin !== doc.location.origin || !url.pathname.endsWith(".html") || url.hash !== "") return;
      link.href = `${url.pathname}${url.search}${hash}`;
    },
    true,
  );
}
