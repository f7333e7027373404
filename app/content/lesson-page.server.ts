import { randomUUID } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { FinalQuizView, ShownQuizResult } from "~/components/mdx/lesson-context";
import type { Quiz } from "./schema";
import { drawSize, publicAttempt, reviewAttempt, weakTopics } from "~/learning/final-quiz";
import { answersFromForm, gradeQuiz, publicQuiz, type PublicQuiz } from "~/learning/quiz";
import { canMarkComplete, isLessonComplete } from "~/learning/progress-rules";
import { openFinalQuiz, submitFinalQuiz, type FinalQuizState } from "~/models/final-quiz.server";
import { completeLesson, latestQuizAttempts, lessonProgressRow, progressForCourse, recordQuizAttempt, touchLesson } from "~/models/progress.server";
import { translator, type Lang } from "~/i18n";
import { en } from "~/i18n/en";
import { formatDate, formatTime } from "~/utils/dates";
import { exerciseHref, isExerciseKind } from "~/exercises/kinds";
import type { SessionUser } from "~/utils/auth.server";
import { compileMdx, type Compiled } from "./compile.server";
import { lessonImageSizes } from "./media.server";
import { renderFinalQuizHtml, renderMdxHtml } from "./render.server";
import type { CourseSource, LessonSource } from "./repository.server";
import { getSyncedContent } from "./sync.server";
import { getDb } from "~/utils/db.server";

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
  // The course's final quiz (its bank also serves the pre-test), with its database ids.
  const quizLesson = visible.find((l) => isFinalQuizLesson(l) && l.meta.quizzes.length > 0);
  const quizRow = quizLesson && ids.get(`${courseSlug}/${quizLesson.slug}`);
  const finalQuiz = quizLesson && quizRow ? { quiz: quizLesson.meta.quizzes[0]!, ref: { lessonId: quizRow.lessonId, courseId: quizRow.courseId, courseVersion: course.meta.version } } : null;
  return { course, visible, index, lesson: visible[index]!, prev: visible[index - 1], next: visible[index + 1], ref, finalQuiz, passPercent: course.meta.certificate.passPercent };
}

/** The pre-test is taken once per cycle and never counts for completion; this rule only keeps it to one open attempt. */
const PRETEST_RULE = { max: 1, windowHours: 24 * 14 };

/** Every `kind: quiz` lesson is a final (summative) quiz; quizzes inside reading lessons are practice (decision 011). */
export const isFinalQuizLesson = (l: Pick<LessonSource, "meta">) => l.meta.kind === "quiz";

/**
 * What a final quiz's page shows, from the learner's state: the open attempt's drawn items,
 * the last failed score with lessons to review, the limit, or — only after a pass — the
 * review of the passed attempt.
 */
function finalQuizView(quiz: Quiz, state: FinalQuizState, course: CourseSource, visible: LessonSource[], purpose: FinalQuizView["purpose"], lang: Lang) {
  const t = translator(lang, en);
  const rule = course.meta.quizAttempts;
  const titles = new Map(visible.map((l) => [l.slug, { title: l.meta.title, href: lessonHref(course.slug, l) }]));
  const last = state.last && !state.passed ? state.last : null;
  const opensAt = state.allowance.opensAt;
  const view: FinalQuizView = {
    purpose,
    preview: false,
    count: drawSize(quiz),
    max: rule.max,
    windowHours: rule.windowHours,
    remaining: state.allowance.remaining,
    opensAt: opensAt ? t("quiz.final.when", { date: formatDate(opensAt, lang), time: formatTime(opensAt, lang) }) : null,
    attemptId: state.open && !state.passed && !opensAt ? state.open.id : null,
    last: last && {
      score: last.score ?? 0,
      correct: Object.values(last.itemResults ?? {}).filter(Boolean).length,
      total: Object.keys(last.itemResults ?? {}).length,
      weakTopics: weakTopics(quiz, last.itemIds, last.itemResults ?? {}).flatMap((slug) => titles.get(slug) ?? []),
    },
    passed: state.passed && {
      score: state.passed.score ?? 0,
      correct: Object.values(state.passed.itemResults ?? {}).filter(Boolean).length,
      total: Object.keys(state.passed.itemResults ?? {}).length,
      review: reviewAttempt(quiz, { itemIds: state.passed.itemIds, optionOrder: state.passed.optionOrder }, state.passed.answers ?? {}),
    },
  };
  const shown = state.open && view.attemptId ? publicAttempt(quiz, { itemIds: state.open.itemIds, optionOrder: state.open.optionOrder }) : { id: quiz.id, questions: [] };
  return { quiz: shown, result: null, final: view };
}

/** Exercises live at /latihan/:slug; reading lessons and quizzes inside their course. */
export function lessonHref(courseSlug: string, l: Pick<LessonSource, "slug" | "meta">): string {
  return isExerciseKind(l.meta.kind) ? exerciseHref(l.slug) : `/kursus/${courseSlug}/${l.slug}`;
}

const link = (c: CourseSource, l: LessonSource | undefined) => (l ? { slug: l.slug, title: l.meta.title, href: lessonHref(c.slug, l) } : null);

/** Everything the lesson page shows — and nothing more (no answer keys before answering). */
export async function loadLessonPage(user: SessionUser, courseSlug: string, lessonSlug: string, preview = false, lang: Lang = "id") {
  const db = await getDb();
  const { course, visible, index, lesson, prev, next, ref, finalQuiz, passPercent } = await resolveLesson(courseSlug, lessonSlug, preview);
  // Exercises have their own page; the course URL leads there.
  if (!preview && isExerciseKind(lesson.meta.kind)) throw redirect(lessonHref(course.slug, lesson));
  // The studio preview shows a body that does not compile as an inline error (its problems are listed above it).
  const compile = preview ? compileMdx(lesson.body).catch(() => null) : compileMdx(lesson.body);
  const [compiled, progress] = await Promise.all([compile, lessonProgressRow(db, user.id, ref.lessonId)]);
  const attempts = progress?.quizAnsweredAt ? await latestQuizAttempts(db, user.id, lesson.meta.quizzes.map((q) => q.id)) : new Map();
  // Remember the visit for "continue where I left off", at most once every few minutes per lesson.
  if (!preview && (!progress || Date.now() - progress.lastSeenAt.getTime() > 5 * 60 * 1000)) await touchLesson(db, user.id, ref);
  const quizzes: Record<string, { quiz: PublicQuiz; result: ShownQuizResult | null; final?: FinalQuizView }> = {};
  for (const quiz of lesson.meta.quizzes) {
    if (isFinalQuizLesson(lesson)) {
      if (preview) {
        const rule = course.meta.quizAttempts;
        const view: FinalQuizView = { purpose: "final", preview: true, count: drawSize(quiz), max: rule.max, windowHours: rule.windowHours, remaining: rule.max, opensAt: null, attemptId: null, last: null, passed: null };
        quizzes[quiz.id] = { quiz: publicQuiz(quiz), result: null, final: view };
      } else {
        // A lesson completed before decision 011 (older quiz attempts) needs no new attempt.
        const create = progress?.status !== "completed";
        const state = await openFinalQuiz(db, user.id, { quiz, ref, purpose: "final", rule: course.meta.quizAttempts }, new Date(), { create });
        quizzes[quiz.id] = finalQuizView(quiz, state, course, visible, "final", lang);
      }
      continue;
    }
    const attempt = attempts.get(quiz.id);
    const graded = attempt ? gradeQuiz(quiz, attempt.answers) : null;
    quizzes[quiz.id] = { quiz: publicQuiz(quiz), result: graded && { ...graded, passed: graded.score >= passPercent } };
  }
  const idempotencyKey = randomUUID();
  const media = { course: course.slug, sizes: compiled ? await lessonImageSizes(course.slug, compiled.usage.images.map((i) => i.url)) : {} };
  const context = { lang, action: `/kursus/${course.slug}/${lesson.slug}`, passPercent, idempotencyKey, quizzes, media };
  const rendered = compiled && renderBody(compiled, context, preview);
  let html = rendered ?? "";
  // Pre-test (LAN practice): before lesson 1, an ungraded attempt from the final quiz's bank.
  if (!preview && index === 0 && course.meta.pretest && finalQuiz) {
    // Only before the course: once a lesson is complete, a new pre-test would measure nothing.
    const started = (await progressForCourse(db, user.id, ref.courseId)).some((p) => p.status === "completed");
    const state = await openFinalQuiz(db, user.id, { ...finalQuiz, purpose: "pretest", rule: PRETEST_RULE }, new Date(), { create: !started });
    if (state.open || state.last) {
      const entry = finalQuizView(finalQuiz.quiz, state, course, visible, "pretest", lang);
      html = renderFinalQuizHtml({ ...context, quizzes: { [finalQuiz.quiz.id]: entry } }, finalQuiz.quiz.id) + html;
    }
  }
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
    /** Preview only: the body could not be compiled or drawn (content:check says why). */
    bodyFailed: rendered === null,
    completed: progress?.status === "completed",
    canMarkComplete: canMarkComplete(lesson.meta.kind),
    prev: link(course, prev),
    next: link(course, next),
  };
}

/** The lesson body as HTML; in the preview, null instead of an error when it cannot be drawn. */
function renderBody(compiled: Compiled, context: Parameters<typeof renderMdxHtml>[1], preview: boolean): string | null {
  if (!preview) return renderMdxHtml(compiled, context);
  try {
    return renderMdxHtml(compiled, context, { preview });
  } catch {
    return null;
  }
}

// Hidden fields the page wrote itself came back missing or changed: answered in the page, translated.
export type LessonActionResult = { redirect: string } | { error: "error.badForm" };

/** Handles "Tandai selesai" and quiz submissions; says where to redirect (post/redirect/get). */
export async function submitLessonForm(user: SessionUser, courseSlug: string, lessonSlug: string, form: FormData): Promise<LessonActionResult> {
  const db = await getDb();
  const { course, index, lesson, ref, finalQuiz, passPercent } = await resolveLesson(courseSlug, lessonSlug, false);
  const base = `/kursus/${courseSlug}/${lessonSlug}`;
  const intent = form.get("intent");
  if (intent === "complete") {
    // Exercises and quizzes complete by passing them; the page shows no button for them.
    if (!canMarkComplete(lesson.meta.kind)) return { error: "error.badForm" };
    await completeLesson(db, user.id, ref);
    return { redirect: `${base}?selesai=1` };
  }
  if (intent === "pretest") {
    const key = String(form.get("key") ?? "");
    const attemptId = String(form.get("attemptId") ?? "");
    if (index !== 0 || !course.meta.pretest || !finalQuiz || form.get("quizId") !== finalQuiz.quiz.id) return { error: "error.badForm" };
    if (!/^[\w-]{8,64}$/.test(key) || !/^[\w-]{8,64}$/.test(attemptId)) return { error: "error.badForm" };
    const outcome = await submitFinalQuiz(db, user.id, { ...finalQuiz, purpose: "pretest", rule: PRETEST_RULE, passPercent }, { attemptId, key, fields: form });
    return outcome.status === "unknown" ? { error: "error.badForm" } : { redirect: `${base}#kuis-${finalQuiz.quiz.id}` };
  }
  if (intent === "quiz") {
    const quiz = lesson.meta.quizzes.find((q) => q.id === form.get("quizId"));
    const key = String(form.get("key") ?? "");
    if (!quiz || !/^[\w-]{8,64}$/.test(key)) return { error: "error.badForm" };
    if (isFinalQuizLesson(lesson)) {
      const attemptId = String(form.get("attemptId") ?? "");
      if (!/^[\w-]{8,64}$/.test(attemptId)) return { error: "error.badForm" };
      const input = { quiz, ref, purpose: "final" as const, rule: course.meta.quizAttempts, passPercent };
      const outcome = await submitFinalQuiz(db, user.id, input, { attemptId, key, fields: form });
      // Stored, repeated, stale or over the limit: the page shows where the learner stands.
      return outcome.status === "unknown" ? { error: "error.badForm" } : { redirect: `${base}#kuis-${quiz.id}` };
    }
    const answers = answersFromForm(quiz, form);
    const result = gradeQuiz(quiz, answers);
    const passed = result.score >= passPercent;
    const completes =
      lesson.meta.kind === "quiz" &&
      isLessonComplete("quiz", { marked: false, bestQuizScore: result.score, exercisePassed: false }, passPercent);
    await recordQuizAttempt(db, user.id, ref, { quizId: quiz.id, answers, result, passed, idempotencyKey: key, completes });
    return { redirect: `${base}#kuis-${quiz.id}` };
  }
  return { error: "error.badForm" };
}
