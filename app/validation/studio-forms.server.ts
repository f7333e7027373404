/**
 * What the studio's grading forms accept: an instructor's override of an attempt and a review
 * decision. Out of the route modules so zod stays out of the browser (see account-forms.server.ts).
 */
import { z } from "zod";

/** A new grade with the reason the learner reads: the override form, and "change" in a review. */
export const gradeChangeSchema = z.object({
  score: z.coerce.number({ message: "staff.scoreInvalid" }).int("staff.scoreInvalid").min(0, "staff.scoreInvalid").max(100, "staff.scoreInvalid"),
  passed: z.enum(["ya", "tidak"], { message: "error.required" }),
  comment: z.string().trim().min(3, "staff.commentRequired").max(1000, "staff.commentRequired"),
});

export const reviewDecisionSchema = z.object({
  decision: z.enum(["confirm", "change"], { message: "error.required" }),
  comment: z.string().trim().max(1000, "staff.commentRequired"),
});
