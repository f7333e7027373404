import { createContext, useContext } from "react";
import { translator, type Lang } from "~/i18n";
import { en } from "~/i18n/en";
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
  lang: Lang;
  /** Where quiz forms post (the lesson URL); the page is rendered to static HTML, so no Remix <Form>. */
  action: string;
  passPercent: number;
  idempotencyKey: string;
  quizzes: Record<string, { quiz: PublicQuiz; result: ShownQuizResult | null }>;
};

export const LessonContext = createContext<LessonQuizzes>({ lang: "id", action: "", passPercent: 70, idempotencyKey: "", quizzes: {} });
export const useLessonQuizzes = () => useContext(LessonContext);

/** Translator for lesson components (they render outside Remix's route tree). */
// Lesson components only ever render on the server, so both dictionaries are at hand.
export const useMdxT = () => translator(useContext(LessonContext).lang, en);
