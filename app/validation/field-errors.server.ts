import type { z } from "zod";
import { isAnyMessageKey } from "~/utils/i18n.server";
import type { FieldErrors } from "./account";

// Server-only (actions): it must recognise staff-only keys too, and those stay out of the bundle.
/** Flattens a zod error into `{ field: messageKey }` (first problem per field). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    // A tampered form (field missing, value outside a list) gets zod's English text: show a translated one.
    const message = isAnyMessageKey(issue.message) ? issue.message : issue.code === "invalid_type" ? "error.required" : "admin.invalidChoice";
    if (!out[field]) out[field] = message;
  }
  return out;
}
