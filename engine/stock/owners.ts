import { OTHER_OWNERS } from "../kernel/domain";
import { type Loose, list } from "../kernel/loose";

/**
 * The owner rules, on the raw input: a scenario's owners are its corporations' ids and the two other
 * owners (../kernel/cells). A corporation id must be new (not another owner, not a kern: metric ids
 * qualify both with `@`, so not even in another case) and appear once; every owner field must name one
 * of the owners, a buyer or a corporation's target one of the corporations. The scenario's check and a
 * progress report's (its new projects) use the same words.
 */

type Path = (string | number)[];
type Add = (path: Path, message: string) => void;

const corporationIds = (root: Loose) =>
  list(root.corporations)
    .map((c) => c.id)
    .filter((c): c is string => typeof c === "string");

/** The corporation list itself: ids that can be told apart, and the first one's trade in the policy. */
export function checkCorporations(root: Loose, kernen: Set<string>, add: Add): void {
  const ids = corporationIds(root);
  const kernIds = [...kernen].map((k) => k.toLowerCase());
  list(root.corporations).forEach((c, i) => {
    const at: Path = ["corporations", i, "id"];
    const id = c.id;
    if (typeof id !== "string") return;
    if ((OTHER_OWNERS as readonly string[]).includes(id))
      add(at, `"${id}" is geen corporatie maar een van de andere eigenaren (${OTHER_OWNERS.join(", ")})`);
    else if (kernIds.includes(id.toLowerCase()))
      add(at, `"${id}" is al een kern; geef de corporatie een andere id`);
    if (ids.indexOf(id) !== i) add(at, `corporatie "${id}" staat er dubbel in`);
    if (i === 0 && (c.sales !== undefined || c.acquisitions !== undefined))
      add(
        ["corporations", i, c.sales !== undefined ? "sales" : "acquisitions"],
        "de verkoop en aankoop van de eerste corporatie staan in policy.sales en policy.acquisitions",
      );
  });
}

/** Checks of the fields that name an owner or a corporation, against the scenario `root`'s list. */
export function ownerCheck(root: Loose, add: Add) {
  const corporations = corporationIds(root);
  const notCorporation = (value: string) =>
    `'${value.length > 60 ? `${value.slice(0, 40)}…` : value}' is geen corporatie in corporations (wel: ${corporations.join(", ")})`;
  return {
    /** An owner field: a corporation, `overige_verhuurder` or `eigenaar_bewoner`. */
    any(value: unknown, path: Path) {
      if (typeof value !== "string" || corporations.length === 0) return;
      if (!corporations.includes(value) && !(OTHER_OWNERS as readonly string[]).includes(value))
        add(path, `${notCorporation(value)} en geen ${OTHER_OWNERS.join(" of ")}`);
    },
    /** A field that names a corporation. */
    corporation(value: unknown, path: Path) {
      if (typeof value !== "string" || corporations.length === 0) return;
      if (!corporations.includes(value)) add(path, notCorporation(value));
    },
  };
}
