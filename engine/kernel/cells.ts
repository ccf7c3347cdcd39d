import { OTHER_OWNER_LABELS, OTHER_OWNERS, SEGMENTS } from "./domain";

/**
 * The stock's cells: kern × segment × owner, flat, indexed `(kern * 4 + segment) * nOwners + owner`, and
 * the indices of the segments the model names. The owners are the scenario's: its corporations first,
 * in the file's order, then other landlords and owner-occupiers, so a corporation is any owner index
 * below `nCorporations`. Shared by the stock model and the allocation model, which follows the social
 * cells home by home.
 */

export const N_SEGMENTS = SEGMENTS.length;
export const SOCIAL = SEGMENTS.indexOf("sociale_huur");
export const MIDDENHUUR = SEGMENTS.indexOf("middenhuur");

/** A scenario's owners, compiled once: ids in cell order and where the two non-corporation owners sit. */
export interface Owners {
  ids: readonly string[];
  /** The corporations' names, in the same order as their ids. */
  corporationNames: readonly string[];
  nOwners: number;
  nCorporations: number;
  otherLandlord: number;
  ownerOccupier: number;
}

export function ownersOf(corporations: readonly { id: string; name: string }[]): Owners {
  const ids = [...corporations.map((c) => c.id), ...OTHER_OWNERS];
  return {
    ids,
    corporationNames: corporations.map((c) => c.name),
    nOwners: ids.length,
    nCorporations: corporations.length,
    otherLandlord: corporations.length,
    ownerOccupier: corporations.length + 1,
  };
}

/** Each owner's Dutch label: a corporation by its name. */
export function ownerLabels(owners: Owners): Record<string, string> {
  const labels: Record<string, string> = { ...OTHER_OWNER_LABELS };
  owners.corporationNames.forEach((name, c) => {
    labels[owners.ids[c]] = name;
  });
  return labels;
}

/**
 * Who owns a completed unit. Rented units stay with the landlord that builds them; social units in a
 * project of a market party go to the corporation that buys them turnkey (`buyer`: the project's named
 * buyer, by default the first corporation, the agreement's preferred partner), mid-rent ones to other
 * landlords (investors); purchase homes go to owner-occupiers.
 */
export function unitOwner(owners: Owners, projectOwner: number, segment: number, buyer: number): number {
  const landlord = projectOwner !== owners.ownerOccupier;
  if (segment === SOCIAL) return landlord ? projectOwner : buyer;
  if (segment === MIDDENHUUR) return landlord ? projectOwner : owners.otherLandlord;
  return owners.ownerOccupier;
}

export function cellIndex(kern: number, segment: number, owner: number, nOwners: number): number {
  return (kern * N_SEGMENTS + segment) * nOwners + owner;
}
