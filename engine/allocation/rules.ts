import type { AllocationContext } from "./context";
import { rentCeilingBand } from "./households";
import {
  LISTS_PER_KERN,
  LOCAL_SENIOR_LISTS,
  LOCAL_SMALL_LISTS,
  LOCAL_YOUNG_LISTS,
  listBlock,
  listOffset,
  MAX_SIZE,
  SENIOR_LISTS,
} from "./lists";
import type { FitTable } from "./model";
import { headOf } from "./queues";
import {
  BAND_AFTOPPING_LAAG,
  BAND_KWALITEITSKORTING,
  DOORSTROMER,
  INCOME_LOW,
  NULTREDEN,
  REGULIER,
  STATUSHOUDER,
  URGENT,
  VRIJ,
} from "./vocabulary";

/**
 * The allocation rules: who may have a vacant home, and who of them gets it. Steps run in the order the
 * scenario sets; within a queue the earliest registration that fits wins (ties: the household that
 * arrived first).
 *
 * Whether a household may have a home depends only on its kern wish, income class and size — and, for
 * the named passend exception (maatwerk for urgent households and statushouders), on how long it has
 * waited. So a vacancy looks up the lists that fit it and compares their heads (see ./queues).
 */

/** Is `d` hard to let: vacant so long that size match and kern wish no longer apply? */
export function isHardToLet(ctx: AllocationContext, d: number): boolean {
  return ctx.quarter - ctx.st.dwVacantSince[d] >= ctx.am.hardToLetAfterQuarters;
}

/**
 * The fit table (see ./model): which lists may have a home, precomputed per class set, rooms and rent band: the (income class, size)
 * list offsets that fit, and whether the fit holds only through the passend exception. Class sets:
 * regular seekers (under the DAEB limit), `vrij` (above it), aandachtsgroepen (any income, exception
 * allowed), doorstromers (any income). Rooms 0 stands for a hard-to-let home: any size fits.
 */

const CLASS_SETS = [
  { lo: 0, hi: 1, exception: false },
  { lo: 2, hi: 2, exception: false },
  { lo: 0, hi: 2, exception: true },
  { lo: 0, hi: 2, exception: false },
] as const;
/** The class set of each group (GROUPS order: urgent, statushouder, doorstromer, vrij, regulier). */
const GROUP_CLASS_SET = [2, 2, 3, 1, 0];
export const MAX_ROOMS = 9;
const N_BANDS = 4;

const fitKey = (set: number, rooms: number, band: number) => (set * (MAX_ROOMS + 1) + rooms) * N_BANDS + band;

export function fitTable(
  passendActive: boolean,
  maxRoomsAbovePersons: number,
  maxPersonsAboveRooms: number,
): FitTable {
  const start: number[] = [];
  const offset: number[] = [];
  const exception: number[] = [];
  for (let set = 0; set < CLASS_SETS.length; set++) {
    for (let rooms = 0; rooms <= MAX_ROOMS; rooms++) {
      for (let band = 0; band < N_BANDS; band++) {
        start[fitKey(set, rooms, band)] = offset.length;
        const { lo, hi } = CLASS_SETS[set];
        for (let cls = lo; cls <= hi; cls++) {
          for (let size = 1; size <= MAX_SIZE; size++) {
            const sizeFits =
              rooms === 0 || (rooms - size <= maxRoomsAbovePersons && size - rooms <= maxPersonsAboveRooms);
            if (!sizeFits) continue;
            const passend = !passendActive || cls !== INCOME_LOW || band <= rentCeilingBand(size);
            if (!passend && !CLASS_SETS[set].exception) continue;
            offset.push(listOffset(cls, size));
            exception.push(passend ? 0 : 1);
          }
        }
      }
    }
  }
  start.push(offset.length);
  const mask = new Int32Array(start.length - 1);
  const exceptionMask = new Int32Array(start.length - 1);
  for (let key = 0; key < mask.length; key++) {
    for (let i = start[key]; i < start[key + 1]; i++) {
      mask[key] |= 1 << offset[i];
      if (exception[i] === 1) exceptionMask[key] |= 1 << offset[i];
    }
  }
  return {
    start: Int32Array.from(start),
    offset: Int32Array.from(offset),
    exception: Uint8Array.from(exception),
    mask,
    exceptionMask,
  };
}

/**
 * The household in queue `group` that registered first among those that may have home `d` (ties: the
 * household that arrived first); with `preferSeniors`, the first senior if any fits, else the first of
 * any age. Returns −1 when none fits; sets `ctx.chosenException`. The hot loop of the allocation: it
 * reads the heads of the lists that fit, and takes the slow path only when a head is stale.
 */
export function firstEligible(
  ctx: AllocationContext,
  group: number,
  d: number,
  preferSeniors: boolean,
): number {
  const { st, am } = ctx;
  if (st.waitingInGroup[group] === 0) return -1;
  const { listHead, listMask, entryHousehold, entryRegistration, hhRegistration, hhRegistered } = st;
  const fit = am.fit;
  const q = ctx.quarter;
  const hard = isHardToLet(ctx, d);
  const key = fitKey(GROUP_CLASS_SET[group], hard ? 0 : Math.min(st.dwRooms[d], MAX_ROOMS), st.dwBand[d]);
  const fitMask = fit.mask[key];
  const exceptionMask = fit.exceptionMask[key];
  // A hard-to-let home takes a household wishing any kern; every home, one without a wish.
  const kernFrom = hard ? 0 : st.dwKern[d];
  const kernTo = hard ? am.nKern : kernFrom + 1;
  let best = -1;
  let bestRegistered = 0;
  let bestException = false;
  for (let j = kernFrom; j <= kernTo; j++) {
    const block = listBlock(am.nKern, group, j < kernTo ? (hard ? am.kernOrder[j] : j) : am.nKern);
    const base = block * LISTS_PER_KERN;
    // Only the lists that fit the home and hold someone: the set bits of both masks.
    let bits = listMask[block] & fitMask;
    while (bits !== 0) {
      const offset = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const list = base + offset;
      const e = listHead[list];
      if (e < 0) continue;
      let h = entryHousehold[e];
      if (hhRegistration[h] !== entryRegistration[e]) {
        h = headOf(ctx, list);
        if (h < 0) continue;
      }
      const registered = hhRegistered[h];
      const byException = ((exceptionMask >>> offset) & 1) === 1;
      if (byException && q - registered < am.exceptionAfterQuarters) continue;
      if (best < 0 || registered < bestRegistered || (registered === bestRegistered && h < best)) {
        best = h;
        bestRegistered = registered;
        bestException = byException;
      }
    }
  }
  if (preferSeniors && best >= 0 && !isSenior(ctx, best)) {
    const senior = firstInSet(ctx, SENIOR_LISTS, fitMask, kernFrom, kernTo);
    if (senior >= 0) {
      best = senior;
      bestException = false;
    }
  }
  ctx.chosenException = bestException;
  return best;
}

/**
 * Domijn's local priority for regular seekers on home `d`: local young heads on the cheapest homes,
 * local small households on homes up to the first aftoppingsgrens, local seniors on nultredenwoningen,
 * in that order; the earliest registered of the first rule that finds someone. −1 when none applies.
 */
function firstLocal(ctx: AllocationContext, d: number): number {
  const { st, am } = ctx;
  const hard = isHardToLet(ctx, d);
  const key = fitKey(GROUP_CLASS_SET[REGULIER], hard ? 0 : Math.min(st.dwRooms[d], MAX_ROOMS), st.dwBand[d]);
  const fitMask = am.fit.mask[key];
  const kernFrom = hard ? 0 : st.dwKern[d];
  const kernTo = hard ? am.nKern : kernFrom + 1;
  const band = st.dwBand[d];
  let h = -1;
  if (band === BAND_KWALITEITSKORTING) h = firstInSet(ctx, LOCAL_YOUNG_LISTS, fitMask, kernFrom, kernTo);
  if (h < 0 && band <= BAND_AFTOPPING_LAAG) h = firstInSet(ctx, LOCAL_SMALL_LISTS, fitMask, kernFrom, kernTo);
  if (h < 0 && st.dwType[d] === NULTREDEN) h = firstInSet(ctx, LOCAL_SENIOR_LISTS, fitMask, kernFrom, kernTo);
  return h;
}

/**
 * The earliest-registered household of a priority index (`set`) among regular seekers who may have the
 * home: the heads of the lists of that index that fit (regular seekers only, so no exception applies).
 */
function firstInSet(
  ctx: AllocationContext,
  set: number,
  fitMask: number,
  kernFrom: number,
  kernTo: number,
): number {
  const { st, am } = ctx;
  let best = -1;
  // Over every kern (a hard-to-let home) in the order of their ids; over one kern, that kern.
  const everyKern = kernTo - kernFrom > 1;
  for (let j = kernFrom; j <= kernTo; j++) {
    const block = listBlock(am.nKern, set, j < kernTo ? (everyKern ? am.kernOrder[j] : j) : am.nKern);
    let bits = st.listMask[block] & fitMask;
    while (bits !== 0) {
      const offset = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const h = headOf(ctx, block * LISTS_PER_KERN + offset);
      if (h < 0) continue;
      const r = st.hhRegistered[h];
      if (best < 0 || r < st.hhRegistered[best] || (r === st.hhRegistered[best] && h < best)) best = h;
    }
  }
  return best;
}

/** Whether a regular seeker counts as a senior for nultredenwoningen: by the head's age at registration. */
function isSenior(ctx: AllocationContext, h: number): boolean {
  const q = ctx.st.hhRegistered[h];
  return ctx.am.yearOfQuarter[Math.max(q, 0)] - ctx.st.hhBorn[h] >= ctx.am.nultredenFromAge;
}

/** Room left in the free allocation space: after one more free allocation the year stays within the share. */
export function freeSpaceLeft(ctx: AllocationContext): boolean {
  const { st, am } = ctx;
  return st.freeThisYear + 1 <= am.freeShare * (st.allocatedThisYear + 1) + 1e-9;
}

/**
 * Who gets vacant home `d`: the first step in the scenario's order that has an eligible household.
 * Returns −1 when nobody fits; sets `ctx.chosenGroup` and `ctx.chosenException`.
 */
export function chooseHousehold(ctx: AllocationContext, d: number): number {
  const { am, st } = ctx;
  const nultreden = st.dwType[d] === NULTREDEN;
  for (let s = 0; s < am.order.length; s++) {
    const group = am.order[s];
    let h = -1;
    if (group === URGENT) {
      h = firstEligible(ctx, URGENT, d, false);
    } else if (group === STATUSHOUDER) {
      // Priority for statushouders holds up to the taakstelling so far.
      if (st.housedStatushouderPersons < st.taakstellingPersons)
        h = firstEligible(ctx, STATUSHOUDER, d, false);
    } else if (group === DOORSTROMER) {
      if (nultreden) h = firstEligible(ctx, DOORSTROMER, d, false);
    } else if (group === VRIJ) {
      if (freeSpaceLeft(ctx)) h = firstEligible(ctx, VRIJ, d, false);
    } else {
      if (am.localPriority && st.waitingInGroup[REGULIER] > 0) {
        h = firstLocal(ctx, d);
        if (h >= 0) {
          ctx.chosenGroup = group;
          ctx.chosenException = false;
          return h;
        }
      }
      h = firstEligible(ctx, REGULIER, d, nultreden);
      // Without a priority step, seniors leaving a family home compete by registration for nultredenwoningen.
      if (nultreden) {
        const exception = ctx.chosenException;
        const senior = h >= 0 && isSenior(ctx, h);
        const mover = firstEligible(ctx, DOORSTROMER, d, false);
        if (mover >= 0 && (h < 0 || !senior || st.hhRegistered[mover] < st.hhRegistered[h])) {
          ctx.chosenGroup = DOORSTROMER;
          ctx.chosenException = false;
          return mover;
        }
        ctx.chosenException = exception;
      }
    }
    if (h >= 0) {
      ctx.chosenGroup = group;
      return h;
    }
  }
  return -1;
}
