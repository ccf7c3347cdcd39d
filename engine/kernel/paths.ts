/**
 * Paths into a scenario as people write them: `policy.sales.perYear`, `projects[3].units.duur`, or an
 * element of a list by its id, `pipeline.shocks[id=stikstof].chancePerYear`, which keeps pointing at
 * the same shock when the list is reordered. Variant files, sweeps and edits name figures this way.
 */

export type PathKey = string | number | { id: string };

/** Keys that would reach an object's prototype instead of a field of the scenario. */
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

/** `a.b[2].c[id=x]` → `["a", "b", 2, "c", { id: "x" }]`; undefined when the text is not a path. */
export function parsePath(text: string): PathKey[] | undefined {
  const keys: PathKey[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\[id=([^\]]+)\]|(\.)/gy;
  let expectKey = true;
  let match: RegExpExecArray | null = pattern.exec(text);
  while (match !== null) {
    const [, name, index, id, dot] = match;
    if (dot !== undefined) {
      if (expectKey) return undefined;
      expectKey = true;
    } else if (name !== undefined) {
      if (!expectKey || FORBIDDEN.has(name)) return undefined;
      keys.push(name);
      expectKey = false;
    } else {
      if (keys.length === 0) return undefined;
      keys.push(index !== undefined ? Number(index) : { id });
      expectKey = false;
    }
    if (pattern.lastIndex === text.length) break;
    match = pattern.exec(text);
  }
  if (keys.length === 0 || expectKey || pattern.lastIndex !== text.length) return undefined;
  return keys;
}

type Node = Record<string | number, unknown>;

function step(node: unknown, key: PathKey): { parent: Node; key: string | number } | undefined {
  if (node === null || typeof node !== "object") return undefined;
  if (typeof key === "object") {
    if (!Array.isArray(node)) return undefined;
    const i = node.findIndex((item) => (item as { id?: unknown } | null)?.id === key.id);
    return i < 0 ? undefined : { parent: node as unknown as Node, key: i };
  }
  if (typeof key === "number" && !Array.isArray(node)) return undefined;
  if (!Object.hasOwn(node, key)) return undefined;
  return { parent: node as Node, key };
}

/** The value at `path`, or undefined when any step is missing. */
export function getAtPath(root: unknown, path: readonly PathKey[]): unknown {
  let node = root;
  for (const key of path) {
    const at = step(node, key);
    if (!at) return undefined;
    node = at.parent[at.key];
  }
  return node;
}

/**
 * Set `value` at `path` in place; every step but the last must exist (a typo names nothing and is
 * reported, never created). A number set where a sourced figure `{ value, source }` stands replaces only
 * its value, so the figure keeps its source unless `value` brings provenance of its own.
 * Returns false when the path does not lead anywhere.
 */
export function setAtPath(root: unknown, path: readonly PathKey[], value: unknown): boolean {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const at = step(node, key);
    if (!at) return false;
    node = at.parent[at.key];
  }
  const last = path[path.length - 1];
  if (node === null || typeof node !== "object" || last === undefined) return false;
  if (typeof last === "string" && FORBIDDEN.has(last)) return false;
  const at = typeof last === "object" || typeof last === "number" ? step(node, last) : undefined;
  if ((typeof last === "object" || typeof last === "number") && !at) return false;
  const parent = (at?.parent ?? node) as Node;
  const key = at?.key ?? (last as string);
  const old = parent[key];
  if (typeof value === "number" && old !== null && typeof old === "object" && "value" in old) {
    (old as { value: unknown }).value = value;
  } else {
    parent[key] = value;
  }
  return true;
}
