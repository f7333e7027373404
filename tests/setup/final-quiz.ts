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
export function finalQuizForm(
  quiz: Quiz,
  attempt: { id: string; itemIds: string[]; optionOrder: Record<string, number[]> },
  key: string,
  pick: (q: Question, i: number) => number[],
) {
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
export async function answerFinalQuiz(
  user: SessionUser,
  courseSlug: string,
  lessonSlug: string,
  key: string,
  pick: (q: Question, i: number) => number[] = rightOptions,
) {
  const quiz = await contentQuiz(courseSlug, lessonSlug);
  const attempt = await openAttempt(user, courseSlug, lessonSlug, quiz.id);
  if (!attempt) return { error: "no open attempt" as const };
  return submitLessonForm(user, courseSlug, lessonSlug, finalQuizForm(quiz, attempt, key, pick));
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export type ReadQuizForm = {
  hidden: Record<string, string>;
  questions: { name: string; prompt: string; multiple: boolean; options: { value: string; text: string }[] }[];
};

/** Reads a quiz form from page HTML as a browser would submit it: hidden fields, and per question its prompt and options. */
export function readQuizForm(html: string): ReadQuizForm | null {
  const form = html.match(/<form method="post"[^>]*>([\s\S]*?)<\/form>/);
  if (!form) return null;
  const hidden: Record<string, string> = {};
  for (const m of form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) hidden[m[1]!] = decode(m[2]!);
  const questions = [...form[1]!.matchAll(/<fieldset[^>]*><legend>([\s\S]*?)<\/legend>([\s\S]*?)<\/fieldset>/g)].map((f) => {
    const options = [...f[2]!.matchAll(/<input id="[^"]*" type="(radio|checkbox)" name="([^"]+)" value="([^"]*)"[^>]*\/><label[^>]*>([\s\S]*?)<\/label>/g)];
    return {
      name: options[0]?.[2] ?? "",
      prompt: decode(
        f[1]!
          .replace(/<!-- -->/g, "")
          .replace(/^\d+\.\s*/, "")
          .trim(),
      ),
      multiple: options[0]?.[1] === "checkbox",
      options: options.map((o) => ({ value: o[3]!, text: decode(o[4]!) })),
    };
  });
  return { hidden, questions };
}
