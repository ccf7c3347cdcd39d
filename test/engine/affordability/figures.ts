import type { HuurtoeslagParams } from "../../../engine/affordability/huurtoeslag";

/** The baseline's simplified huurtoeslag parameters (data/scenarios/basis.json), for hand-checked tests. */
export const HUURTOESLAG: HuurtoeslagParams = {
  minimumBasishuur: 225,
  incomeFloor: 20_000,
  slope: 0.3,
  shareToKwaliteitskorting: 1,
  shareToAftopping: 0.65,
  shareAboveAftopping: 0.4,
};

/** Rent limits on 1 January 2025 (Rijksoverheid). */
export const LIMITS_2025 = { kkg: 477.2, aftLaag: 682.96, aftHoog: 731.93, lib: 900.07 };
