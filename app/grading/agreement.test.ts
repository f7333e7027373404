import { describe, expect, it } from "vitest";
import { agreementReport, cohenKappa, expectedElements, kappaFromMatrix, percentAgreement, type LabelledGrade } from "./agreement";

describe("Cohen's kappa", () => {
  it("matches a worked example (po 0.7, pe 0.5 → 0.4)", () => {
    // 20 pass/pass, 5 human-pass grader-fail, 10 human-fail grader-pass, 15 fail/fail.
    const c = { truePass: 20, falseFail: 5, falsePass: 10, trueFail: 15 };
    expect(percentAgreement(c)).toBeCloseTo(0.7);
    expect(cohenKappa(c)).toBeCloseTo(0.4);
  });

  it("is 1 for perfect agreement, 0 for chance, negative for systematic disagreement", () => {
    expect(cohenKappa({ truePass: 10, falseFail: 0, falsePass: 0, trueFail: 10 })).toBe(1);
    expect(cohenKappa({ truePass: 5, falseFail: 5, falsePass: 5, trueFail: 5 })).toBeCloseTo(0);
    expect(cohenKappa({ truePass: 0, falseFail: 10, falsePass: 10, trueFail: 0 })).toBeCloseTo(-1);
  });

  it("handles one class only and no items", () => {
    expect(cohenKappa({ truePass: 7, falseFail: 0, falsePass: 0, trueFail: 0 })).toBe(1);
    expect(cohenKappa({ truePass: 6, falseFail: 1, falsePass: 0, trueFail: 0 })).toBe(0);
    expect(
      kappaFromMatrix([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(1);
  });

  it("works for more than two classes", () => {
    expect(
      kappaFromMatrix([
        [10, 0, 0],
        [0, 10, 0],
        [0, 0, 10],
      ]),
    ).toBe(1);
    expect(
      kappaFromMatrix([
        [5, 2, 0],
        [1, 6, 1],
        [0, 1, 4],
      ]),
    ).toBeCloseTo(0.6169, 3); // po 15/20, pe 139/400;
  });
});

describe("agreement report", () => {
  const row = (
    exercise: string,
    expectedPass: boolean,
    actualPass: boolean,
    expected: Record<string, boolean>,
    actual: Record<string, boolean>,
  ): LabelledGrade => ({
    exercise,
    turn: "t1",
    expectedPass,
    actualPass,
    expected,
    actual,
  });

  it("counts the confusion table, per exercise and per criterion, and names the element that disagrees most", () => {
    const r = agreementReport([
      row("a", true, true, { kk: true, gratis: true }, { kk: true, gratis: true }),
      row("a", false, true, { gratis: false }, { kk: true, gratis: true }),
      row("a", false, false, { kk: false }, { kk: false, gratis: true }),
      row("b", true, false, { salam: true }, { salam: false }),
      row("b", false, true, { salam: false }, { salam: true }),
    ]);
    expect(r.n).toBe(5);
    expect(r.confusion).toEqual({ truePass: 1, falsePass: 2, falseFail: 1, trueFail: 1 });
    expect(r.agreement).toBeCloseTo(0.4);
    expect(r.perExercise.map((e) => [e.exercise, e.n])).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
    expect(r.perCriterion.map((c) => [c.id, c.labelled, c.agreed])).toEqual([
      ["a/gratis", 2, 1],
      ["a/kk", 2, 2],
      ["b/salam", 2, 0],
    ]);
    expect(r.mostDisagreed?.id).toBe("b/salam");
  });

  it("has no most-disagreed element when all agree", () => {
    expect(agreementReport([row("a", true, true, { kk: true }, { kk: true })]).mostDisagreed).toBeNull();
  });

  it("reads element labels from a labelled line", () => {
    expect(expectedElements({ expected_pass: true }, ["salam", "kk"], ["abusive"])).toEqual({ salam: true, kk: true, abusive: false });
    expect(
      expectedElements(
        { expected_pass: false, expected_missing: ["kk"], expected_violations: ["blame"], criteria: { salam: true } },
        ["salam", "kk"],
        ["blame"],
      ),
    ).toEqual({
      kk: false,
      blame: true,
      salam: true,
    });
  });
});
