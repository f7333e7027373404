import { describe, expect, it } from "vitest";
import { evaluationSchema } from "./evaluation-schema.server";
import {
  canEditEvaluation,
  editableUntil,
  EDIT_DAYS,
  evaluationFields,
  formatMean,
  jakartaDay,
  MIN_GROUP,
  surveyMeans,
  surveySummary,
  type RatingSums,
} from "./evaluation";

const TODAY = "2026-12-03";
const valid = {
  relevance: "5",
  clarity: "4",
  practice: "4",
  time: "3",
  recommend: "5",
  comment: "",
  planChange: "Menjawab setiap DM warga pada hari kerja yang sama.",
  planDue: "2027-01-31",
  planEvidence: "Rekap bulanan waktu respons di rapat bidang.",
};
const errorsOf = (input: Record<string, unknown>, storedDue: string | null = null) => {
  const parsed = evaluationSchema(TODAY, storedDue).safeParse(input);
  // The first problem per field, as fieldErrors shows it.
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.reverse().map((i) => [String(i.path[0]), i.message]));
};

describe("evaluation form validation", () => {
  it("accepts a complete form: ratings as numbers, an empty comment as null, text trimmed", () => {
    const parsed = evaluationSchema(TODAY).parse({ ...valid, planChange: `  ${valid.planChange}\r\n`, comment: "   " });
    expect(parsed).toMatchObject({
      relevance: 5,
      clarity: 4,
      practice: 4,
      time: 3,
      recommend: 5,
      comment: null,
      planChange: valid.planChange,
      planDue: "2027-01-31",
    });
  });

  it("refuses missing, out-of-scale and non-integer ratings with a dictionary key", () => {
    expect(errorsOf({ ...valid, relevance: undefined })).toEqual({ relevance: "eval.error.rating" });
    for (const bad of ["0", "6", "3.5", "lima", "-1", ""]) expect(errorsOf({ ...valid, clarity: bad })).toEqual({ clarity: "eval.error.rating" });
  });

  it("needs a plan of at least 10 characters and a way for the supervisor to see it", () => {
    expect(errorsOf({ ...valid, planChange: "singkat" })).toEqual({ planChange: "eval.error.planShort" });
    expect(errorsOf({ ...valid, planChange: "x".repeat(1001) })).toEqual({ planChange: "eval.error.planLong" });
    expect(errorsOf({ ...valid, planEvidence: "  " })).toEqual({ planEvidence: "error.required" });
    expect(errorsOf({ ...valid, planEvidence: undefined })).toEqual({ planEvidence: "error.required" });
    expect(errorsOf({ ...valid, comment: "k".repeat(1001) })).toEqual({ comment: "eval.error.commentLong" });
  });

  it("takes a target date from today to a year ahead; an edit may keep the stored date after it passed", () => {
    expect(errorsOf({ ...valid, planDue: TODAY })).toEqual({});
    expect(errorsOf({ ...valid, planDue: "2026-12-02" })).toEqual({ planDue: "eval.error.datePast" });
    expect(errorsOf({ ...valid, planDue: "2027-12-04" })).toEqual({});
    expect(errorsOf({ ...valid, planDue: "2027-12-05" })).toEqual({ planDue: "eval.error.dateFar" });
    expect(errorsOf({ ...valid, planDue: "" })).toEqual({ planDue: "error.required" });
    for (const bad of ["2027-02-30", "31/01/2027", "besok", "2027-1-05"]) expect(errorsOf({ ...valid, planDue: bad })).toEqual({ planDue: "eval.error.date" });
    expect(errorsOf({ ...valid, planDue: "2026-11-20" }, "2026-11-20")).toEqual({});
    expect(errorsOf({ ...valid, planDue: "2026-11-21" }, "2026-11-20")).toEqual({ planDue: "eval.error.datePast" });
  });

  it("keeps only the form's own fields, as strings, to refill it", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(valid)) form.set(k, v);
    form.set("role", "admin");
    expect(evaluationFields(form)).toEqual(valid);
  });

  it("counts the day on the Jakarta calendar", () => {
    expect(jakartaDay(new Date("2026-12-03T16:59:00Z"))).toBe("2026-12-03");
    expect(jakartaDay(new Date("2026-12-03T17:00:00Z"))).toBe("2026-12-04");
  });
});

describe("edit window", () => {
  it(`is open before the first submit and for ${EDIT_DAYS} days after it`, () => {
    const sent = new Date("2026-12-01T03:00:00Z");
    expect(canEditEvaluation(null)).toBe(true);
    expect(editableUntil(sent)).toEqual(new Date("2026-12-31T03:00:00Z"));
    expect(canEditEvaluation(sent, new Date("2026-12-31T02:59:59Z"))).toBe(true);
    expect(canEditEvaluation(sent, new Date("2026-12-31T03:00:00Z"))).toBe(false);
  });
});

const sums = (responses: number, each: [number, number, number, number, number]): RatingSums => ({
  responses,
  relevance: each[0],
  clarity: each[1],
  practice: each[2],
  time: each[3],
  recommend: each[4],
});

describe("survey means", () => {
  it("gives one-decimal means per question and overall", () => {
    expect(surveyMeans(sums(3, [14, 12, 10, 9, 13]))).toEqual({
      responses: 3,
      means: { relevance: 4.7, clarity: 4, practice: 3.3, time: 3, recommend: 4.3 },
      overall: 3.9,
    });
  });

  it("rounds half up without floating-point surprises (63 / 20 = 3.15 → 3.2)", () => {
    expect(surveyMeans(sums(4, [13, 13, 13, 11, 13])).overall).toBe(3.2);
    expect(surveyMeans(sums(4, [13, 13, 13, 11, 13])).means.time).toBe(2.8);
  });

  it("writes a mean with one decimal, with a decimal comma in Indonesian", () => {
    expect(formatMean(4, "id")).toBe("4,0");
    expect(formatMean(3.9, "id")).toBe("3,9");
    expect(formatMean(3.9, "en")).toBe("3.9");
  });

  it("hides the numbers of a group smaller than the minimum, and of an empty one", () => {
    expect(surveyMeans(sums(2, [10, 10, 10, 10, 10]), MIN_GROUP)).toEqual({
      responses: 2,
      means: { relevance: null, clarity: null, practice: null, time: null, recommend: null },
      overall: null,
    });
    expect(surveyMeans(sums(0, [0, 0, 0, 0, 0])).overall).toBeNull();
  });

  it("rolls unit groups up to the course and splits the selected course by unit", () => {
    const groups = [
      { courseId: "etika", unitId: "u1", ...sums(2, [10, 8, 8, 6, 10]) },
      { courseId: "etika", unitId: "u2", ...sums(3, [9, 9, 9, 9, 9]) },
      { courseId: "hoaks", unitId: "u1", ...sums(4, [20, 20, 20, 20, 20]) },
    ];
    const summary = surveySummary(groups, "etika");
    expect(summary.courses.get("etika")).toMatchObject({ responses: 5, means: { relevance: 3.8, clarity: 3.4, time: 3 }, overall: 3.5 });
    expect(summary.courses.get("hoaks")).toMatchObject({ responses: 4, overall: 5 });
    expect([...summary.units.keys()]).toEqual(["u1", "u2"]);
    expect(summary.units.get("u1")).toMatchObject({ responses: 2, overall: null }); // fewer than MIN_GROUP
    expect(summary.units.get("u2")).toMatchObject({ responses: 3, overall: 3 });
    expect(surveySummary(groups, null).units.size).toBe(0);
    // A course answered by fewer than MIN_GROUP people shows its count only.
    expect(surveySummary([{ courseId: "x", unitId: "u1", ...sums(1, [5, 5, 5, 5, 5]) }], "x").courses.get("x")!.overall).toBeNull();
  });
});
