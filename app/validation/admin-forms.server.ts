/**
 * What the admin pages' forms and query strings accept (audit log, outbox, agency tree, issuers,
 * accounts). Out of the route modules so zod stays out of the browser (see account-forms.server.ts).
 */
import { z } from "zod";
import { AGENCY_KINDS } from "~/utils/agency-kinds";
import { ROLES } from "~/utils/policy";

/** Bad query values fall back to the first page / all actions instead of failing the page. */
export const auditQuerySchema = z.object({
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
  aksi: z.string().trim().max(100).catch(""),
});

export const outboxQuerySchema = z.object({
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
  // A recipient to filter by: addresses are stored lower-case; anything too long is no address.
  kepada: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .catch("")
    .transform((s) => s || null),
});

const nameSchema = z.string().trim().min(1, "error.required").max(200, "admin.agencies.nameTooLong");
// An empty choice means "top level" (no parent).
const parentSchema = z
  .string()
  .max(100)
  .transform((v) => v || null);
const agencyIdSchema = z.string().min(1, "error.required");

export const agencyActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: nameSchema,
    code: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, "error.required")
      .regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, "admin.agencies.codeFormat"),
    kind: z.enum(AGENCY_KINDS, { message: "admin.invalidChoice" }),
    parentId: parentSchema,
  }),
  z.object({ intent: z.literal("rename"), agencyId: agencyIdSchema, name: nameSchema }),
  z.object({ intent: z.literal("move"), agencyId: agencyIdSchema, parentId: parentSchema }),
]);

const text = (max: number) => z.string().trim().min(1, "error.required").max(max, "error.badForm");

export const issuerSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    agencyId: z
      .string()
      .max(100)
      .transform((v) => v || null),
    institution: text(200),
    signatoryName: text(200),
    signatoryNip: z
      .string()
      .trim()
      .regex(/^(\d{18})?$/, "admin.issuer.nipFormat")
      .transform((v) => v || null),
    signatoryTitle: text(200),
  }),
  z.object({ intent: z.literal("remove"), scope: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("rotate") }),
]);

export const accountSchema = z.object({
  userId: z.string().min(1, "error.required"),
  role: z.enum(ROLES, { message: "admin.invalidChoice" }),
  agencyId: z.string().min(1, "error.required").max(100, "admin.invalidChoice"),
  // An unticked checkbox is not submitted at all.
  disabled: z
    .literal("on", { message: "admin.invalidChoice" })
    .optional()
    .transform((v) => v === "on"),
});
