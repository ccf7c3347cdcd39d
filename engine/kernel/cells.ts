import { OWNERS, SEGMENTS } from "./domain";

/**
 * The stock's cells: kern × segment × owner, flat, indexed `(kern * 4 + segment) * 3 + owner`, and the
 * indices of the segments and owners the model names. Shared by the stock model and the allocation
 * model, which follows the social cells home by home.
 */

export const N_SEGMENTS = SEGMENTS.length;
export const N_OWNERS = OWNERS.length;
export const SOCIAL = SEGMENTS.indexOf("sociale_huur");
export const DOMIJN = OWNERS.indexOf("domijn");
export const OWNER_OCCUPIER = OWNERS.indexOf("eigenaar_bewoner");
export const MIDDENHUUR = SEGMENTS.indexOf("middenhuur");

/**
 * Who owns a completed unit. Rented units stay with the landlord that builds them; social units in a
 * project of a market party go to Domijn (the preferred partner buys them turnkey), mid-rent ones to
 * other landlords (investors); purchase homes go to owner-occupiers.
 */
export function unitOwner(projectOwner: number, segment: number): number {
  const landlord = projectOwner !== OWNER_OCCUPIER;
  if (segment === SOCIAL) return landlord ? projectOwner : DOMIJN;
  if (segment === MIDDENHUUR) return landlord ? projectOwner : OWNERS.indexOf("overige_verhuurder");
  return OWNER_OCCUPIER;
}

export function cellIndex(kern: number, segment: number, owner: number): number {
  return (kern * N_SEGMENTS + segment) * N_OWNERS + owner;
}
