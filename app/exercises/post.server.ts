/**
 * Post rewrites (kind `post`, issue 16 §5): the learner rewrites a ceremonial post into service
 * information and ends it with alt text for the new image. One text, graded at once by
 * `gradePost` (the DM grader plus the post's own checks) and stored as a one-turn attempt: the
 * same double-submit, review and completion rules as a DM reply.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { compileMdx } from "~/content/compile.server";
import { renderMdxHtml } from "~/content/render.server";
import type { CourseSource, LessonSource, Problem } from "~/content/repository.server";
import { ExerciseValidationError, rubricWarnings } from "~/grading/rubric";
import { checkPostExamples, checkPostModelAnswer, gradePost, POST_TURN, type PostExercise } from "~/grading/post";
import { getOwnAttempt, listOwnAttempts, listReviewNotices, markReviewSeen, submitTurn } from "~/models/exercise-attempt.server";
import type { SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { lessonChecker } from "./check.server";
import { turnFeedback, turnGradeOf } from "./dm.server";
import { parseExerciseLesson, type ExerciseEntry } from "./entries.server";
import { exerciseHref } from "./kinds";
import { MAX_REPLY_CHARS } from "./limits";
import type { ExerciseKindServer, PageOptions } from "./registry.server";

/** Loader data for a post rewrite: the ceremonial post, the facts, the form; after a submission its explained grade. */
export async function loadPostPage(user: SessionUser, entry: ExerciseEntry<"post">, opts: PageOptions) {
  const { exercise: post, course } = entry;
  const slug = post.slug;
  const db = await getDb();
  const [viewed, history, briefing, notices] = await Promise.all([
    opts.attemptId ? getOwnAttempt(db, user.id, opts.attemptId) : Promise.resolve(null),
    listOwnAttempts(db, user.id, slug),
    compileMdx(entry.lesson.body),
    listReviewNotices(db, user.id, slug),
  ]);
  if (opts.attemptId && (!viewed || viewed.exerciseSlug !== slug || viewed.status !== "completed")) throw new Response("Not found", { status: 404 });
  const turn = viewed?.turns[0];
  return {
    post: {
      slug,
      title: post.title,
      channel: post.channel,
      account: post.account,
      passPercent: post.passPercent,
      targetSeconds: post.targetSeconds ?? null,
      courseSlug: course.slug,
      courseTitle: course.meta.title,
      briefingHtml: renderMdxHtml(briefing, { lang: opts.lang, action: "", passPercent: post.passPercent, idempotencyKey: "", quizzes: {} }),
      original: { text: post.original.text, image: post.original.image ?? null },
      image: post.image.description,
      context: post.context,
    },
    /** A fresh form: its idempotency key and when it was shown (the writing time). */
    form: { key: randomUUID(), shownAt: Date.now() },
    // The grade, its explanations and the model answer only for a submitted attempt.
    result:
      viewed && turn
        ? {
            attemptId: viewed.id,
            score: viewed.score ?? 0,
            passed: viewed.passed ?? false,
            overrideScore: viewed.overrideScore,
            overridePassed: viewed.overridePassed,
            overrideComment: viewed.overrideComment,
            reviewStatus: viewed.reviewStatus,
            reviewComment: viewed.reviewComment,
            feedback: turnFeedback({ ...turn, grade: turnGradeOf(turn) }, post.exercise, { lang: opts.lang, post: true }),
            modelAnswer: post.modelAnswer,
          }
        : null,
    history: history
      .filter((h) => h.status === "completed")
      .map((h) => ({
        id: h.id,
        startedAt: h.startedAt.toISOString(),
        score: h.overrideScore ?? h.score,
        passed: h.overridePassed ?? h.passed,
        reviewStatus: h.reviewStatus,
      })),
    reviewNotices: notices.map((n) => ({ attemptId: n.attemptId, passed: n.passed, score: n.score, comment: n.comment })),
  };
}

const rewriteSchema = z.object({
  rewrite: z.string(),
  key: z.string().regex(/^[\w-]{8,64}$/),
  shownAt: z.coerce.number().int().nonnegative().optional(),
});

export type PostActionResult = { redirect: string } | { error: "post.rewriteEmpty" | "exercise.replyTooLong" | "error.badForm"; rewrite: string };

/** Grades and stores a rewrite (idempotent by form key), or dismisses a review notice (intent=review-seen). */
export async function submitPostForm(user: SessionUser, entry: ExerciseEntry<"post">, form: FormData): Promise<PostActionResult> {
  const post = entry.exercise;
  const base = exerciseHref(post.slug);
  const db = await getDb();
  if (form.get("intent") === "review-seen") {
    await markReviewSeen(db, user.id, String(form.get("attempt") ?? ""));
    return { redirect: base };
  }
  const parsed = rewriteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const typed = form.get("rewrite");
    return { error: "error.badForm", rewrite: typeof typed === "string" ? typed : "" };
  }
  const rewrite = parsed.data.rewrite.replace(/\r\n/g, "\n");
  if (!rewrite.trim()) return { error: "post.rewriteEmpty", rewrite };
  if (rewrite.length > MAX_REPLY_CHARS) return { error: "exercise.replyTooLong", rewrite };
  const seconds = parsed.data.shownAt ? Math.round((Date.now() - parsed.data.shownAt) / 1000) : null;
  // One turn: the attempt opens and completes in the same transaction.
  const result = await submitTurn(db, {
    kind: "post",
    userId: user.id,
    exercise: { slug: post.slug, passPercent: post.passPercent, turns: [{ id: POST_TURN, message: post.original.text }] },
    grade: (text) => gradePost(post, text),
    ref: { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId, courseVersion: entry.course.meta.version },
    turnId: POST_TURN,
    reply: rewrite,
    replySeconds: seconds !== null && seconds >= 0 && seconds < 86_400 ? seconds : null,
    idempotencyKey: parsed.data.key,
    reviewSample: entry.course.meta.reviewSample,
  });
  if (result.stale) return { error: "error.badForm", rewrite };
  return { redirect: `${base}?percobaan=${result.attemptId}#hasil` };
}

/**
 * content:check for a post: schema problems at their frontmatter line, then the labelled examples
 * and the model answer graded as labelled, and warnings for patterns that probably do not say
 * what their author meant.
 */
export function checkPostLesson(course: CourseSource, lesson: LessonSource): Problem[] {
  const check = lessonChecker("post", lesson);
  const invalid = check.schemaProblems();
  if (invalid.length) return invalid;
  let post: PostExercise;
  try {
    post = parseExerciseLesson("post", course, lesson);
  } catch (error) {
    const message = error instanceof ExerciseValidationError ? error.problems.join("; ") : (error as Error).message;
    return [check.problem(["elements"], `elements: ${message}`)];
  }
  const problems: Problem[] = [];
  for (const c of checkPostExamples(post)) for (const p of c.problems) problems.push(check.problem(["examples", c.index], `examples[${c.index}]: ${p}`));
  for (const p of checkPostModelAnswer(post).problems) problems.push(check.problem(["modelAnswer"], `modelAnswer: ${p}`));
  const rubric = { required: post.exercise.turns.flatMap((t) => t.rubric.required), violations: post.violations, skipBuiltins: [] };
  for (const w of rubricWarnings(rubric, [])) {
    // Paths of the combined rubric → the file's own fields.
    const [kind, i, ...rest] = w.path;
    const id = kind === "required" ? rubric.required[i as number]?.id : undefined;
    const path =
      kind === "required"
        ? [
            "elements",
            Math.max(
              0,
              post.elements.findIndex((e) => e.id === id),
            ),
            ...rest,
          ]
        : ["violations", i as number, ...rest];
    problems.push(check.problem(path, `${path.join(".")}: ${w.message}`, "warning"));
  }
  return problems;
}

export const postKind = { check: checkPostLesson, load: loadPostPage, submit: submitPostForm } satisfies ExerciseKindServer<"post">;
