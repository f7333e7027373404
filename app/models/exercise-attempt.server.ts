import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, isNull, like, sql } from "drizzle-orm";
import {
  agencies,
  exerciseAttempts,
  exerciseTurns,
  lessonProgress,
  users,
  type ExerciseAttempt,
  type ExerciseTurnRow,
  type StoredGrade,
} from "../../db/schema";
import { gradeReply, GRADER_VERSION, type Exercise, type TurnGrade } from "~/grading";
import { reviewRouting } from "~/learning/review";
import { inScope, type Scope } from "~/utils/permissions.server";
import { audit } from "./audit.server";
import { refreshEnrollment } from "./certificate.server";
import { markLessonComplete } from "./progress.server";
import type { Db } from "~/utils/db.server";
import type { ExerciseKind } from "~/exercises/kinds";
import type { TextGrading } from "~/exercises/text-grading";

export type AttemptWithTurns = ExerciseAttempt & { turns: ExerciseTurnRow[] };
type LessonRef = { lessonId: string; courseId: string; courseVersion: string };

/** Overall result: mean of turn scores; passed when every turn passed and the mean reaches the pass mark. */
export function attemptResult(turns: Pick<ExerciseTurnRow, "score" | "passed">[], passPercent: number) {
  const score = turns.length ? Math.round(turns.reduce((sum, t) => sum + t.score, 0) / turns.length) : 0;
  return { score, passed: turns.length > 0 && turns.every((t) => t.passed) && score >= passPercent };
}

async function withTurns(db: Db, attempt: ExerciseAttempt | undefined): Promise<AttemptWithTurns | null> {
  if (!attempt) return null;
  const turns = await db.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, attempt.id)).orderBy(asc(exerciseTurns.position));
  return { ...attempt, turns };
}

export async function getOpenAttempt(db: Db, userId: string, slug: string): Promise<AttemptWithTurns | null> {
  const [attempt] = await db
    .select()
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseSlug, slug), eq(exerciseAttempts.status, "in_progress")))
    .limit(1);
  return withTurns(db, attempt);
}

/** The learner's own attempt (never someone else's). */
export async function getOwnAttempt(db: Db, userId: string, attemptId: string): Promise<AttemptWithTurns | null> {
  const [attempt] = await db
    .select()
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.id, attemptId), eq(exerciseAttempts.userId, userId)))
    .limit(1);
  return withTurns(db, attempt);
}

export async function listOwnAttempts(db: Db, userId: string, slug: string): Promise<ExerciseAttempt[]> {
  return db
    .select()
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseSlug, slug)))
    .orderBy(desc(exerciseAttempts.startedAt))
    .limit(50);
}

/** What storing a turn needs of an exercise: its turns' ids and messages and its pass mark. */
export type TurnExercise = Pick<Exercise, "slug" | "passPercent"> & { turns: { id: string; message: string }[] };

export type SubmitTurnInput = {
  userId: string;
  ref: LessonRef;
  turnId: string;
  reply: string;
  replySeconds: number | null;
  idempotencyKey: string;
  /** The course's `reviewSample` (percent of sure passes a trainer checks anyway); default 0. */
  reviewSample?: number;
} & (
  | { kind?: "dm"; exercise: Exercise; grade?: undefined }
  /** Another kind graded like a DM turn (a post): its own grader, the same storage and rules. */
  | { kind: ExerciseKind; exercise: TurnExercise; grade: (reply: string, turnId: string) => TurnGrade }
);

export type SubmitTurnResult = { attemptId: string; stored: boolean; completed: boolean; stale: boolean };

/**
 * Grades and stores one reply in one transaction. A repeated idempotency key stores nothing;
 * a reply to a turn that is no longer current (back button, second tab) is refused as stale.
 */
export async function submitTurn(db: Db, input: SubmitTurnInput): Promise<SubmitTurnResult> {
  const key = `${input.userId}:${input.idempotencyKey}`;
  return db.transaction(async (tx) => {
    // One reply at a time per learner and exercise: a double-sent form waits for the first and
    // then finds its key below (instead of reading the advanced turn as "stale", or opening an
    // empty new attempt after the last turn).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${input.userId}:${input.exercise.slug}`}))`);
    const [seen] = await tx
      .select({ attemptId: exerciseTurns.attemptId, status: exerciseAttempts.status })
      .from(exerciseTurns)
      .innerJoin(exerciseAttempts, eq(exerciseAttempts.id, exerciseTurns.attemptId))
      .where(eq(exerciseTurns.idempotencyKey, key))
      .limit(1);
    // Same key again (double click, resent form): nothing new, answer as the first time did.
    if (seen) return { attemptId: seen.attemptId, stored: false, completed: seen.status === "completed", stale: false };

    const open = and(
      eq(exerciseAttempts.userId, input.userId),
      eq(exerciseAttempts.exerciseSlug, input.exercise.slug),
      eq(exerciseAttempts.status, "in_progress"),
    );
    await tx
      .insert(exerciseAttempts)
      .values({
        id: randomUUID(),
        userId: input.userId,
        lessonId: input.ref.lessonId,
        exerciseSlug: input.exercise.slug,
        kind: input.kind ?? "dm",
        currentTurnId: input.exercise.turns[0]!.id,
        graderVersion: GRADER_VERSION,
        courseVersion: input.ref.courseVersion,
      })
      .onConflictDoNothing();
    // Lock the open attempt so two tabs cannot both append the same turn.
    const [attempt] = await tx.select().from(exerciseAttempts).where(open).for("update").limit(1);
    if (!attempt) throw new Error("open attempt vanished");
    if (attempt.currentTurnId !== input.turnId) return { attemptId: attempt.id, stored: false, completed: false, stale: true };

    const turn = input.exercise.turns.find((t) => t.id === input.turnId)!;
    // Without its own grader the exercise is a DM exercise (the input's type says so).
    const grade = input.grade ? input.grade(input.reply, input.turnId) : gradeReply(input.exercise as Exercise, input.turnId, input.reply);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(exerciseTurns)
      .where(eq(exerciseTurns.attemptId, attempt.id))) as [{ n: number }];
    const inserted = await tx
      .insert(exerciseTurns)
      .values({
        id: randomUUID(),
        attemptId: attempt.id,
        position: n + 1,
        turnId: input.turnId,
        citizenMessage: turn.message,
        reply: input.reply,
        replySeconds: input.replySeconds,
        grade,
        score: grade.score,
        passed: grade.passed,
        graderVersion: grade.graderVersion,
        idempotencyKey: key,
      })
      .onConflictDoNothing()
      .returning({ id: exerciseTurns.id });
    if (inserted.length === 0) return { attemptId: attempt.id, stored: false, completed: false, stale: false };

    if (grade.nextTurnId) {
      await tx.update(exerciseAttempts).set({ currentTurnId: grade.nextTurnId }).where(eq(exerciseAttempts.id, attempt.id));
      return { attemptId: attempt.id, stored: true, completed: false, stale: false };
    }
    const turns = await tx
      .select({ score: exerciseTurns.score, passed: exerciseTurns.passed, grade: exerciseTurns.grade })
      .from(exerciseTurns)
      .where(eq(exerciseTurns.attemptId, attempt.id));
    const result = attemptResult(turns, input.exercise.passPercent);
    const [progress] = await tx
      .select({ status: lessonProgress.status })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, input.userId), eq(lessonProgress.lessonId, input.ref.lessonId)));
    // A doubtful pass that would count towards the certificate waits for a trainer (issue 12).
    const routing = reviewRouting({
      attemptId: attempt.id,
      passed: result.passed,
      turnReviews: turns.map((t) => ("review" in t.grade ? t.grade.review : undefined)),
      lessonComplete: progress?.status === "completed",
      samplePercent: input.reviewSample ?? 0,
    });
    await tx
      .update(exerciseAttempts)
      .set({
        status: "completed",
        currentTurnId: null,
        score: result.score,
        passed: result.passed,
        completedAt: new Date(),
        ...(routing.review ? { reviewStatus: "pending" as const, reviewReasons: routing.reasons } : {}),
      })
      .where(eq(exerciseAttempts.id, attempt.id));
    // A failed attempt takes no pass away (any pass counts), and a pass waiting for review counts
    // only once a trainer confirms it: only an unflagged pass needs the recount.
    if (result.passed && !routing.review) await markLessonComplete(tx, input.userId, input.ref);
    // A pass waiting for review: the enrolment exists and stays open until the trainer decides.
    else if (routing.review) await refreshEnrollment(tx, input.userId, input.ref.courseId);
    return { attemptId: attempt.id, stored: true, completed: true, stale: false };
  });
}

/** Abandons the open attempt so the learner can start over ("Coba lagi" mid-way). */
export async function abandonOpenAttempt(db: Db, userId: string, slug: string) {
  await db
    .delete(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseSlug, slug), eq(exerciseAttempts.status, "in_progress")));
}

export type StaffAttemptRow = {
  id: string;
  learnerName: string;
  agencyName: string;
  exerciseSlug: string;
  score: number | null;
  passed: boolean | null;
  overrideScore: number | null;
  overridePassed: boolean | null;
  reviewStatus: ExerciseAttempt["reviewStatus"];
  completedAt: Date | null;
};

/** Completed attempts of learners inside `scopePath` (instructors: their agency subtree; admins: "/"). */
export async function listAttemptsInScope(db: Db, scopePath: string, slugs: string[]): Promise<StaffAttemptRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select({
      id: exerciseAttempts.id,
      learnerName: users.name,
      agencyName: agencies.name,
      exerciseSlug: exerciseAttempts.exerciseSlug,
      score: exerciseAttempts.score,
      passed: exerciseAttempts.passed,
      overrideScore: exerciseAttempts.overrideScore,
      overridePassed: exerciseAttempts.overridePassed,
      reviewStatus: exerciseAttempts.reviewStatus,
      completedAt: exerciseAttempts.completedAt,
    })
    .from(exerciseAttempts)
    .innerJoin(users, eq(users.id, exerciseAttempts.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(exerciseAttempts.status, "completed"), inArray(exerciseAttempts.exerciseSlug, slugs), like(agencies.path, `${scopePath}%`)))
    .orderBy(desc(exerciseAttempts.completedAt))
    .limit(200);
}

/** One attempt with its transcript, only when the learner is inside `scopePath`. */
export async function getAttemptInScope(db: Db, scopePath: string, attemptId: string) {
  const [row] = await db
    .select({ attempt: exerciseAttempts, learnerName: users.name, agencyName: agencies.name })
    .from(exerciseAttempts)
    .innerJoin(users, eq(users.id, exerciseAttempts.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(exerciseAttempts.id, attemptId), like(agencies.path, `${scopePath}%`)))
    .limit(1);
  if (!row) return null;
  return { ...(await withTurns(db, row.attempt))!, learnerName: row.learnerName, agencyName: row.agencyName };
}

/**
 * A trainer's override of an attempt's result, with a comment the learner sees. Audit-logged
 * with the before and after values; the enrollment is recomputed in the same transaction, so
 * passing completes the lesson and failing the only pass suspends the certificate.
 */
export async function overrideAttempt(
  db: Db,
  actorId: string,
  attempt: Pick<ExerciseAttempt, "id" | "userId" | "lessonId" | "courseVersion" | "score" | "passed" | "overrideScore" | "overridePassed">,
  courseId: string,
  change: { score: number; passed: boolean; comment: string },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(exerciseAttempts)
      .set({
        overrideScore: change.score,
        overridePassed: change.passed,
        overrideComment: change.comment,
        overriddenBy: actorId,
        overriddenAt: new Date(),
        // An override of an attempt waiting in the review queue is the trainer's decision on it.
        reviewStatus: sql`case when ${exerciseAttempts.reviewStatus} = 'pending' then 'changed'::review_status else ${exerciseAttempts.reviewStatus} end`,
        reviewedBy: sql`case when ${exerciseAttempts.reviewStatus} = 'pending' then ${actorId} else ${exerciseAttempts.reviewedBy} end`,
        reviewedAt: sql`case when ${exerciseAttempts.reviewStatus} = 'pending' then now() else ${exerciseAttempts.reviewedAt} end`,
      })
      .where(eq(exerciseAttempts.id, attempt.id));
    await audit(tx, {
      actorId,
      action: "attempt.override",
      targetType: "exercise_attempt",
      targetId: attempt.id,
      details: { before: { score: attempt.overrideScore ?? attempt.score, passed: attempt.overridePassed ?? attempt.passed }, after: change },
    });
    await refreshEnrollment(tx, attempt.userId, courseId, { actorId, reason: "override" });
  });
}

/**
 * Re-grades every stored reply (or post rewrite) of an exercise by learners inside `scopePath` with
 * the current rubric and grader (after a rubric change). Overrides stay as they are. Every learner's
 * enrollment is recomputed in the same transaction (a lost pass suspends the certificate).
 * Returns how many attempts changed result.
 */
export async function regradeExercise(
  db: Db,
  actorId: string,
  scopePath: string,
  exercise: Pick<TextGrading, "slug" | "passPercent" | "turns" | "grade">,
  ref: Omit<LessonRef, "courseVersion">,
): Promise<{ attempts: number; changed: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ attempt: exerciseAttempts })
      .from(exerciseAttempts)
      .innerJoin(users, eq(users.id, exerciseAttempts.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(exerciseAttempts.exerciseSlug, exercise.slug), eq(exerciseAttempts.status, "completed"), like(agencies.path, `${scopePath}%`)));
    const attempts = rows.map((r) => r.attempt);
    let changed = 0;
    const learners = new Set<string>();
    // Which grader versions the stored grades came from: the audit row says what a re-grade replaced.
    const fromVersions: Record<string, number> = {};
    for (const attempt of attempts) {
      learners.add(attempt.userId);
      const turns = await tx.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, attempt.id)).orderBy(asc(exerciseTurns.position));
      const regraded: { score: number; passed: boolean }[] = [];
      for (const t of turns) {
        fromVersions[t.graderVersion] = (fromVersions[t.graderVersion] ?? 0) + 1;
        if (!exercise.turns.some((x) => x.id === t.turnId)) {
          regraded.push({ score: t.score, passed: t.passed });
          continue;
        }
        const grade: TurnGrade = exercise.grade(t.turnId, t.reply);
        regraded.push(grade);
        await tx
          .update(exerciseTurns)
          .set({ grade, score: grade.score, passed: grade.passed, graderVersion: grade.graderVersion })
          .where(eq(exerciseTurns.id, t.id));
      }
      const result = attemptResult(regraded, exercise.passPercent);
      if (result.score !== attempt.score || result.passed !== attempt.passed) changed++;
      await tx
        .update(exerciseAttempts)
        .set({ score: result.score, passed: result.passed, graderVersion: GRADER_VERSION })
        .where(eq(exerciseAttempts.id, attempt.id));
    }
    // Sorted, so two re-grades lock enrollments in the same order.
    for (const userId of [...learners].sort()) await refreshEnrollment(tx, userId, ref.courseId, { actorId, reason: "regrade" });
    await audit(tx, {
      actorId,
      action: "exercise.regrade",
      targetType: "exercise",
      targetId: exercise.slug,
      details: { attempts: attempts.length, changed, fromVersions, toVersion: GRADER_VERSION },
    });
    return { attempts: attempts.length, changed };
  });
}

/**
 * Stores a form graded all at once (a hoax case) as a completed attempt with one row holding the
 * answers and the grade. A repeated idempotency key stores nothing and returns the first attempt.
 */
export async function recordGradedAttempt(
  db: Db,
  input: {
    kind: ExerciseKind;
    userId: string;
    slug: string;
    ref: LessonRef;
    /** What the learner answered to (the claim), and the free text they wrote. */
    prompt: string;
    text: string;
    grade: StoredGrade;
    idempotencyKey: string;
  },
): Promise<{ attemptId: string; stored: boolean }> {
  const key = `${input.userId}:${input.idempotencyKey}`;
  return db
    .transaction(async (tx) => {
      const [seen] = await tx.select({ attemptId: exerciseTurns.attemptId }).from(exerciseTurns).where(eq(exerciseTurns.idempotencyKey, key)).limit(1);
      if (seen) return { attemptId: seen.attemptId, stored: false };
      const attemptId = randomUUID();
      await tx.insert(exerciseAttempts).values({
        id: attemptId,
        userId: input.userId,
        lessonId: input.ref.lessonId,
        exerciseSlug: input.slug,
        kind: input.kind,
        status: "completed",
        score: input.grade.score,
        passed: input.grade.passed,
        graderVersion: GRADER_VERSION,
        courseVersion: input.ref.courseVersion,
        completedAt: new Date(),
      });
      const inserted = await tx
        .insert(exerciseTurns)
        .values({
          id: randomUUID(),
          attemptId,
          position: 1,
          turnId: "lab",
          citizenMessage: input.prompt,
          reply: input.text,
          grade: input.grade,
          score: input.grade.score,
          passed: input.grade.passed,
          graderVersion: GRADER_VERSION,
          idempotencyKey: key,
        })
        .onConflictDoNothing()
        .returning({ id: exerciseTurns.id });
      // Lost a race with the same key in another transaction: undo this attempt.
      if (inserted.length === 0) throw new DuplicateSubmission();
      if (input.grade.passed) await markLessonComplete(tx, input.userId, input.ref);
      return { attemptId, stored: true };
    })
    .catch(async (error) => {
      if (!(error instanceof DuplicateSubmission)) throw error;
      const [row] = await db.select({ attemptId: exerciseTurns.attemptId }).from(exerciseTurns).where(eq(exerciseTurns.idempotencyKey, key)).limit(1);
      return { attemptId: row!.attemptId, stored: false };
    });
}

class DuplicateSubmission extends Error {}

// ——— Review queue (issue 12) ———

export type ReviewQueueRow = {
  id: string;
  learnerName: string;
  agencyName: string;
  exerciseSlug: string;
  score: number | null;
  passed: boolean | null;
  reasons: string[];
  completedAt: Date | null;
};

/** Attempts waiting for a trainer, of learners inside `scope`, oldest first. */
export async function listReviewQueue(db: Db, scope: Scope, limit = 200): Promise<ReviewQueueRow[]> {
  const rows = await db
    .select({
      id: exerciseAttempts.id,
      learnerName: users.name,
      agencyName: agencies.name,
      exerciseSlug: exerciseAttempts.exerciseSlug,
      score: exerciseAttempts.score,
      passed: exerciseAttempts.passed,
      reasons: exerciseAttempts.reviewReasons,
      completedAt: exerciseAttempts.completedAt,
    })
    .from(exerciseAttempts)
    .innerJoin(users, eq(users.id, exerciseAttempts.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(exerciseAttempts.reviewStatus, "pending"), inScope(agencies.path, scope)))
    .orderBy(asc(exerciseAttempts.completedAt), asc(exerciseAttempts.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, reasons: r.reasons ?? [] }));
}

export type ReviewDecision = {
  /** true: the grade stands as graded; false: the trainer sets `score` and `passed`. */
  confirm: boolean;
  score: number;
  passed: boolean;
  comment: string;
  /** Element labels per turn id (id → met / present), pre-filled from the grader's. */
  criteria: Record<string, Record<string, boolean>>;
};

export type ReviewOutcome = "decided" | "not-pending";

/**
 * A trainer decides an attempt waiting in the queue, in one transaction: the attempt row is locked
 * (two trainers cannot both decide it), the decision stored (a change also as an override the
 * learner sees), audit-logged, and the enrollment recomputed — so a confirmed or changed-to-pass
 * attempt completes the lesson and issues the certificate if it was the last requirement.
 * Outside `scope` → null (the route answers 404).
 */
export async function decideReview(
  db: Db,
  actorId: string,
  scope: Scope,
  attemptId: string,
  courseId: string,
  decision: ReviewDecision,
): Promise<ReviewOutcome | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ attempt: exerciseAttempts })
      .from(exerciseAttempts)
      .innerJoin(users, eq(users.id, exerciseAttempts.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(exerciseAttempts.id, attemptId), inScope(agencies.path, scope)))
      .for("update", { of: exerciseAttempts })
      .limit(1);
    if (!row) return null;
    const attempt = row.attempt;
    if (attempt.reviewStatus !== "pending") return "not-pending";
    const now = new Date();
    const changed = !decision.confirm;
    await tx
      .update(exerciseAttempts)
      .set({
        reviewStatus: changed ? "changed" : "confirmed",
        reviewedBy: actorId,
        reviewedAt: now,
        reviewComment: decision.comment || null,
        reviewCriteria: decision.criteria,
        ...(changed
          ? { overrideScore: decision.score, overridePassed: decision.passed, overrideComment: decision.comment, overriddenBy: actorId, overriddenAt: now }
          : {}),
      })
      .where(eq(exerciseAttempts.id, attempt.id));
    await audit(tx, {
      actorId,
      action: changed ? "attempt.review.change" : "attempt.review.confirm",
      targetType: "exercise_attempt",
      targetId: attempt.id,
      details: {
        reasons: attempt.reviewReasons ?? [],
        graderVersion: attempt.graderVersion,
        before: { score: attempt.score, passed: attempt.passed },
        after: changed ? { score: decision.score, passed: decision.passed } : { score: attempt.score, passed: attempt.passed },
        comment: decision.comment,
      },
    });
    await refreshEnrollment(tx, attempt.userId, courseId, { actorId, reason: "override" });
    return "decided";
  });
}

export type ReviewNotice = {
  attemptId: string;
  exerciseSlug: string;
  status: "confirmed" | "changed";
  passed: boolean | null;
  score: number | null;
  comment: string | null;
  reviewedAt: Date | null;
};

/** Decisions on the learner's reviewed attempts that the learner has not dismissed yet, newest first. */
export async function listReviewNotices(db: Db, userId: string, slug?: string): Promise<ReviewNotice[]> {
  const rows = await db
    .select({
      attemptId: exerciseAttempts.id,
      exerciseSlug: exerciseAttempts.exerciseSlug,
      status: exerciseAttempts.reviewStatus,
      passed: sql<boolean | null>`coalesce(${exerciseAttempts.overridePassed}, ${exerciseAttempts.passed})`,
      score: sql<number | null>`coalesce(${exerciseAttempts.overrideScore}, ${exerciseAttempts.score})`,
      comment: exerciseAttempts.reviewComment,
      reviewedAt: exerciseAttempts.reviewedAt,
    })
    .from(exerciseAttempts)
    .where(
      and(
        eq(exerciseAttempts.userId, userId),
        slug ? eq(exerciseAttempts.exerciseSlug, slug) : undefined,
        inArray(exerciseAttempts.reviewStatus, ["confirmed", "changed"]),
        isNull(exerciseAttempts.reviewSeenAt),
      ),
    )
    .orderBy(desc(exerciseAttempts.reviewedAt))
    .limit(20);
  return rows.map((r) => ({ ...r, status: r.status as "confirmed" | "changed" }));
}

/** The learner dismisses the notice of a decision on their own attempt. */
export async function markReviewSeen(db: Db, userId: string, attemptId: string): Promise<void> {
  await db
    .update(exerciseAttempts)
    .set({ reviewSeenAt: new Date() })
    .where(and(eq(exerciseAttempts.id, attemptId), eq(exerciseAttempts.userId, userId), isNotNull(exerciseAttempts.reviewedAt)));
}

/** Lessons of the learner with an attempt waiting for a trainer ("menunggu tinjauan pelatih"). */
export async function lessonsAwaitingReview(db: Db, userId: string, lessonIds: string[]): Promise<Set<string>> {
  if (lessonIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ lessonId: exerciseAttempts.lessonId })
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), inArray(exerciseAttempts.lessonId, lessonIds), eq(exerciseAttempts.reviewStatus, "pending")));
  return new Set(rows.map((r) => r.lessonId));
}

/**
 * Every turn of the decided reviews of `slug` inside `scope` (newest 500 attempts), with the
 * trainer's labels: the agreement console's labelled replies. The caller turns the attempt
 * decision into per-turn labels (`humanTurnPasses`).
 */
export async function reviewedAttemptsOf(db: Db, scope: Scope, slug: string) {
  const rows = await db
    .select({ attempt: exerciseAttempts })
    .from(exerciseAttempts)
    .innerJoin(users, eq(users.id, exerciseAttempts.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(exerciseAttempts.exerciseSlug, slug), inArray(exerciseAttempts.reviewStatus, ["confirmed", "changed"]), inScope(agencies.path, scope)))
    .orderBy(desc(exerciseAttempts.reviewedAt))
    .limit(500);
  const ids = rows.map((r) => r.attempt.id);
  const turns = ids.length
    ? await db.select().from(exerciseTurns).where(inArray(exerciseTurns.attemptId, ids)).orderBy(asc(exerciseTurns.attemptId), asc(exerciseTurns.position))
    : [];
  return rows.map(({ attempt }) => ({
    id: attempt.id,
    passed: (attempt.overridePassed ?? attempt.passed) === true,
    criteria: attempt.reviewCriteria ?? {},
    turns: turns.filter((t) => t.attemptId === attempt.id),
  }));
}
