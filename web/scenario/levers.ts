import type { Scenario } from "../../engine/index";
import { withFigure } from "./edit";

/** How the streefhuren of the social homes are spread over the four rent bands (they add up to 1). */
export type RentSplit = Record<
  "kwaliteitskorting" | "aftopping_laag" | "aftopping_hoog" | "liberalisatie",
  number
>;

/**
 * The tenants' organisation's levers, each a change of a scenario; the store checks the result against the schema. Like
 * every edit they write through `withFigure`, so a figure keeps its source and basis: the method
 * notebook and an exported scenario still say where the number came from.
 */
export const levers = {
  /**
   * The yearly rent increase against wage growth (the national agreements: rents follow wages). A
   * published maximum still caps it; after the published years it may go above wages.
   */
  rentSpread(s: Scenario, spread: number): Scenario {
    if (!s.affordability) return s;
    const out = withFigure(s, ["affordability", "rentPolicy", "spread"], spread);
    out.affordability!.rentPolicy.mode = "loon";
    return out;
  },
  /** The years the rents stay the same (none, or one from the lever); no figure, a policy choice. */
  freezeYear(s: Scenario, year: number | undefined): Scenario {
    const a = structuredClone(s.affordability);
    if (!a) return s;
    a.rentPolicy.freezeYears = year === undefined ? [] : [year];
    return { ...s, affordability: a };
  },
  salesPerYear(s: Scenario, homes: number): Scenario {
    return withFigure(s, ["policy", "sales", "perYear"], homes);
  },
  /** Homes the first corporation buys into the social stock per year (the years without a figure of their own). */
  acquisitionsPerYear(s: Scenario, homes: number): Scenario {
    return withFigure(s, ["policy", "acquisitions", "perYear"], homes);
  },
  /** The corporations' own homes with the worst label that get a warme jas each year (beyond the homes they sell). */
  warmeJasPerYear(s: Scenario, homes: number): Scenario {
    if (!s.affordability) return s;
    return withFigure(s, ["affordability", "energy", "warmeJasPerYear"], homes);
  },
  /** How the streefhuren of the social homes are spread over the rent bands (the four add up to 1). */
  rentSplit(s: Scenario, split: RentSplit): Scenario {
    const al = structuredClone(s.allocation);
    if (!al) return s;
    // The four shares change together; the split keeps its source and basis like any other figure.
    al.dwellings.rentBandShares = { ...al.dwellings.rentBandShares, ...split };
    return { ...s, allocation: al };
  },
  freeAllocationShare(s: Scenario, share: number): Scenario {
    if (!s.allocation) return s;
    return withFigure(s, ["allocation", "freeAllocation", "share"], share);
  },
  /** Who goes first: urgent households or statushouders (the rest of the order stays). */
  firstGroup(s: Scenario, first: "urgent" | "statushouder"): Scenario {
    const al = structuredClone(s.allocation);
    if (!al) return s;
    const rest = al.order.filter((g) => g !== "urgent" && g !== "statushouder");
    al.order = first === "urgent" ? ["urgent", "statushouder", ...rest] : ["statushouder", "urgent", ...rest];
    return { ...s, allocation: al };
  },
};
