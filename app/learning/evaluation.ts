/**
 * The reaction survey and follow-up action plan (RTL, rencana tindak lanjut) a learner fills in
 * after completing a course: LAN evaluation levels 1 and 3 (decision 016). Pure: validation,
 * the edit window and the means managers see. The server stores and scopes.
 */
import type { BaseKey } from "~/i18n";
import { jakartaToday } from "~/utils/dates";

/** The five 1–5 questions, in the order the form and the tables show them. */
export const SURVEY_QUESTIONS = ["relevance", "clarity", "practice", "time", "recommend"] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
export const SCALE = [1, 2, 3, 4, 5] as const;

/** Days after the first submit during which the learner may still change the answers. */
export const EDIT_DAYS = 30;
/** The action plan's target date lies at most this many days ahead. */
export const PLAN_MAX_DAYS = 366;
/** Means of fewer responses are not shown per unit: a rating stays the learner's own. */
export const MIN_GROUP = 3;

export const COMMENT_MAX = 1000;
export const PLAN_MIN = 10;
export const PLAN_MAX = 1000;
export const EVIDENCE_MAX = 500;

const DAY = 24 * 60 * 60 * 1000;
/** The Jakarta calendar date of a moment, "2026-12-03". */
export const jakartaDay = (now: Date): string => jakartaToday(now);

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** What is wrong with a plan's target date, or null: one message, the first problem found. */
export function planDueError(value: string, today: string, storedDue: string | null = null): BaseKey | null {
  if (value === "") return "error.required";
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) return "eval.error.date";
  if (value === storedDue) return null;
  if (value < today) return "eval.error.datePast";
  if (value > addDays(today, PLAN_MAX_DAYS)) return "eval.error.dateFar";
  return null;
}

/** The fields as posted, kept to refill the form after an error. */
export type EvaluationFields = Partial<Record<SurveyQuestion | "comment" | "planChange" | "planDue" | "planEvidence", string>>;

export function evaluationFields(form: FormData): EvaluationFields {
  const out: EvaluationFields = {};
  for (const name of [...SURVEY_QUESTIONS, "comment", "planChange", "planDue", "planEvidence"] as const) {
    const v = form.get(name);
    if (typeof v === "string") out[name] = v.slice(0, 4000);
  }
  return out;
}

/** Until when the learner may change what they first sent at `submittedAt`. */
export function editableUntil(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + EDIT_DAYS * DAY);
}

export function canEditEvaluation(submittedAt: Date | null, now: Date = new Date()): boolean {
  return submittedAt === null || now.getTime() < editableUntil(submittedAt).getTime();
}

/** Rating sums of one group (a course in one unit), as the database adds them up. */
export type RatingSums = { responses: number } & Record<SurveyQuestion, number>;

export type SurveyMeans = {
  responses: number;
  /** One decimal; null when the group is too small to show (or empty). */
  means: Record<SurveyQuestion, number | null>;
  overall: number | null;
};

// sum·10 / count is rounded, not (sum / count)·10: 63 / 20 = 3.15 must give 3.2, not 3.1.
const meanOf = (sum: number, count: number) => Math.round((sum * 10) / count) / 10;

/** Means of a group's ratings, hidden below `minGroup` responses. */
export function surveyMeans(sums: RatingSums, minGroup = 1): SurveyMeans {
  const shown = sums.responses > 0 && sums.responses >= minGroup;
  const means = Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, shown ? meanOf(sums[q], sums.responses) : null])) as SurveyMeans["means"];
  const total = SURVEY_QUESTIONS.reduce((n, q) => n + sums[q], 0);
  return { responses: sums.responses, means, overall: shown ? meanOf(total, sums.responses * SURVEY_QUESTIONS.length) : null };
}

/** A mean as people read it: one decimal, a decimal comma in Indonesian ("3,9"), "4,0" not "4". */
export function formatMean(value: number, lang: "id" | "en"): string {
  const text = value.toFixed(1);
  return lang === "id" ? text.replace(".", ",") : text;
}

const emptySums = (): RatingSums => ({ responses: 0, relevance: 0, clarity: 0, practice: 0, time: 0, recommend: 0 });

function add(into: RatingSums, from: RatingSums) {
  into.responses += from.responses;
  for (const q of SURVEY_QUESTIONS) into[q] += from[q];
}

/**
 * Rolls sums per (course, unit) up to means per course and per unit of one course. Groups with
 * fewer than `MIN_GROUP` responses show their count but no numbers, so nobody's rating can be
 * read off a mean (the action plans are shown by name; the ratings never are).
 */
export function surveySummary<G extends RatingSums & { courseId: string; unitId: string }>(groups: G[], selectedCourseId: string | null) {
  const perCourse = new Map<string, RatingSums>();
  for (const g of groups) {
    const sums = perCourse.get(g.courseId) ?? emptySums();
    add(sums, g);
    perCourse.set(g.courseId, sums);
  }
  const perUnit = new Map<string, RatingSums>();
  for (const g of groups.filter((g) => g.courseId === selectedCourseId)) {
    const sums = perUnit.get(g.unitId) ?? emptySums();
    add(sums, g);
    perUnit.set(g.unitId, sums);
  }
  return {
    courses: new Map([...perCourse].map(([id, sums]) => [id, surveyMeans(sums, MIN_GROUP)])),
    units: new Map([...perUnit].map(([id, sums]) => [id, surveyMeans(sums, MIN_GROUP)])),
  };
}
