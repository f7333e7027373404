import { relations, sql } from "drizzle-orm";
import { bigint, date, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { agencies } from "./agencies";
import { courses, quizAttemptPurpose } from "./content";
import { users } from "./users";

/** A manager's assignment of a course to an agency subtree, with a due date. */
export const courseAssignments = pgTable(
  "course_assignments",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("course_assignments_course_agency_uq").on(t.courseId, t.agencyId)],
);

/**
 * Who takes which course. Rows come from assignments (now and for people who join later) or
 * from a learner opening a course. Lesson counts are kept here so dashboards aggregate one table.
 */
export const enrollments = pgTable(
  "enrollments",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    assignmentId: text("assignment_id").references(() => courseAssignments.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    completedLessons: integer("completed_lessons").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    /** Set when recertification starts: only grades from this moment count towards completion. */
    cycleStartedAt: timestamp("cycle_started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enrollments_user_course_uq").on(t.userId, t.courseId),
    index("enrollments_course_user_idx").on(t.courseId, t.userId),
    // The minute tick's reminder candidates, read in keyset batches (app/mail/reminders.server.ts):
    // unfinished enrolments by due date, and assigned ones by creation time. Without them each
    // tick read every unfinished enrolment of the country (issue 18: the server ran out of heap).
    index("enrollments_open_due_idx")
      .on(t.dueDate, t.id)
      .where(sql`completed_at is null and due_date is not null`),
    index("enrollments_assigned_created_idx")
      .on(t.createdAt, t.id)
      .where(sql`assignment_id is not null`),
  ],
);

/**
 * Issued certificates. Learner, agency and course fields are copied at issue time so the
 * verification page shows exactly what was printed. One current (not replaced) per learner and course.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    learnerName: text("learner_name").notNull(),
    learnerNip: text("learner_nip"),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    agencyName: text("agency_name").notNull(),
    /**
     * The holder's agency now (users.agency_id, kept by triggers: set on insert, moved with the
     * holder), unlike agencyId above, the agency printed on the certificate. The learner table's
     * certified/expired filter reads a unit's certificates by it (issue 18, 1 M learners).
     */
    holderAgencyId: text("holder_agency_id").references(() => agencies.id),
    courseTitle: text("course_title").notNull(),
    courseVersion: text("course_version").notNull(),
    jp: real("jp").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    revokedBy: text("revoked_by").references(() => users.id),
    /** Set when the learner starts recertifying; the next completion issues a replacement. */
    renewalStartedAt: timestamp("renewal_started_at", { withTimezone: true }),
    replacedBy: text("replaced_by"),
    /** Set while a grade change leaves the course incomplete (decision 011); cleared when it stands again. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    /** Why, as a code the pages translate (no personal detail): see app/certificates/rules.ts. */
    suspendedReason: text("suspended_reason"),
    /** Title of the lesson whose grade no longer passes (public: shown on the verification page). */
    suspendedLesson: text("suspended_lesson"),
  },
  (t) => [
    uniqueIndex("certificates_one_current_uq")
      .on(t.userId, t.courseId)
      .where(sql`replaced_by is null`),
    index("certificates_course_idx").on(t.courseId, t.expiresAt),
    // Agency first (scoped reads), then course and issue time: certificates per month of a
    // province is one index-only range per unit (issue 18, 1 M learners: 600 → 190 ms loaded).
    index("certificates_agency_course_issued_idx").on(t.agencyId, t.courseId, t.issuedAt),
    index("certificates_user_idx").on(t.userId, t.issuedAt),
    index("certificates_holder_course_expiry_idx")
      .on(t.holderAgencyId, t.courseId, t.expiresAt)
      .where(sql`replaced_by is null`),
  ],
);

export const enrollmentsRelations = relations(enrollments, ({ one }) => ({
  user: one(users, { fields: [enrollments.userId], references: [users.id] }),
  course: one(courses, { fields: [enrollments.courseId], references: [courses.id] }),
}));
export const certificatesRelations = relations(certificates, ({ one }) => ({
  user: one(users, { fields: [certificates.userId], references: [users.id] }),
  course: one(courses, { fields: [certificates.courseId], references: [courses.id] }),
}));
export const courseAssignmentsRelations = relations(courseAssignments, ({ one }) => ({
  course: one(courses, { fields: [courseAssignments.courseId], references: [courses.id] }),
  agency: one(agencies, { fields: [courseAssignments.agencyId], references: [agencies.id] }),
}));

export type Certificate = typeof certificates.$inferSelect;
export type Enrollment = typeof enrollments.$inferSelect;
export type CourseAssignment = typeof courseAssignments.$inferSelect;

/**
 * Dashboard rollups, kept by database triggers (migration 0007) on every enrollment,
 * certificate and user-agency change, so a province-wide dashboard reads thousands of rows
 * instead of every enrollment. State: not_started | in_progress | completed.
 */
export const enrollmentRollups = pgTable(
  "enrollment_rollups",
  {
    agencyId: text("agency_id").notNull(),
    courseId: text("course_id").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    state: text("state").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.courseId, t.dueDate, t.state] })],
);

/** Current (not replaced, not revoked) certificates per learner agency, course and expiry day. */
export const certificateRollups = pgTable(
  "certificate_rollups",
  {
    agencyId: text("agency_id").notNull(),
    courseId: text("course_id").notNull(),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.courseId, t.expiresOn] })],
);

/**
 * The same counters summed over each agency's whole subtree, one row set per ancestor (migration
 * 0011): a province's totals are its own rows, not a sum over its 2,000 units at read time. Kept
 * by triggers on the two tables above and on agency moves.
 */
export const enrollmentSubtreeRollups = pgTable(
  "enrollment_subtree_rollups",
  {
    ancestorId: text("ancestor_id").notNull(),
    courseId: text("course_id").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    state: text("state").notNull(),
    /** Hot ancestors' counters are split over a few rows (migration 0024): readers sum them. */
    shard: smallint("shard").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.courseId, t.dueDate, t.state, t.shard] })],
);

export const certificateSubtreeRollups = pgTable(
  "certificate_subtree_rollups",
  {
    ancestorId: text("ancestor_id").notNull(),
    courseId: text("course_id").notNull(),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    shard: smallint("shard").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.courseId, t.expiresOn, t.shard] })],
);

/**
 * Certificates issued per ancestor agency (of the agency at issue), course and month of issue in
 * Jakarta time (the first day of the month), whatever became of them since: the dashboard's
 * monthly chart (migration 0026) reads a province's twelve months from its own rows instead of
 * counting ~20,000 certificates per view. Split over shards like the subtree rollups; readers sum.
 */
export const certificateMonthRollups = pgTable(
  "certificate_month_rollups",
  {
    ancestorId: text("ancestor_id").notNull(),
    courseId: text("course_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    shard: smallint("shard").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.courseId, t.month, t.shard] })],
);

/**
 * Each learner's score per course and purpose, as the learning-gain figures count it (lowest
 * pre-test, best final quiz; null when the submitted attempts have no score), with the learner's
 * agency: kept by triggers on final_quiz_attempts and users (migration 0026).
 */
export const quizLearnerScores = pgTable(
  "quiz_learner_scores",
  {
    userId: text("user_id").notNull(),
    courseId: text("course_id").notNull(),
    purpose: quizAttemptPurpose("purpose").notNull(),
    /** The learner's agency now (null for an account without one, which no figure counts). */
    agencyId: text("agency_id"),
    score: integer("score"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseId, t.purpose] })],
);

/**
 * The learner scores above summed per agency (the learner's own unit), course and purpose: the
 * dashboard's pre-test vs final means read a province's ~2,000 rows instead of every attempt.
 */
export const quizScoreRollups = pgTable(
  "quiz_score_rollups",
  {
    agencyId: text("agency_id").notNull(),
    courseId: text("course_id").notNull(),
    purpose: quizAttemptPurpose("purpose").notNull(),
    /** Learners with a submitted attempt; of them, those with a score, and the sum of their scores. */
    learners: integer("learners").notNull(),
    scored: integer("scored").notNull(),
    total: bigint("total", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.courseId, t.purpose] })],
);
