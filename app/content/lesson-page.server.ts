import { randomUUID } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { ShownQuizResult } from "~/components/mdx/lesson-context";
import { answersFromForm, gradeQuiz, publicQuiz, type PublicQuiz } from "~/learning/quiz";
import { canMarkComplete, isLessonComplete } from "~/learning/progress-rules";
import { completeLesson, latestQuizAttempts, lessonProgressRow, recordQuizAttempt, touchLesson } from "~/models/progress.server";
import type { Lang } from "~/i18n";
import type { SessionUser } from "~/utils/auth.server";
import { compileMdx } from "./compile.server";
import { renderMdxHtml } from "./render.server";
import type { CourseSource, LessonSource } from "./repository.server";
import { getSyncedContent } from "./sync.server";

const notFound = () => new Response("Not found", { status: 404 });

/** Finds a course and lesson in content/ and the database; drafts only when previewing. */
async function resolveLesson(courseSlug: string, lessonSlug: string, preview: boolean) {
  const { tree, ids } = await getSyncedContent();
  const course = tree.courses.find((c) => c.slug === courseSlug && (preview || !c.meta.draft));
  const visible = course?.lessons.filter((l) => preview || !l.meta.draft) ?? [];
  const index = visible.findIndex((l) => l.slug === lessonSlug);
  const row = ids.get(`${courseSlug}/${lessonSlug}`);
  if (!course || index < 0 || !row) throw notFound();
  const ref = { lessonId: row.lessonId, courseId: row.courseId, courseVersion: course.meta.version };
  return { course, lesson: visible[index]!, prev: visible[index - 1], next: visible[index + 1], ref, passPercent: course.meta.certificate.passPercent };
}

/** Exercises live at /latihan/:slug; reading lessons and quizzes inside their course. */
export function lessonHref(courseSlug: string, l: Pick<LessonSource, "slug" | "meta">): string {
  return l.meta.kind === "dm" || l.meta.kind === "hoax" ? `/latihan/${l.slug}` : `/kursus/${courseSlug}/${l.slug}`;
}

const link = (c: CourseSource, l: LessonSource | undefined) => (l ? { slug: l.slug, title: l.meta.title, href: lessonHref(c.slug, l) } : null);

/** Everything the lesson page shows — and nothing more (no answer keys before answering). */
export async function loadLessonPage(user: SessionUser, courseSlug: string, lessonSlug: string, preview = false, lang: Lang = "id") {
  const { course, lesson, prev, next, ref, passPercent } = await resolveLesson(courseSlug, lessonSlug, preview);
  // Exercises have their own page; the course URL leads there.
  if (!preview && (lesson.meta.kind === "dm" || lesson.meta.kind === "hoax")) throw redirect(lessonHref(course.slug, lesson));
  const [compiled, progress] = await Promise.all([compileMdx(lesson.body), lessonProgressRow(user.id, ref.lessonId)]);
  const attempts = progress?.quizAnsweredAt ? await latestQuizAttempts(user.id, lesson.meta.quizzes.map((q) => q.id)) : new Map();
  // Remember the visit for "continue where I left off", at most once every few minutes per lesson.
  if (!preview && (!progress || Date.now() - progress.lastSeenAt.getTime() > 5 * 60 * 1000)) await touchLesson(user.id, ref);
  const quizzes: Record<string, { quiz: PublicQuiz; result: ShownQuizResult | null }> = {};
  for (const quiz of lesson.meta.quizzes) {
    const attempt = attempts.get(quiz.id);
    const graded = attempt ? gradeQuiz(quiz, attempt.answers) : null;
    quizzes[quiz.id] = { quiz: publicQuiz(quiz), result: graded && { ...graded, passed: graded.score >= passPercent } };
  }
  const idempotencyKey = randomUUID();
  const html = renderMdxHtml(compiled, {
    lang,
    action: `/kursus/${course.slug}/${lesson.slug}`,
    passPercent: passPercent,
    idempotencyKey,
    quizzes,
  });
  return {
    course: { slug: course.slug, title: course.meta.title, passPercent: passPercent },
    lesson: {
      slug: lesson.slug,
      title: lesson.meta.title,
      summary: lesson.meta.summary,
      kind: lesson.meta.kind,
      minutes: lesson.meta.minutes,
      objectives: lesson.meta.objectives,
      draft: lesson.meta.draft || course.meta.draft,
    },
    html,
    completed: progress?.status === "completed",
    canMarkComplete: canMarkComplete(lesson.meta.kind),
    prev: link(course, prev),
    next: link(course, next),
  };
}

// Hidden fields the page wrote itself came back missing or changed: answered in the page, translated.
export type LessonActionResult = { redirect: string } | { error: "error.badForm" };

/** Handles "Tandai selesai" and quiz submissions; says where to redirect (post/redirect/get). */
export async function submitLessonForm(user: SessionUser, courseSlug: string, lessonSlug: string, form: FormData): Promise<LessonActionResult> {
  const { lesson, ref, passPercent } = await resolveLesson(courseSlug, lessonSlug, false);
  const base = `/kursus/${courseSlug}/${lessonSlug}`;
  const intent = form.get("intent");
  if (intent === "complete") {
    // Exercises and quizzes complete by passing them; the page shows no button for them.
    if (!canMarkComplete(lesson.meta.kind)) return { error: "error.badForm" };
    await completeLesson(user.id, ref);
    return { redirect: `${base}?selesai=1` };
  }
  if (intent === "quiz") {
    const quiz = lesson.meta.quizzes.find((q) => q.id === form.get("quizId"));
    const key = String(form.get("key") ?? "");
    if (!quiz || !/^[\w-]{8,64}$/.test(key)) return { error: "error.badForm" };
    const answers = answersFromForm(quiz, form);
    const result = gradeQuiz(quiz, answers);
    const passed = result.score >= passPercent;
    const completes =
      lesson.meta.kind === "quiz" &&
      isLessonComplete("quiz", { marked: false, bestQuizScore: result.score, exercisePassed: false }, passPercent);
    await recordQuizAttempt(user.id, ref, { quizId: quiz.id, answers, result, passed, idempotencyKey: key, completes });
    return { redirect: `${base}#kuis-${quiz.id}` };
  }
  return { error: "error.badForm" };
}
