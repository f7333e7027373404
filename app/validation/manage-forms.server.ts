/**
 * What the manager pages' forms accept: a course assignment and a certificate revocation.
 * Out of the route modules so zod stays out of the browser (decision 026).
 */
import { z } from "zod";

export const assignSchema = z.object({
  courseId: z.string().min(1, "error.required"),
  agencyId: z.string().min(1, "error.required"),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "assign.dueInvalid")
    .refine((d) => !Number.isNaN(Date.parse(d)) && d >= new Date().toISOString().slice(0, 10), "assign.dueInvalid"),
});

export const revokeSchema = z.object({ certificateId: z.string().min(1), reason: z.string().trim().min(5).max(500) });
