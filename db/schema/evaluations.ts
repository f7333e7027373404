import { relations, sql } from "drizzle-orm";
import { check, date, index, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { courses } from "./content";
import { users } from "./users";

/**
 * A learner's reaction survey (five 1–5 ratings, optional comment) and follow-up action plan
 * (RTL) for a completed course, decision 016. One per learner and course: a second submit
 * updates the same row (editable for 30 days after the first).
 */
export const courseEvaluations = pgTable(
  "course_evaluations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    courseVersion: text("course_version").notNull(),
    relevance: smallint("relevance").notNull(),
    clarity: smallint("clarity").notNull(),
    practice: smallint("practice").notNull(),
    time: smallint("time").notNull(),
    recommend: smallint("recommend").notNull(),
    comment: text("comment"),
    /** What I will change in my work. */
    planChange: text("plan_change").notNull(),
    /** By when (Jakarta calendar date). */
    planDue: date("plan_due", { mode: "string" }).notNull(),
    /** How my supervisor can see it. */
    planEvidence: text("plan_evidence").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("course_evaluations_user_course_uq").on(t.userId, t.courseId),
    index("course_evaluations_course_idx").on(t.courseId),
    check(
      "course_evaluations_ratings_ck",
      sql`${t.relevance} between 1 and 5 and ${t.clarity} between 1 and 5 and ${t.practice} between 1 and 5 and ${t.time} between 1 and 5 and ${t.recommend} between 1 and 5`,
    ),
  ],
);

export const courseEvaluationsRelations = relations(courseEvaluations, ({ one }) => ({
  user: one(users, { fields: [courseEvaluations.userId], references: [users.id] }),
  course: one(courses, { fields: [courseEvaluations.courseId], references: [courses.id] }),
}));

export type CourseEvaluation = typeof courseEvaluations.$inferSelect;
