import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { TurnGrade } from "../../app/grading";
import type { HoaxAnswers, HoaxGrade } from "../../app/grading/hoax";
import type { ExerciseKind } from "../../app/exercises/kinds";
import { lessons } from "./content";
import { users } from "./users";

export const attemptStatus = pgEnum("attempt_status", ["in_progress", "completed"]);

/** A trainer's review of a doubtful (or sampled) pass: waiting, confirmed as graded, or changed. */
export const reviewStatus = pgEnum("review_status", ["pending", "confirmed", "changed"]);

/**
 * One run through a DM exercise (or hoax case): the transcript lives in exercise_turns.
 * At most one attempt per learner and exercise is in progress (partial unique index).
 */
export const exerciseAttempts = pgTable(
  "exercise_attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    exerciseSlug: text("exercise_slug").notNull(),
    kind: text("kind").$type<ExerciseKind>().notNull().default("dm"),
    status: attemptStatus("status").notNull().default("in_progress"),
    currentTurnId: text("current_turn_id"),
    score: integer("score"),
    passed: boolean("passed"),
    graderVersion: text("grader_version").notNull(),
    courseVersion: text("course_version").notNull(),
    overrideScore: integer("override_score"),
    overridePassed: boolean("override_passed"),
    overrideComment: text("override_comment"),
    overriddenBy: text("overridden_by").references(() => users.id),
    overriddenAt: timestamp("overridden_at", { withTimezone: true }),
    /** Null: not sent to review. A pending attempt completes nothing until a trainer decides. */
    reviewStatus: reviewStatus("review_status"),
    /** Why it was sent: the grader's review reasons ("low-similarity", "integrity:copy", …) or "sample". */
    reviewReasons: jsonb("review_reasons").$type<string[]>(),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewComment: text("review_comment"),
    /** The trainer's element labels per turn id (id → met / present): the agreement console's truth. */
    reviewCriteria: jsonb("review_criteria").$type<Record<string, Record<string, boolean>>>(),
    /** When the learner dismissed the notice of the decision. */
    reviewSeenAt: timestamp("review_seen_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("exercise_attempts_user_slug_idx").on(t.userId, t.exerciseSlug),
    index("exercise_attempts_lesson_idx").on(t.lessonId),
    uniqueIndex("exercise_attempts_one_open_uq")
      .on(t.userId, t.exerciseSlug)
      .where(sql`status = 'in_progress'`),
    // The review queue: pending attempts, oldest first.
    index("exercise_attempts_review_queue_idx")
      .on(t.completedAt)
      .where(sql`review_status = 'pending'`),
  ],
);

/** One learner reply with its grade. The idempotency key makes a double-submitted turn store once. */
export const exerciseTurns = pgTable(
  "exercise_turns",
  {
    id: text("id").primaryKey(),
    attemptId: text("attempt_id")
      .notNull()
      .references(() => exerciseAttempts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    turnId: text("turn_id").notNull(),
    citizenMessage: text("citizen_message").notNull(),
    reply: text("reply").notNull(),
    replySeconds: integer("reply_seconds"),
    grade: jsonb("grade").$type<StoredGrade>().notNull(),
    score: integer("score").notNull(),
    passed: boolean("passed").notNull(),
    graderVersion: text("grader_version").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exercise_turns_attempt_position_uq").on(t.attemptId, t.position)],
);

export const exerciseAttemptsRelations = relations(exerciseAttempts, ({ one, many }) => ({
  user: one(users, { fields: [exerciseAttempts.userId], references: [users.id] }),
  lesson: one(lessons, { fields: [exerciseAttempts.lessonId], references: [lessons.id] }),
  turns: many(exerciseTurns),
}));

export const exerciseTurnsRelations = relations(exerciseTurns, ({ one }) => ({
  attempt: one(exerciseAttempts, { fields: [exerciseTurns.attemptId], references: [exerciseAttempts.id] }),
}));

/**
 * What exercise_turns.grade holds, by the attempt's kind: the DM grader's TurnGrade per reply
 * (dm, and the one rewrite of a post), or a hoax case's answers with the grade of all four parts.
 */
export type StoredGrade = TurnGrade | HoaxStoredGrade;
export type HoaxStoredGrade = { score: number; passed: boolean; answers: HoaxAnswers; grade: HoaxGrade };

export type ExerciseAttempt = typeof exerciseAttempts.$inferSelect;
export type ExerciseTurnRow = typeof exerciseTurns.$inferSelect;
