import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, gt, gte, isNull, or, sql } from "drizzle-orm";
import { enrollments, finalQuizAttempts, lessonProgress, type FinalQuizAttempt } from "../../db/schema";
import type { Quiz } from "~/content/schema";
import { attemptAllowance, type Allowance, type AttemptRule } from "~/learning/attempt-window";
import { answersFromPositions, drawQuiz, gradeDrawn } from "~/learning/final-quiz";
import { refreshEnrollment } from "./certificate.server";
import type { Db } from "~/utils/db.server";

/**
 * Final (summative) quiz attempts, decision 011. Every change for one learner and quiz runs
 * under one transaction-scoped lock, so concurrent starts and submits (second tab, double
 * click, a script firing ten at once) are applied one after another and the attempt limit
 * is counted in the same transaction that stores the attempt.
 */
export type FinalQuizRef = { lessonId: string; courseId: string; courseVersion: string };
export type Purpose = FinalQuizAttempt["purpose"];
type QuizInput = { quiz: Quiz; ref: FinalQuizRef; purpose: Purpose; rule: AttemptRule };

const HOUR = 60 * 60 * 1000;

async function lockLearnerQuiz(tx: Db, userId: string, quizId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`final-quiz:${userId}:${quizId}`}))`);
}

const ofLearner = (userId: string, quizId: string, purpose: Purpose) =>
  and(eq(finalQuizAttempts.userId, userId), eq(finalQuizAttempts.quizId, quizId), eq(finalQuizAttempts.purpose, purpose));

/** Submission times inside the window ending at `now` (the limit counts these). */
async function submittedInWindow(db: Db, userId: string, quizId: string, purpose: Purpose, rule: AttemptRule, now: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: finalQuizAttempts.submittedAt })
    .from(finalQuizAttempts)
    .where(and(ofLearner(userId, quizId, purpose), gt(finalQuizAttempts.submittedAt, new Date(now.getTime() - rule.windowHours * HOUR))));
  return rows.map((r) => r.at!);
}

/** When the learner's current cycle began (recertification resets it); attempts before it are history. */
async function cycleStart(db: Db, userId: string, courseId: string): Promise<Date> {
  const [row] = await db
    .select({ at: enrollments.cycleStartedAt })
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
    .limit(1);
  return row?.at ?? new Date(0);
}

export type FinalQuizState = {
  open: FinalQuizAttempt | null;
  /** The latest submitted attempt of this cycle. */
  last: FinalQuizAttempt | null;
  /** The attempt that passed in this cycle (the one whose review is shown). */
  passed: FinalQuizAttempt | null;
  allowance: Allowance;
};

async function readState(db: Db, userId: string, input: QuizInput, now: Date): Promise<FinalQuizState> {
  const since = await cycleStart(db, userId, input.ref.courseId);
  const rows = await db
    .select()
    .from(finalQuizAttempts)
    .where(and(ofLearner(userId, input.quiz.id, input.purpose), or(isNull(finalQuizAttempts.submittedAt), gte(finalQuizAttempts.submittedAt, since))))
    .orderBy(desc(finalQuizAttempts.startedAt))
    .limit(100);
  const submitted = rows.filter((r) => r.submittedAt).sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime());
  const times = await submittedInWindow(db, userId, input.quiz.id, input.purpose, input.rule, now);
  return {
    open: rows.find((r) => !r.submittedAt) ?? null,
    last: submitted[0] ?? null,
    passed: submitted.find((r) => r.passed) ?? null,
    allowance: attemptAllowance(times, input.rule, now),
  };
}

/**
 * The learner's state for the quiz page, starting (drawing and storing) a new attempt when
 * none is open, none has passed in this cycle, and the limit allows one. A reload finds the
 * same open attempt. Pre-tests are taken once: no new attempt after one was submitted.
 */
export async function openFinalQuiz(db: Db, userId: string, input: QuizInput, now = new Date(), opts: { create?: boolean } = {}): Promise<FinalQuizState> {
  const state = await readState(db, userId, input, now);
  const wantsNew = opts.create !== false && !state.open && !state.passed && state.allowance.remaining > 0 && !(input.purpose === "pretest" && state.last);
  if (!wantsNew) return state;
  return db.transaction(async (tx) => {
    await lockLearnerQuiz(tx, userId, input.quiz.id);
    const fresh = await readState(tx, userId, input, now);
    if (fresh.open || fresh.passed || fresh.allowance.remaining === 0 || (input.purpose === "pretest" && fresh.last)) return fresh;
    const seed = randomBytes(8).toString("hex");
    const draw = drawQuiz(input.quiz, seed);
    const [open] = await tx
      .insert(finalQuizAttempts)
      .values({
        id: randomUUID(),
        userId,
        lessonId: input.ref.lessonId,
        courseId: input.ref.courseId,
        quizId: input.quiz.id,
        purpose: input.purpose,
        seed,
        itemIds: draw.itemIds,
        optionOrder: draw.optionOrder,
        courseVersion: input.ref.courseVersion,
        startedAt: now,
      })
      .returning();
    return { ...fresh, open: open! };
  });
}

export type SubmitOutcome =
  | { status: "stored"; attempt: FinalQuizAttempt }
  | { status: "duplicate"; attempt: FinalQuizAttempt }
  | { status: "limited"; opensAt: Date }
  | { status: "stale" }
  | { status: "unknown" };

/**
 * Grades and stores a submitted attempt once. The form names the attempt and carries option
 * positions, mapped back with the attempt's stored order. A repeated idempotency key returns
 * the first result; an attempt already submitted under another key is stale; over the limit
 * nothing is stored. A final attempt recomputes the enrollment in the same transaction.
 */
export async function submitFinalQuiz(
  db: Db,
  userId: string,
  input: QuizInput & { passPercent: number },
  form: { attemptId: string; key: string; fields: FormData | URLSearchParams },
  now = new Date(),
): Promise<SubmitOutcome> {
  const key = `${userId}:${form.key}`;
  return db.transaction(async (tx): Promise<SubmitOutcome> => {
    await lockLearnerQuiz(tx, userId, input.quiz.id);
    const [seen] = await tx.select().from(finalQuizAttempts).where(eq(finalQuizAttempts.idempotencyKey, key)).limit(1);
    if (seen) return { status: "duplicate", attempt: seen };
    const [row] = await tx
      .select()
      .from(finalQuizAttempts)
      .where(and(eq(finalQuizAttempts.id, form.attemptId), ofLearner(userId, input.quiz.id, input.purpose)))
      .for("update")
      .limit(1);
    if (!row) return { status: "unknown" };
    if (row.submittedAt) return { status: "stale" };
    const allowance = attemptAllowance(await submittedInWindow(tx, userId, input.quiz.id, input.purpose, input.rule, now), input.rule, now);
    if (allowance.opensAt) return { status: "limited", opensAt: allowance.opensAt };

    const draw = { itemIds: row.itemIds, optionOrder: row.optionOrder };
    const answers = answersFromPositions(input.quiz, draw, form.fields);
    const result = gradeDrawn(input.quiz, draw, answers);
    const passed = input.purpose === "final" && result.score >= input.passPercent;
    const [stored] = await tx
      .update(finalQuizAttempts)
      .set({ answers, itemResults: result.itemResults, score: result.score, passed, submittedAt: now, idempotencyKey: key })
      .where(and(eq(finalQuizAttempts.id, row.id), isNull(finalQuizAttempts.submittedAt)))
      .returning();
    if (input.purpose === "final") {
      await tx
        .insert(lessonProgress)
        .values({ id: randomUUID(), userId, ...input.ref, status: "started", quizAnsweredAt: now })
        .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.lessonId], set: { quizAnsweredAt: now } });
      await refreshEnrollment(tx, userId, input.ref.courseId, { actorId: userId, reason: "quiz" });
    }
    return { status: "stored", attempt: stored! };
  });
}
