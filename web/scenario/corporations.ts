import { OWNER_LABELS, type Scenario } from "../../engine/index";

/** Names in a list as a Dutch reader writes them: "A", "A en B", "A, B en C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}

/**
 * The scenario's housing corporations as the texts name them ("Domijn", "Woonstichting A en B"), for
 * labels of the levers that move the corporations' stock. Without a list the model's one corporation
 * is the owner `domijn`, named as the engine names it.
 */
export function corporationNames(s: Pick<Scenario, "corporations">): string {
  return listNames(s.corporations?.map((c) => c.name) ?? [OWNER_LABELS.domijn]);
}

/** An owner id as its readers name it: a corporation by the scenario's name for it, others by the engine's label. */
export function ownerName(s: Pick<Scenario, "corporations">, id: string): string {
  return (
    s.corporations?.find((c) => c.id === id)?.name ?? OWNER_LABELS[id as keyof typeof OWNER_LABELS] ?? id
  );
}
