import type { adminId } from "./id.admin";

/** English strings of the admin pages; merged into the English dictionary. */
export const adminEn: Record<keyof typeof adminId, string> = {};
