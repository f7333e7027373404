import type { Quiz } from "~/content/schema";

/** What the browser may see of a quiz: no `correct`, no explanations. */
export type PublicQuiz = {
  id: string;
  questions: { id: string; type: "single" | "multiple" | "truefalse"; prompt: string; options: { index: number; text: string }[] }[];
};

export function publicQuiz(quiz: Quiz): PublicQuiz {
  return {
    id: quiz.id,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      options: q.options.map((o, index) => ({ index, text: o.text })),
    })),
  };
}

export type QuizAnswers = Record<string, number[]>;

export type QuizResult = {
  score: number;
  correct: number;
  total: number;
  questions: {
    id: string;
    correct: boolean;
    options: { index: number; selected: boolean; correct: boolean; explanation: string }[];
  }[];
};

/** Reads `q:<questionId>` form fields (option indexes) into answers; unknown or out-of-range values are dropped. */
export function answersFromForm(quiz: Quiz, form: FormData | URLSearchParams): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const q of quiz.questions) {
    const picked = form
      .getAll(`q:${q.id}`)
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n >= 0 && n < q.options.length);
    const unique = [...new Set(picked)].sort((a, b) => a - b);
    answers[q.id] = q.type === "multiple" ? unique : unique.slice(0, 1);
  }
  return answers;
}

/**
 * Grades on the server. A question is right when the selected set equals the correct set
 * (so a multiple-choice answer with one extra or missing option is wrong). Score = % right.
 */
export function gradeQuiz(quiz: Quiz, answers: QuizAnswers): QuizResult {
  const questions = quiz.questions.map((q) => {
    const selected = new Set(answers[q.id] ?? []);
    const options = q.options.map((o, index) => ({ index, selected: selected.has(index), correct: o.correct, explanation: o.explanation }));
    return { id: q.id, correct: options.every((o) => o.selected === o.correct), options };
  });
  const correct = questions.filter((q) => q.correct).length;
  return { score: Math.round((correct / quiz.questions.length) * 100), correct, total: quiz.questions.length, questions };
}
