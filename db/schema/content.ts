import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

export const lessonKind = pgEnum("lesson_kind", ["lesson", "quiz", "dm", "hoax", "post"]);

/** Courses as synced from content/ at start; the slug is the stable identity. */
export const courses = pgTable("courses", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  level: text("level").notNull(),
  version: text("version").notNull(),
  minutes: integer("minutes").notNull(),
  jp: real("jp").notNull().default(1),
  passPercent: integer("pass_percent").notNull(),
  validMonths: integer("valid_months").notNull(),
  position: integer("position").notNull().default(0),
  draft: boolean("draft").notNull().default(false),
  contentHash: text("content_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every version of a course ever synced, so progress and certificates can name theirs. */
export const courseVersions = pgTable(
  "course_versions",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    version: text("version").notNull(),
    contentHash: text("content_hash").notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("course_versions_course_version_uq").on(t.courseId, t.version)],
);

export const lessons = pgTable(
  "lessons",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    kind: lessonKind("kind").notNull(),
    minutes: integer("minutes").notNull(),
    position: integer("position").notNull(),
    draft: boolean("draft").notNull().default(false),
    /** False once the file disappears from content/: kept so old progress still points somewhere. */
    active: boolean("active").notNull().default(true),
    contentHash: text("content_hash").notNull(),
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lessons_course_slug_uq").on(t.courseId, t.slug), index("lessons_search_idx").using("gin", sql`to_tsvector('simple', ${t.searchText})`)],
);

export const progressStatus = pgEnum("progress_status", ["started", "completed"]);

/** One row per learner and lesson; `courseVersion` records what they completed. */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    status: progressStatus("status").notNull().default("started"),
    courseVersion: text("course_version").notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Set when any quiz on the lesson was answered, so most page views skip the attempts query. */
    quizAnsweredAt: timestamp("quiz_answered_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("lesson_progress_user_lesson_uq").on(t.userId, t.lessonId), index("lesson_progress_user_course_idx").on(t.userId, t.courseId)],
);

/** Graded quiz submissions; the idempotency key makes a double submit store once. */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    quizId: text("quiz_id").notNull(),
    answers: jsonb("answers").$type<Record<string, number[]>>().notNull(),
    score: integer("score").notNull(),
    passed: boolean("passed").notNull(),
    courseVersion: text("course_version").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quiz_attempts_user_quiz_idx").on(t.userId, t.quizId)],
);

/** Why a final-quiz attempt was drawn: the graded final quiz, or the ungraded pre-test before lesson 1. */
export const quizAttemptPurpose = pgEnum("quiz_attempt_purpose", ["final", "pretest"]);

/**
 * Final (summative) quiz attempts, decision 011. The draw (seed, items, option order) is stored
 * when the attempt starts, so a reload shows the same attempt and the form posts option
 * positions the server maps back. One open (unsubmitted) attempt per learner, quiz and purpose.
 */
export const finalQuizAttempts = pgTable(
  "final_quiz_attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    quizId: text("quiz_id").notNull(),
    purpose: quizAttemptPurpose("purpose").notNull().default("final"),
    seed: text("seed").notNull(),
    itemIds: jsonb("item_ids").$type<string[]>().notNull(),
    /** Per item: the original option index shown at each position. */
    optionOrder: jsonb("option_order").$type<Record<string, number[]>>().notNull(),
    /** Original option indexes chosen, per item (after mapping positions back). */
    answers: jsonb("answers").$type<Record<string, number[]>>(),
    /** Per drawn item: answered right. Server-only; never sent to the browser before a pass. */
    itemResults: jsonb("item_results").$type<Record<string, boolean>>(),
    score: integer("score"),
    passed: boolean("passed"),
    courseVersion: text("course_version").notNull(),
    idempotencyKey: text("idempotency_key").unique(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("final_quiz_attempts_one_open_uq")
      .on(t.userId, t.quizId, t.purpose)
      .where(sql`submitted_at is null`),
    index("final_quiz_attempts_user_quiz_idx").on(t.userId, t.quizId, t.submittedAt),
    index("final_quiz_attempts_course_idx").on(t.courseId, t.purpose),
  ],
);

export const coursesRelations = relations(courses, ({ many }) => ({ lessons: many(lessons), versions: many(courseVersions) }));
export const lessonsRelations = relations(lessons, ({ one }) => ({ course: one(courses, { fields: [lessons.courseId], references: [courses.id] }) }));
export const courseVersionsRelations = relations(courseVersions, ({ one }) => ({
  course: one(courses, { fields: [courseVersions.courseId], references: [courses.id] }),
}));
export const lessonProgressRelations = relations(lessonProgress, ({ one }) => ({
  user: one(users, { fields: [lessonProgress.userId], references: [users.id] }),
  lesson: one(lessons, { fields: [lessonProgress.lessonId], references: [lessons.id] }),
}));
export const finalQuizAttemptsRelations = relations(finalQuizAttempts, ({ one }) => ({
  user: one(users, { fields: [finalQuizAttempts.userId], references: [users.id] }),
  lesson: one(lessons, { fields: [finalQuizAttempts.lessonId], references: [lessons.id] }),
}));
export const quizAttemptsRelations = relations(quizAttempts, ({ one }) => ({
  user: one(users, { fields: [quizAttempts.userId], references: [users.id] }),
  lesson: one(lessons, { fields: [quizAttempts.lessonId], references: [lessons.id] }),
}));

export type Course = typeof courses.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type LessonProgress = typeof lessonProgress.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type FinalQuizAttempt = typeof finalQuizAttempts.$inferSelect;
