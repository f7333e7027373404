import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { graderLabels, humanTurnPasses, inSample, labelsPass, reviewRouting, sampleBucket, type RoutingInput } from "./review";

const base: RoutingInput = { attemptId: "a1", passed: true, turnReviews: [[], []], lessonComplete: false, samplePercent: 0 };

describe("reviewRouting", () => {
  it("sends a pass with any turn's review reason, reasons merged and sorted", () => {
    expect(reviewRouting({ ...base, turnReviews: [["low-similarity"], ["integrity:copy", "low-similarity"]] })).toEqual({
      review: true,
      reasons: ["integrity:copy", "low-similarity"],
    });
    expect(reviewRouting({ ...base, turnReviews: [undefined, ["fact-unresolved"]] })).toEqual({ review: true, reasons: ["fact-unresolved"] });
  });

  it("lets a sure pass through when the course samples nothing", () => {
    expect(reviewRouting(base)).toEqual({ review: false });
  });

  it("never queues a failed attempt (it completes nothing) nor one whose lesson is already complete", () => {
    expect(reviewRouting({ ...base, passed: false, turnReviews: [["integrity:gaming"]] })).toEqual({ review: false });
    expect(reviewRouting({ ...base, lessonComplete: true, turnReviews: [["low-similarity"]] })).toEqual({ review: false });
    expect(reviewRouting({ ...base, passed: false, samplePercent: 100 })).toEqual({ review: false });
  });

  it("samples a deterministic share of sure passes", () => {
    expect(reviewRouting({ ...base, samplePercent: 100 })).toEqual({ review: true, reasons: ["sample"] });
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const picked = ids.filter((id) => reviewRouting({ ...base, attemptId: id, samplePercent: 10 }).review);
    // 10 % of 4000 = 400; a uniform hash stays well within ±25 %.
    expect(picked.length).toBeGreaterThan(300);
    expect(picked.length).toBeLessThan(500);
    // Same id, same answer, every time.
    for (const id of ids.slice(0, 200))
      expect(reviewRouting({ ...base, attemptId: id, samplePercent: 10 })).toEqual(reviewRouting({ ...base, attemptId: id, samplePercent: 10 }));
    // A bigger share keeps every id a smaller one picked.
    for (const id of picked) expect(inSample(id, 25)).toBe(true);
  });

  it("a review reason wins over the sample", () => {
    expect(reviewRouting({ ...base, samplePercent: 100, turnReviews: [["low-similarity"]] })).toEqual({ review: true, reasons: ["low-similarity"] });
  });
});

describe("sample buckets", () => {
  it("are stable and spread over 0–99", () => {
    expect(sampleBucket("abc")).toBe(sampleBucket("abc"));
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => sampleBucket(`attempt-${i}`)));
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(99);
    expect(seen.size).toBe(100);
    expect(inSample("anything", 0)).toBe(false);
  });
});

describe("labels of a review", () => {
  const grade = { met: [{ id: "salam" }, { id: "kk" }], missed: [{ id: "gratis" }], violated: [{ id: "abusive" }] };

  it("pre-fill from the grader's element statuses", () => {
    expect(graderLabels(grade)).toEqual({ salam: true, kk: true, gratis: false, abusive: true });
  });

  it("pass when every required element is met and no violation is present", () => {
    const required = ["salam", "kk", "gratis"];
    expect(labelsPass({ salam: true, kk: true, gratis: true, abusive: false }, required)).toBe(true);
    expect(labelsPass(graderLabels(grade), required)).toBe(false);
  });

  it("turn verdicts follow the decision: a pass passes every turn, a fail the turns whose labels fail (or all of them)", () => {
    const ok = { labels: { salam: true }, required: ["salam"] };
    const bad = { labels: { salam: false }, required: ["salam"] };
    expect(humanTurnPasses(true, [ok, bad])).toEqual([true, true]);
    expect(humanTurnPasses(false, [ok, bad])).toEqual([true, false]);
    expect(humanTurnPasses(false, [ok, ok])).toEqual([false, false]);
  });
});
