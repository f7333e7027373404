import { createContext, useContext } from "react";
import type { PublicQuiz } from "~/learning/quiz";

/** Graded result as shown after the learner answered (explanations included only then). */
export type ShownQuizResult = {
  score: number;
  correct: number;
  total: number;
  passed: boolean;
  questions: { id: string; correct: boolean; options: { index: number; selected: boolean; correct: boolean; explanation: string }[] }[];
};

export type LessonQuizzes = {
  passPercent: number;
  idempotencyKey: string;
  quizzes: Record<string, { quiz: PublicQuiz; result: ShownQuizResult | null }>;
};

export const LessonContext = createContext<LessonQuizzes>({ passPercent: 70, idempotencyKey: "", quizzes: {} });
export const useLessonQuizzes = () => useContext(LessonContext);
