import type { Agency } from "../../db/schema";

/** The levels of the agency tree, top down: the admin form's choices and what its action accepts. */
export const AGENCY_KINDS = ["province", "regency", "agency", "unit"] as const satisfies readonly Agency["kind"][];
