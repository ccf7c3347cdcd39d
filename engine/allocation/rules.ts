import { type AllocationContext, ageAt } from "./context";
import { rentCeilingBand } from "./households";
import { headOf, MAX_SIZE, profileOf } from "./queues";
import { TENANT_WAITING, WAITING } from "./state";
import { DOORSTROMER, INCOME_LOW, NULTREDEN, REGULIER, STATUSHOUDER, URGENT, VRIJ } from "./vocabulary";

/**
 * The allocation rules: who may have a vacant home, and who of them gets it. Steps run in the order the
 * scenario sets; within a queue the earliest registration that fits wins (ties: the household that
 * arrived first).
 *
 * Whether a household may have a home depends only on its profile (size, income class, kern wish) and,
 * for the named passend exception, on how long it has waited. So a vacancy enumerates the profiles
 * that fit it and compares the heads of their lists (see ./queues).
 */

const NOT_ELIGIBLE = 0;
const ELIGIBLE = 1;
/** Eligible only through the named passend exception (maatwerk for urgent households and statushouders). */
const BY_EXCEPTION = 2;

/** Is `d` hard to let: vacant so long that size match and kern wish no longer apply? */
export function isHardToLet(ctx: AllocationContext, d: number): boolean {
  return ctx.quarter - ctx.st.dwVacantSince[d] >= ctx.am.hardToLetAfterQuarters;
}

/**
 * Passend toewijzen for a household of income class `cls` and `size` persons in home `d`: a household
 * under the income limit gets a rent within its ceiling (the first aftoppingsgrens for one or two
 * persons, the second for more); urgent households and statushouders may be excepted after waiting.
 */
function passendVerdict(ctx: AllocationContext, cls: number, size: number, d: number, group: number): number {
  if (!ctx.am.passendActive || cls !== INCOME_LOW || ctx.st.dwBand[d] <= rentCeilingBand(size))
    return ELIGIBLE;
  return group === URGENT || group === STATUSHOUDER ? BY_EXCEPTION : NOT_ELIGIBLE;
}

/** Income classes that can be in a queue: regular seekers are under the DAEB limit, `vrij` above it. */
const CLASS_LO = [0, 0, 0, 2, 0];
const CLASS_HI = [2, 2, 2, 2, 1];

/**
 * The household in queue `group` that registered first among those that may have home `d`; with
 * `preferSeniors`, the first senior (at registration) if any fits, else the first of any age. Returns −1
 * when none fits; sets `ctx.chosenException`. This is the hot loop of the allocation: it reads the
 * heads of the lists that fit and takes the slow path (dropping stale heads) only when a head is stale.
 */
export function firstEligible(
  ctx: AllocationContext,
  group: number,
  d: number,
  preferSeniors: boolean,
): number {
  const { st, am } = ctx;
  if (st.waitingInGroup[group] === 0) return -1;
  const { listHead, entryHousehold, hhEntry, hhState, hhLeave, hhRegistered } = st;
  const q = ctx.quarter;
  const hard = isHardToLet(ctx, d);
  const rooms = st.dwRooms[d];
  const sizeLo = hard ? 1 : Math.max(1, rooms - am.maxRoomsAbovePersons);
  const sizeHi = hard ? MAX_SIZE : Math.min(MAX_SIZE, rooms + am.maxPersonsAboveRooms);
  const stride = am.nKern + 1;
  // Lists without a kern wish sit at offset 0, those wishing kern k at k + 1; a hard-to-let home takes all.
  const wishOffset = st.dwKern[d] + 1;
  const base = group * am.nProfiles;
  let best = -1;
  let bestRegistered = 0;
  let bestException = false;
  for (let senior = 1; senior >= 0; senior--) {
    for (let cls = CLASS_LO[group]; cls <= CLASS_HI[group]; cls++) {
      for (let size = sizeLo; size <= sizeHi; size++) {
        const verdict = passendVerdict(ctx, cls, size, d, group);
        if (verdict === NOT_ELIGIBLE) continue;
        const row = base + profileOf(am.nKern, senior, cls, size, -1);
        for (let offset = 0; offset < stride; offset = hard || offset > 0 ? offset + 1 : wishOffset) {
          const list = row + offset;
          const e = listHead[list];
          if (e < 0) continue;
          let h = entryHousehold[e];
          const state = hhState[h];
          if (hhEntry[h] !== e || (state !== WAITING && state !== TENANT_WAITING) || hhLeave[h] <= q) {
            h = headOf(ctx, list, q);
            if (h < 0) continue;
          }
          const registered = hhRegistered[h];
          if (verdict === BY_EXCEPTION && q - registered < am.exceptionAfterQuarters) continue;
          if (best < 0 || registered < bestRegistered || (registered === bestRegistered && h < best)) {
            best = h;
            bestRegistered = registered;
            bestException = verdict === BY_EXCEPTION;
          }
          if (!hard && offset > 0) break;
        }
      }
    }
    if (preferSeniors && best >= 0) break;
  }
  ctx.chosenException = bestException;
  return best;
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
      h = firstEligible(ctx, REGULIER, d, nultreden);
      // Without a priority step, seniors leaving a family home compete by registration for nultredenwoningen.
      if (nultreden) {
        const exception = ctx.chosenException;
        const senior = h >= 0 && ageAt(ctx, h, ctx.quarter) >= am.nultredenFromAge;
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
