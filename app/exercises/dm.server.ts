/**
 * The DM simulator (kind `dm`): a citizen's messages one turn at a time, each reply graded by
 * the rubric of its turn; the conversation branches on what the reply did.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { checkExamples, checkModelAnswers, contextSlots, highlightSegments, PUBLIC_CHANNELS, type Exercise, type TurnGrade } from "~/grading";
import { rubricWarnings } from "~/grading/rubric";
import { compileMdx } from "~/content/compile.server";
import { renderMdxHtml } from "~/content/render.server";
import type { CourseSource, LessonSource, Problem } from "~/content/repository.server";
import {
  abandonOpenAttempt,
  getOpenAttempt,
  getOwnAttempt,
  listOwnAttempts,
  listReviewNotices,
  markReviewSeen,
  submitTurn,
  type AttemptWithTurns,
} from "~/models/exercise-attempt.server";
import type { SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import type { ExerciseTurnRow } from "../../db/schema";
import { enGrader } from "~/i18n/en.grader";
import type { GraderKey } from "~/i18n/id.grader";
import type { Lang } from "~/i18n";
import { lessonChecker } from "./check.server";
import type { ExerciseEntry } from "./entries.server";
import { parseExerciseLesson } from "./entries.server";
import { exerciseHref } from "./kinds";
import { MAX_REPLY_CHARS } from "./limits";
import type { ExerciseKindServer, PageOptions } from "./registry.server";

/**
 * Words of a check the grader itself runs (built-in, or a post's own): such an element is shown in
 * the reader's language; rubric elements keep the course's Indonesian. A post's wording of a shared
 * check ("copies the original post", not "the citizen's message") comes first for a post.
 */
function checkWords(id: string, post: boolean): { key: "builtin" | "post" } | null {
  if (post && Object.hasOwn(enGrader, `grader.post.${id}.label`)) return { key: "post" };
  return Object.hasOwn(enGrader, `grader.builtin.${id}.label`) ? { key: "builtin" } : null;
}

/**
 * What the learner sees of one graded reply: text cut into highlighted segments and per-element
 * feedback, its words already in `lang` (the grader's own checks have English words; the browser
 * bundle carries no grader strings, docs/decisions/010).
 */
export function turnFeedback(
  row: Pick<ExerciseTurnRow, "turnId" | "citizenMessage" | "reply" | "replySeconds"> & { grade: TurnGrade },
  exercise: Pick<Exercise, "turns">,
  opts: { lang?: Lang; post?: boolean } = {},
) {
  const grade = row.grade;
  const el = (e: TurnGrade["met"][number]) => {
    const check = checkWords(e.id, opts.post ?? false);
    const english = check && opts.lang === "en";
    const key = (part: "label" | "tip") => `grader.${check?.key}.${e.id}.${part}` as GraderKey;
    return {
      id: e.id,
      label: english ? enGrader[key("label")] : e.label,
      tip: english ? enGrader[key("tip")] : e.tip,
      evidence: e.evidence.map((x) => x.text),
      /** A check of the grader's own (its words follow the page's language), not a rubric element. */
      builtin: check !== null,
    };
  };
  return {
    turnId: row.turnId,
    at: exercise.turns.find((t) => t.id === row.turnId)?.at ?? null,
    citizenMessage: row.citizenMessage,
    reply: row.reply,
    replySeconds: row.replySeconds,
    segments: highlightSegments(row.reply, grade).map((s) => ({ text: s.text, marks: s.marks.map((m) => ({ label: m.label, status: m.status })) })),
    score: grade.score,
    passed: grade.passed,
    met: grade.met.map(el),
    missed: grade.missed.map(el),
    violated: grade.violated.map(el),
  };
}

/** A stored DM (or post) turn's grade: always a TurnGrade, never a hoax lab's. */
export function turnGradeOf(row: Pick<ExerciseTurnRow, "grade">): TurnGrade {
  if (!("rubricHash" in row.grade)) throw new Error("not a graded reply");
  return row.grade;
}

function attemptView(attempt: AttemptWithTurns, exercise: Exercise, lang: Lang) {
  return {
    id: attempt.id,
    status: attempt.status,
    score: attempt.score,
    passed: attempt.passed,
    overrideScore: attempt.overrideScore,
    overridePassed: attempt.overridePassed,
    overrideComment: attempt.overrideComment,
    /** "pending": waits for a trainer and completes nothing yet; "confirmed" / "changed": decided. */
    reviewStatus: attempt.reviewStatus,
    reviewComment: attempt.reviewComment,
    completedAt: attempt.completedAt?.toISOString() ?? null,
    turns: attempt.turns.map((t) => turnFeedback({ ...t, grade: turnGradeOf(t) }, exercise, { lang })),
    // Model answers only once the attempt is finished, and only for the turns it went through.
    modelAnswers:
      attempt.status === "completed"
        ? attempt.turns.map((t) => ({ turnId: t.turnId, modelAnswer: exercise.turns.find((x) => x.id === t.turnId)?.modelAnswer ?? "" }))
        : [],
  };
}

/** Loader data for a DM exercise. No rubric, patterns or model answer before the learner has answered. */
export async function loadDmPage(user: SessionUser, entry: ExerciseEntry<"dm">, opts: PageOptions) {
  const { exercise, course } = entry;
  const slug = exercise.slug;
  const db = await getDb();
  const [open, viewed, history, briefing, notices] = await Promise.all([
    getOpenAttempt(db, user.id, slug),
    opts.attemptId ? getOwnAttempt(db, user.id, opts.attemptId) : Promise.resolve(null),
    listOwnAttempts(db, user.id, slug),
    compileMdx(entry.lesson.body),
    listReviewNotices(db, user.id, slug),
  ]);
  if (opts.attemptId && (!viewed || viewed.exerciseSlug !== slug)) throw new Response("Not found", { status: 404 });
  const shown = viewed ?? open;
  const currentTurnId = viewed ? (viewed.status === "in_progress" ? viewed.currentTurnId : null) : (open?.currentTurnId ?? exercise.turns[0]!.id);
  const currentTurn = currentTurnId ? exercise.turns.find((t) => t.id === currentTurnId) : undefined;
  return {
    exercise: {
      slug,
      title: exercise.title,
      channel: exercise.channel,
      isPublic: PUBLIC_CHANNELS.has(exercise.channel),
      persona: exercise.persona,
      context: exercise.context,
      targetSeconds: exercise.targetSeconds ?? null,
      passPercent: exercise.passPercent,
      courseSlug: course.slug,
      courseTitle: course.meta.title,
      briefingHtml: renderMdxHtml(briefing, { lang: opts.lang, action: "", passPercent: exercise.passPercent, idempotencyKey: "", quizzes: {} }),
    },
    attempt: shown ? attemptView(shown, exercise, opts.lang) : null,
    current: currentTurn ? { turnId: currentTurn.id, at: currentTurn.at ?? null, message: currentTurn.message, shownAt: Date.now(), key: randomUUID() } : null,
    history: history.map((h) => ({
      id: h.id,
      status: h.status,
      startedAt: h.startedAt.toISOString(),
      score: h.overrideScore ?? h.score,
      passed: h.overridePassed ?? h.passed,
      overridden: h.overriddenAt !== null,
      reviewStatus: h.reviewStatus,
    })),
    /** Trainer decisions on this exercise the learner has not dismissed yet. */
    reviewNotices: notices.map((n) => ({ attemptId: n.attemptId, status: n.status, passed: n.passed, score: n.score, comment: n.comment })),
  };
}

const replySchema = z.object({
  turnId: z.string().min(1).max(64),
  reply: z.string(),
  key: z.string().regex(/^[\w-]{8,64}$/),
  shownAt: z.coerce.number().int().nonnegative().optional(),
});

export type DmActionResult =
  { redirect: string } | { error: "exercise.replyEmpty" | "exercise.replyTooLong" | "exercise.stale" | "error.badForm"; reply: string };

/** Handles a reply (intent=reply), restarting (intent=restart) or dismissing a review notice (intent=review-seen). */
export async function submitDmForm(user: SessionUser, entry: ExerciseEntry<"dm">, form: FormData): Promise<DmActionResult> {
  const slug = entry.exercise.slug;
  const base = exerciseHref(slug);
  const db = await getDb();
  if (form.get("intent") === "review-seen") {
    await markReviewSeen(db, user.id, String(form.get("attempt") ?? ""));
    return { redirect: base };
  }
  if (form.get("intent") === "restart") {
    await abandonOpenAttempt(db, user.id, slug);
    return { redirect: base };
  }
  const parsed = replySchema.safeParse(Object.fromEntries(form));
  // Tampered or missing hidden fields (turn, key): say so in the page and keep what was typed.
  if (!parsed.success) {
    const typed = form.get("reply");
    return { error: "error.badForm", reply: typeof typed === "string" ? typed : "" };
  }
  const reply = parsed.data.reply.replace(/\r\n/g, "\n");
  if (!reply.trim()) return { error: "exercise.replyEmpty", reply };
  if (reply.length > MAX_REPLY_CHARS) return { error: "exercise.replyTooLong", reply };
  const shownAt = parsed.data.shownAt;
  const seconds = shownAt ? Math.round((Date.now() - shownAt) / 1000) : null;
  const result = await submitTurn(db, {
    userId: user.id,
    exercise: entry.exercise,
    ref: { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId, courseVersion: entry.course.meta.version },
    turnId: parsed.data.turnId,
    reply,
    replySeconds: seconds !== null && seconds >= 0 && seconds < 86_400 ? seconds : null,
    idempotencyKey: parsed.data.key,
    reviewSample: entry.course.meta.reviewSample,
  });
  if (result.stale) return { error: "exercise.stale", reply };
  return { redirect: result.completed ? `${base}?percobaan=${result.attemptId}#hasil` : `${base}#balas` };
}

/**
 * content:check for a DM exercise: schema problems at their frontmatter line, every
 * `examples` entry the grader disagrees with, as path:line (rubric tests written by authors),
 * and warnings for patterns that probably do not say what their author meant.
 */
export function checkDmLesson(course: CourseSource, lesson: LessonSource): Problem[] {
  const check = lessonChecker("dm", lesson);
  const invalid = check.schemaProblems();
  if (invalid.length) return invalid;
  const exercise = parseExerciseLesson("dm", course, lesson);
  const problems: Problem[] = checkExamples(exercise).flatMap((c, i) =>
    c.problems.map((p) => check.problem(["examples", i], `examples[${i}] (${c.example.turn}): ${p}`)),
  );
  for (const c of checkModelAnswers(exercise)) {
    for (const p of c.problems) problems.push(check.problem(["turns", c.turnIndex, "modelAnswer"], `turns[${c.turnIndex}].modelAnswer: ${p}`));
  }
  // Closed-world fact checks need the facts: every DM exercise declares them (an empty block when the
  // context states none), so a reply's claims are never left unchecked because an author forgot.
  if (!exercise.facts) {
    const slots = contextSlots(exercise.context);
    problems.push(
      check.problem(
        ["context"],
        slots.length > 0
          ? `context menyebut ${slots.join(", ")}, tetapi latihan ini tidak punya blok facts: nyatakan faktanya agar klaim jawaban diperiksa`
          : "latihan ini tidak punya blok facts: nyatakan fakta konteksnya (atau `facts: {}` bila konteks tidak menyatakan fakta) agar klaim jawaban diperiksa",
      ),
    );
  }
  return [...problems, ...check.warnings(exercise.turns.flatMap((turn, ti) => rubricWarnings(turn.rubric, ["turns", ti, "rubric"])))];
}

export const dmKind = { check: checkDmLesson, load: loadDmPage, submit: submitDmForm } satisfies ExerciseKindServer<"dm">;
