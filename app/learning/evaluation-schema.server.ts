/**
 * The survey and action-plan form's schema. Server-only: evaluation.ts's constants and helpers are
 * imported by pages, and any zod there would ride along into their browser bundles (≈ 90 kB gz).
 */
import { z } from "zod";
import type { BaseKey } from "~/i18n";
import { COMMENT_MAX, EVIDENCE_MAX, PLAN_MAX, PLAN_MIN, planDueError } from "./evaluation";

const rating = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
  z.number({ message: "eval.error.rating" }).int("eval.error.rating").min(1, "eval.error.rating").max(5, "eval.error.rating"),
);

const text = (min: number, max: number, tooShort: BaseKey, tooLong: BaseKey) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : v),
    z
      .string({ message: "error.required" })
      .min(min, min <= 1 ? "error.required" : tooShort)
      .max(max, tooLong),
  );

/**
 * The form's schema for a given day: the plan's date lies between today and a year ahead, or is
 * the date already stored (an edit of the comment must not fail on a target that has passed).
 */
export function evaluationSchema(today: string, storedDue: string | null = null) {
  return z.object({
    relevance: rating,
    clarity: rating,
    practice: rating,
    time: rating,
    recommend: rating,
    comment: z.preprocess(
      (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : ""),
      z
        .string()
        .max(COMMENT_MAX, "eval.error.commentLong")
        .transform((v) => (v === "" ? null : v)),
    ),
    planChange: text(PLAN_MIN, PLAN_MAX, "eval.error.planShort", "eval.error.planLong"),
    planDue: z
      .string({ message: "error.required" })
      .trim()
      .superRefine((v, ctx) => {
        const error = planDueError(v, today, storedDue);
        if (error) ctx.addIssue({ code: "custom", message: error });
      }),
    planEvidence: text(1, EVIDENCE_MAX, "error.required", "eval.error.evidenceLong"),
  });
}

export type EvaluationInput = z.output<ReturnType<typeof evaluationSchema>>;
