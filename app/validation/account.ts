import { z } from "zod";
import type { MessageKey } from "~/i18n";

/**
 * Account field rules shared by forms, the CSV import and the seed. Error messages are
 * dictionary keys so the route can show them in the user's language.
 */
export function nipError(raw: string): MessageKey | null {
  const nip = raw.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(nip)) return "error.nip";
  // NIP = birth date (YYYYMMDD) + appointment (YYYYMM) + gender digit + sequence.
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  const validBirth = y >= 1940 && y <= 2015 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  const appointMonth = Number(nip.slice(12, 14));
  if (!validBirth || appointMonth < 1 || appointMonth > 12) return "error.nipDate";
  return null;
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "error.required")
  .max(254, "error.email")
  // ASCII only: zero-width characters, Cyrillic look-alikes (раul@…) and RTL overrides make
  // two addresses that read the same (probe finding 7). Government mail is ASCII.
  .regex(/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/, "error.email");

export const nipSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, ""))
  .superRefine((v, ctx) => {
    if (v === "") return;
    const err = nipError(v);
    if (err) ctx.addIssue({ code: "custom", message: err });
  })
  .transform((v) => (v === "" ? null : v));

export const passwordSchema = z.string().min(10, "error.passwordShort").max(200, "error.passwordShort");

export const roleSchema = z.enum(["learner", "instructor", "manager", "admin"]);

export const newAccountSchema = z.object({
  name: z.string().trim().min(1, "error.required").max(200, "error.required"),
  email: emailSchema,
  nip: nipSchema,
  agencyId: z.string().min(1, "error.required"),
  role: roleSchema,
  password: passwordSchema,
});

/** A new password typed twice (set-password link and password change). */
export const newPasswordSchema = z
  .object({ next: passwordSchema, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: "error.passwordMismatch", path: ["confirm"] });

export const changePasswordSchema = z
  .object({ current: z.string().min(1, "error.required"), next: passwordSchema, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: "error.passwordMismatch", path: ["confirm"] });

export type FieldErrors = Record<string, MessageKey>;
