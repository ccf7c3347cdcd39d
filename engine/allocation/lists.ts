import { N_GROUPS } from "./vocabulary";

/**
 * How the queues' lists are laid out in one flat array (see ./queues): a list per list set (each group,
 * and the priority indices over regular seekers), kern (and one more for households without a kern
 * wish), income class and household size.
 */

export const MAX_SIZE = 9;
/** Lists per group and kern: income class (3) × household size 0…MAX_SIZE. */
export const LISTS_PER_KERN = 3 * (MAX_SIZE + 1);

/** Offset of the list for income class `cls` and `size` persons within a kern's lists. */
export const listOffset = (cls: number, size: number): number => cls * (MAX_SIZE + 1) + size;

/** First list of a list set in a kern; kern `nKern` holds the households without a kern wish. */
export function listBase(nKern: number, set: number, kern: number): number {
  return (set * (nKern + 1) + kern) * LISTS_PER_KERN;
}

/**
 * A kern's lists of one list set are a block of LISTS_PER_KERN (≤ 31), so whether each may be non-empty
 * fits in the bits of one integer: `listMask[block]`, bit `offset`, block `listBase(...) / LISTS_PER_KERN`.
 */
export const listBlock = (nKern: number, set: number, kern: number): number => set * (nKern + 1) + kern;

/** Lists in all: every list set, each kern and the no-wish "kern". */
export function listCount(nKern: number): number {
  return N_LIST_SETS * (nKern + 1) * LISTS_PER_KERN;
}

/**
 * Second indices over the same regular seekers, for the rules that put some of them first: seniors at
 * registration (nultredenwoningen go first to seniors), and under Domijn's local priority the local
 * young heads (cheapest homes), local small households (homes up to the first aftoppingsgrens) and
 * local seniors (nultredenwoningen).
 */
export const SENIOR_LISTS = N_GROUPS;
export const LOCAL_YOUNG_LISTS = N_GROUPS + 1;
export const LOCAL_SMALL_LISTS = N_GROUPS + 2;
export const LOCAL_SENIOR_LISTS = N_GROUPS + 3;
/** List sets: one per group, plus the priority indices among regular seekers. */
export const N_LIST_SETS = N_GROUPS + 4;
/** Entries a registration may have: its group's, and at most three priority indices (young and senior exclude each other). */
export const ENTRIES_PER_REGISTRATION = 4;
