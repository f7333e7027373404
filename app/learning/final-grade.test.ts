import { describe, expect, it } from "vitest";
import { finalGrade } from "./final-grade";

describe("final grade", () => {
  it("is the graded result when nobody overrode it", () => {
    expect(finalGrade({ score: 64, passed: false, overrideScore: null, overridePassed: null })).toEqual({
      score: 64,
      passed: false,
      overridden: false,
      originalScore: null,
    });
  });

  it("is the override when there is one, with the graded score as the original", () => {
    expect(finalGrade({ score: 64, passed: false, overrideScore: 80, overridePassed: true })).toEqual({
      score: 80,
      passed: true,
      overridden: true,
      originalScore: 64,
    });
    expect(finalGrade({ score: 90, passed: true, overrideScore: 40, overridePassed: false })).toMatchObject({ score: 40, passed: false, originalScore: 90 });
  });
});
