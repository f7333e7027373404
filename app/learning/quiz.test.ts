import { describe, expect, it } from "vitest";
import type { Quiz } from "~/content/schema";
import { answersFromForm, gradeQuiz, publicQuiz } from "./quiz";

const quiz: Quiz = {
  id: "uji",
  questions: [
    {
      id: "q1",
      type: "single",
      prompt: "Satu?",
      options: [
        { text: "A", correct: false, explanation: "EXPL-A" },
        { text: "B", correct: true, explanation: "EXPL-B" },
      ],
    },
    {
      id: "q2",
      type: "multiple",
      prompt: "Banyak?",
      options: [
        { text: "A", correct: true, explanation: "x" },
        { text: "B", correct: true, explanation: "y" },
        { text: "C", correct: false, explanation: "z" },
      ],
    },
    {
      id: "q3",
      type: "truefalse",
      prompt: "Benar?",
      options: [
        { text: "Benar", correct: false, explanation: "s" },
        { text: "Salah", correct: true, explanation: "t" },
      ],
    },
  ],
};

describe("quiz grading", () => {
  it("scores by exact option sets", () => {
    expect(gradeQuiz(quiz, { q1: [1], q2: [0, 1], q3: [1] }).score).toBe(100);
    const partial = gradeQuiz(quiz, { q1: [1], q2: [0, 1, 2], q3: [0] });
    expect(partial.correct).toBe(1);
    expect(partial.score).toBe(33);
    expect(gradeQuiz(quiz, { q2: [0] }).score).toBe(0);
  });

  it("explains every option after grading", () => {
    const r = gradeQuiz(quiz, { q1: [0] });
    expect(r.questions[0]!.options).toEqual([
      { index: 0, selected: true, correct: false, explanation: "EXPL-A" },
      { index: 1, selected: false, correct: true, explanation: "EXPL-B" },
    ]);
  });

  it("reads form fields, ignoring junk and extra picks on single questions", () => {
    const form = new URLSearchParams([
      ["q:q1", "1"],
      ["q:q1", "0"],
      ["q:q2", "2"],
      ["q:q2", "9"],
      ["q:q2", "x"],
      ["q:q3", "-1"],
    ]);
    expect(answersFromForm(quiz, form)).toEqual({ q1: [0], q2: [2], q3: [] });
  });

  it("never exposes answer keys or explanations publicly", () => {
    const text = JSON.stringify(publicQuiz(quiz));
    expect(text).not.toMatch(/correct|explanation|EXPL/);
    expect(publicQuiz(quiz).questions[1]!.options.map((o) => o.text)).toEqual(["A", "B", "C"]);
  });
});
