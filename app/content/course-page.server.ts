import { continueLesson, coursePercent } from "~/learning/progress-rules";
import { progressForCourse } from "~/models/progress.server";
import { lessonsAwaitingReview } from "~/models/exercise-attempt.server";
import { isExerciseKind } from "~/exercises/kinds";
import { getDb } from "~/utils/db.server";
import { ownEvaluation } from "~/models/evaluation.server";
import type { Lang } from "~/i18n";
import type { SessionUser } from "~/utils/auth.server";
import { compileMdx } from "./compile.server";
import { renderMdxHtml } from "./render.server";
import { lessonHref } from "./lesson-page.server";
import { getSyncedContent } from "./sync.server";

/** Course introduction, lessons with the learner's status, and where to continue. */
export async function loadCourseOutline(user: SessionUser, courseSlug: string, lang: Lang = "id") {
  const preview = false;
  const [{ tree, ids }, db] = await Promise.all([getSyncedContent(), getDb()]);
  const course = tree.courses.find((c) => c.slug === courseSlug && (preview || !c.meta.draft));
  const courseId = course && ids.get(`${course.slug}/${course.lessons[0]?.slug}`)?.courseId;
  if (!course || !courseId) throw new Response("Not found", { status: 404 });
  const idOf = (slug: string) => ids.get(`${course.slug}/${slug}`)?.lessonId ?? "";
  const exerciseLessonIds = course.lessons.filter((l) => isExerciseKind(l.meta.kind)).map((l) => idOf(l.slug));
  const [progress, compiled, awaiting, own] = await Promise.all([
    progressForCourse(db, user.id, courseId),
    compileMdx(course.body),
    lessonsAwaitingReview(db, user.id, exerciseLessonIds),
    ownEvaluation(db, user.id, courseId),
  ]);
  const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
  const items = course.lessons
    .filter((l) => preview || !l.meta.draft)
    .map((l) => {
      const p = byLesson.get(idOf(l.slug));
      const href = lessonHref(course.slug, l);
      return { slug: l.slug, title: l.meta.title, kind: l.meta.kind, minutes: l.meta.minutes, href, completed: p?.status === "completed", started: !!p, awaitingReview: awaiting.has(idOf(l.slug)) };
    });
  const lastSeen = [...progress].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];
  const lastSlug = course.lessons.find((l) => idOf(l.slug) === lastSeen?.lessonId)?.slug ?? null;
  const next = continueLesson(items, lastSlug);
  return {
    course: { slug: course.slug, title: course.meta.title, level: course.meta.level, minutes: course.meta.minutes, jp: course.meta.jp },
    html: renderMdxHtml(compiled, { lang, action: "", passPercent: course.meta.certificate.passPercent, idempotencyKey: "", quizzes: {} }),
    items,
    percent: coursePercent(items),
    continueWith: next ? { slug: next, title: items.find((i) => i.slug === next)!.title } : null,
    // The reaction survey and action plan, offered once the course is complete (decision 016).
    evaluation: own.completed || own.evaluation ? { submitted: own.evaluation !== null } : null,
    // The pre-test sits on lesson 1 and is offered only before the learner has opened any lesson.
    pretestFirst: course.meta.pretest && progress.length === 0,
  };
}
