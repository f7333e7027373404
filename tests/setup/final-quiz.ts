import { and, eq, isNull } from "drizzle-orm";
import { finalQuizAttempts } from "../../db/schema";
import { loadLessonPage, submitLessonForm } from "~/content/lesson-page.server";
import { getContentTree } from "~/content/repository.server";
import type { Question, Quiz } from "~/content/schema";
import type { SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

/** The final quiz of a lesson as content/ (CONTENT_DIR) defines it. */
export async function contentQuiz(courseSlug: string, lessonSlug: string): Promise<Quiz> {
  const tree = await getContentTree();
  const lesson = tree.courses.find((c) => c.slug === courseSlug)!.lessons.find((l) => l.slug === lessonSlug)!;
  return lesson.meta.quizzes[0]!;
}

export const rightOptions = (q: Question) => q.options.flatMap((o, i) => (o.correct ? [i] : []));
export const wrongOptions = (q: Question) => [q.options.findIndex((o) => !o.correct)];

/** The learner's open attempt (opening the page draws one when allowed). */
export async function openAttempt(user: SessionUser, courseSlug: string, lessonSlug: string, quizId: string) {
  await loadLessonPage(user, courseSlug, lessonSlug);
  const db = await getDb();
  const [open] = await db
    .select()
    .from(finalQuizAttempts)
    .where(and(eq(finalQuizAttempts.userId, user.id), eq(finalQuizAttempts.quizId, quizId), isNull(finalQuizAttempts.submittedAt)))
    .limit(1);
  return open ?? null;
}

/** The form a learner posts for `attempt`, choosing the original options `pick(q)` (sent as shown positions). */
export function finalQuizForm(quiz: Quiz, attempt: { id: string; itemIds: string[]; optionOrder: Record<string, number[]> }, key: string, pick: (q: Question, i: number) => number[]) {
  const form = new FormData();
  form.set("intent", "quiz");
  form.set("quizId", quiz.id);
  form.set("attemptId", attempt.id);
  form.set("key", key);
  attempt.itemIds.forEach((id, i) => {
    const q = quiz.questions.find((x) => x.id === id)!;
    for (const original of pick(q, i)) form.append(`q:${id}`, String(attempt.optionOrder[id]!.indexOf(original)));
  });
  return form;
}

/** Opens the final quiz page like a learner and submits the drawn attempt with `pick`'s answers. */
export async function answerFinalQuiz(user: SessionUser, courseSlug: string, lessonSlug: string, key: string, pick: (q: Question, i: number) => number[] = rightOptions) {
  const quiz = await contentQuiz(courseSlug, lessonSlug);
  const attempt = await openAttempt(user, courseSlug, lessonSlug, quiz.id);
  if (!attempt) return { error: "no open attempt" as const };
  return submitLessonForm(user, courseSlug, lessonSlug, finalQuizForm(quiz, attempt, key, pick));
}
