import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The house rules of ARCHITECTURE.md, checked on the sources: imports go down the engine's layers,
 * siblings depend one way, web/ enters the engine by its one door, nothing imports a notebook page,
 * and no module graph has a cycle. A wrong arrow fails here, with the file and the import that broke it.
 */

const ROOT = new URL("../", import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.ts$/.test(name) && !name.endsWith(".d.ts")) out.push(normalize(path));
  }
  return out;
}

/** The repository files a module imports (relative imports only; packages are not ours). */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const found: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)"/g)) {
    const spec = m[3];
    const base = normalize(join(dirname(file), spec));
    const target = [base, `${base}.ts`, join(base, "index.ts")].find(
      (c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile(),
    );
    if (target) found.push({ target, typeOnly: m[2] !== undefined });
  }
  return found;
}

/** The engine's layers, lowest first; a module may import its own layer and those below. */
const LAYERS: [string, RegExp][] = [
  ["kernel", /^engine\/kernel\//],
  ["stock", /^engine\/stock\//],
  ["allocation", /^engine\/allocation\//],
  ["affordability", /^engine\/affordability\//],
  ["assembly", /^engine\/[^/]+\.ts$/],
  ["analysis", /^engine\/analysis\//],
  ["transport", /^engine\/transport\//],
];
const layerOf = (file: string): number => {
  if (file === "engine/index.ts") return LAYERS.length;
  return LAYERS.findIndex(([, pattern]) => pattern.test(file));
};

const engine = sources("engine");
const web = sources("web");
const scripts = sources("scripts");

describe("the engine's layers", () => {
  it("puts every engine module in a layer", () => {
    expect(engine.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it("imports only down: transport → analysis → assembly → affordability → allocation → stock → kernel", () => {
    const wrong = engine.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target.startsWith("engine/") && layerOf(target) > layerOf(file))
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("never imports the notebooks' code", () => {
    const wrong = engine.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => !target.startsWith("engine/"))
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("the one door", () => {
  it("lets web/ and scripts/ into the engine only through engine/index.ts (and the worker's types)", () => {
    const wrong = [...web, ...scripts].flatMap((file) =>
      importsOf(file)
        .filter(
          ({ target, typeOnly }) =>
            target.startsWith("engine/") &&
            target !== "engine/index.ts" &&
            !(typeOnly && target === "engine/transport/worker.ts"),
        )
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("lets no module of web/ import a notebook page (web/pages/), but the pages themselves", () => {
    const wrong = web
      .filter((file) => !file.startsWith("web/pages/"))
      .flatMap((file) =>
        importsOf(file)
          .filter(({ target }) => target.startsWith("web/pages/"))
          .map(({ target }) => `${file} → ${target}`),
      );
    expect(wrong).toEqual([]);
  });
});

/**
 * web/ by role, and what each role may use besides itself: common helpers (DOM, CSV, export) use
 * nothing; the scenario (store, edits, files) and the client (workers, sessions) stand side by side;
 * charts draw summaries; controls work on a store and a session; figure catalogues frame charts; a
 * page wires them all and is used by its notebook only.
 */
const WEB_ROLES: Record<string, string[]> = {
  common: [],
  scenario: ["common"],
  client: ["common"],
  charts: ["common"],
  controls: ["common", "scenario", "client", "charts"],
  figures: ["common", "client", "charts"],
  pages: ["common", "scenario", "client", "charts", "controls", "figures"],
  styles: [],
};
const roleOf = (file: string) => file.split("/")[1];

describe("web/ by role", () => {
  it("puts every module of web/ in a role folder", () => {
    expect(web.filter((f) => !(roleOf(f) in WEB_ROLES))).toEqual([]);
  });

  it("uses only the roles below: common ← scenario, client, charts ← controls, figures ← pages", () => {
    const wrong = web.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target.startsWith("web/"))
        .filter(
          ({ target }) =>
            roleOf(target) !== roleOf(file) && !WEB_ROLES[roleOf(file)].includes(roleOf(target)),
        )
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("has one module per notebook in web/pages/, named as the notebook is", () => {
    const notebooks = readdirSync(join(ROOT, "notebooks"))
      .filter((n) => n.endsWith(".html") && n !== "index.html")
      .map((n) => n.replace(/\.html$/, ""))
      .sort();
    const pages = web
      .filter((f) => f.startsWith("web/pages/"))
      .map((f) => f.replace(/^web\/pages\/|\.ts$/g, ""));
    expect(pages.sort()).toEqual(notebooks);
  });
});

/** Strongly connected components of more than one module (Tarjan): the import cycles. */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).map((i) => i.target)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.map((f) => relative(".", f)).sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out;
}

describe("import cycles", () => {
  it("has none in the engine, in web/ or in the scripts", () => {
    expect(cycles([...engine, ...web, ...scripts])).toEqual([]);
  });
});

describe("the documents", () => {
  it("name only source files that exist (README.md and ARCHITECTURE.md)", () => {
    const missing = ["README.md", "ARCHITECTURE.md"].flatMap((doc) =>
      [
        ...readFileSync(join(ROOT, doc), "utf8").matchAll(
          /`((?:engine|web|test|scripts)\/[\w/.-]+\.(?:ts|md|json))`/g,
        ),
      ]
        .map((m) => m[1])
        .filter((path) => !existsSync(join(ROOT, path)))
        .map((path) => `${doc}: ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it("ARCHITECTURE.md names every role folder of web/ and every layer of the engine", () => {
    const text = readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8");
    const folders = [
      ...Object.keys(WEB_ROLES).filter((r) => r !== "styles"),
      ...LAYERS.map(([name]) => name).filter((n) => n !== "assembly"),
    ];
    expect(folders.filter((f) => !text.includes(`${f}/`))).toEqual([]);
  });
});

describe("zod without eval", () => {
  it("is imported as a value only by engine/kernel/zod.ts, which switches its JIT off before any schema is built", () => {
    const wrong = [...engine, ...web, ...scripts].filter(
      (file) =>
        file !== "engine/kernel/zod.ts" &&
        /^\s*import\s+(?!type\b)[^;]*from\s+"zod"/m.test(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(wrong).toEqual([]);
    expect(readFileSync(join(ROOT, "engine/kernel/zod.ts"), "utf8")).toContain("z.config({ jitless: true })");
  });
});
