import { createContext, useContext } from "react";
import { translator, type Lang } from "~/i18n";
import { en } from "~/i18n/en";
import type { PublicQuiz } from "~/learning/quiz";
import type { ImageSize } from "~/content/media-path";

/** Graded result as shown after the learner answered (explanations included only then). */
export type ShownQuizResult = {
  score: number;
  correct: number;
  total: number;
  passed: boolean;
  questions: { id: string; correct: boolean; options: { index: number; selected: boolean; correct: boolean; explanation: string }[] }[];
};

/** A final (summative) quiz as its page shows it, decision 011: no correctness before a pass. */
export type FinalQuizView = {
  purpose: "final" | "pretest";
  /** Studio preview: the whole bank, no attempt. */
  preview: boolean;
  /** Items per attempt. */
  count: number;
  max: number;
  windowHours: number;
  remaining: number;
  /** When the next attempt opens (already formatted), while the limit is reached. */
  opensAt: string | null;
  /** The open attempt the form submits; null when none may be taken now. */
  attemptId: string | null;
  /** The latest failed attempt: score and the lessons to review — never which answers were right. */
  last: { score: number; correct: number; total: number; weakTopics: { title: string; href: string }[] } | null;
  /** After a pass: the passed attempt with the learner's choices and every explanation. */
  passed: {
    score: number;
    correct: number;
    total: number;
    review: {
      id: string;
      prompt: string;
      correct: boolean;
      options: { index: number; text: string; selected: boolean; correct: boolean; explanation: string }[];
    }[];
  } | null;
};

export type LessonQuizzes = {
  lang: Lang;
  /** Where quiz forms post (the lesson URL); the page is rendered to static HTML, so no Remix <Form>. */
  action: string;
  passPercent: number;
  idempotencyKey: string;
  quizzes: Record<string, { quiz: PublicQuiz; result: ShownQuizResult | null; final?: FinalQuizView }>;
  /** The course whose media/ folder the lesson's images come from, and their pixel sizes by file name. */
  media?: { course: string; sizes: Record<string, ImageSize> };
};

export const LessonContext = createContext<LessonQuizzes>({ lang: "id", action: "", passPercent: 70, idempotencyKey: "", quizzes: {} });
export const useLessonQuizzes = () => useContext(LessonContext);

/** Translator for lesson components (they render outside Remix's route tree). */
// Lesson components only ever render on the server, so both dictionaries are at hand.
export const useMdxT = () => translator(useContext(LessonContext).lang, en);
