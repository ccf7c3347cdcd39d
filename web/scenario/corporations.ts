import type { Scenario } from "../../engine/index";

/** Names in a list as a Dutch reader writes them: "A", "A en B", "A, B en C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}

/** The scenario's housing corporations as the texts name them ("Domijn", "Woonstichting A en B"). */
export function corporationNames(s: Pick<Scenario, "corporations">): string {
  return listNames(s.corporations.map((c) => c.name));
}
