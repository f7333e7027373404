import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, isNull, like, sql, type SQL } from "drizzle-orm";
import { agencies, certificateIssuance, certificates, enrollments, lessonProgress, users, type Certificate } from "../../db/schema";
import { generateCertificateCode } from "~/certificates/code";
import { canRecertify, expiryDate, type SuspensionReason } from "~/certificates/rules";
import type { LessonKind } from "~/content/schema";
import { certificateStep, courseStanding, type CertificateFacts, type LessonFacts } from "~/learning/completion";
import { certificateIssuedMail, mailCertificateSuspended } from "~/mail/notices.server";
import { handOverMail } from "~/mail/queue.server";
import { queryRows, type Db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { insertMailQuery } from "./mail.server";
import { DEFAULT_SCOPE, FALLBACK_SIGNATORY } from "./signatory.server";

export type GradeChange = { actorId: string | null; reason: SuspensionReason };

/**
 * Makes sure the enrollment exists and locks its row (see refreshEnrollment). ON CONFLICT DO
 * UPDATE locks the existing row even when its WHERE is false, so a started enrollment is locked
 * without writing a new row version (and its rollup trigger has no rows to look at).
 */
function lockEnrollmentQuery(tx: Db, userId: string, courseId: string) {
  return tx
    .insert(enrollments)
    .values({ id: randomUUID(), userId, courseId, startedAt: new Date() })
    .onConflictDoUpdate({
      target: [enrollments.userId, enrollments.courseId],
      set: { startedAt: sql`coalesce(${enrollments.startedAt}, now())` },
      setWhere: isNull(enrollments.startedAt),
    });
}

/**
 * The one place that decides completion (decision 011). Called inside every transaction that
 * changes a learner's progress or grades in a course (marking, quiz attempt, exercise attempt,
 * override, re-grade). It locks the enrollment row (concurrent changes serialise: the last one
 * sees them all), decides each lesson from the current grades, brings lesson_progress and the
 * enrollment in line, and issues, suspends or restores the certificate — audit-logged.
 *
 * Round trips (issue 18, the Friday surge: 20 per completion were the bottleneck): the lock and
 * the facts are sent together (pipelined); one write follows when the enrollment changes; issuing
 * adds one read and folds the enrollment, certificate, issuance and mail into that write.
 * `opts.write`: a write of the caller's that goes into the lock's statement (a CTE).
 */
export async function refreshEnrollment(
  tx: Db,
  userId: string,
  courseId: string,
  change: GradeChange = { actorId: userId, reason: "progress" },
  opts: { write?: { getSQL(): SQL } } = {},
): Promise<Certificate | null> {
  const now = new Date();
  const lock = lockEnrollmentQuery(tx, userId, courseId).getSQL();
  // The facts are a statement of their own after the lock: READ COMMITTED gives them a snapshot
  // that includes what a transaction we waited for committed. Sent without waiting for the lock's
  // answer; the server runs them in order, so the wait costs one round trip, not two.
  // Order matters: `.then` starts the lock's query now, before completionFacts starts its own
  // (drizzle's queries are lazy; both go down the same path, so they reach the connection in order).
  // The lock's statement also makes the facts' statement use its generic plan (see completionFacts);
  // the statement after the facts gives the rest of the caller's transaction the usual choice back.
  const lockTaken = tx
    .execute(
      sql`with ${opts.write ? sql`caller as (${opts.write.getSQL()}), ` : sql``}enrollment as (${lock}) select set_config('plan_cache_mode', 'force_generic_plan', true)`,
    )
    .then(() => undefined);
  const factsRead = completionFacts(tx, userId, courseId);
  const planChoiceBack = tx.execute(sql`set local plan_cache_mode to default`).then(() => undefined);
  const [, { enrollment, current, courseVersion, lessons: facts }] = await Promise.all([lockTaken, factsRead, planChoiceBack]);
  const standing = courseStanding(facts);

  // lesson_progress follows the decision for graded lessons (a pass taken away un-completes it).
  for (const f of facts) {
    if (f.kind === "lesson") continue;
    const complete = standing.standings.get(f.lessonId) === "complete";
    if (complete === f.marked) continue;
    if (complete) {
      await tx
        .insert(lessonProgress)
        .values({ id: randomUUID(), userId, lessonId: f.lessonId, courseId, courseVersion: courseVersion ?? "", status: "completed", completedAt: now })
        .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.lessonId], set: { status: "completed", completedAt: now } });
    } else {
      await tx
        .update(lessonProgress)
        .set({ status: "started", completedAt: null })
        .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, f.lessonId)));
    }
  }
  const enrollmentChanged = enrollment.completedLessons !== standing.completedCount || enrollment.completed !== standing.complete;
  const updateEnrollment = enrollmentChanged
    ? tx
        .update(enrollments)
        .set({ completedLessons: standing.completedCount, completedAt: standing.complete ? sql`coalesce(${enrollments.completedAt}, now())` : null })
        .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
    : null;

  const step = certificateStep(standing, current);
  if (step === "issue") return issueCertificate(tx, userId, courseId, current, updateEnrollment);
  if (updateEnrollment) await updateEnrollment;
  if (step === "none" || !current) return null;

  // Suspend or restore (rare): on the locked row, decided again from what it says now.
  const [locked] = await tx.select().from(certificates).where(eq(certificates.id, current.id)).for("update");
  if (!locked || locked.replacedBy) return null;
  const lockedStep = certificateStep(standing, { revoked: !!locked.revokedAt, renewing: !!locked.renewalStartedAt, suspended: !!locked.suspendedAt });
  if (lockedStep === "suspend") {
    const lesson = standing.failed[0]!.title;
    await tx.update(certificates).set({ suspendedAt: now, suspendedReason: change.reason, suspendedLesson: lesson }).where(eq(certificates.id, locked.id));
    await mailCertificateSuspended(tx, locked, now);
    await audit(tx, {
      actorId: change.actorId,
      action: "certificate.suspend",
      targetType: "certificate",
      targetId: locked.id,
      details: { reason: change.reason, lesson },
    });
  }
  if (lockedStep === "restore") {
    await tx.update(certificates).set({ suspendedAt: null, suspendedReason: null, suspendedLesson: null }).where(eq(certificates.id, locked.id));
    await audit(tx, {
      actorId: change.actorId,
      action: "certificate.restore",
      targetType: "certificate",
      targetId: locked.id,
      details: { reason: change.reason, suspendedSince: locked.suspendedAt?.toISOString() },
    });
  }
  return null;
}

type CurrentCertificate = NonNullable<CertificateFacts> & { id: string };

type FactsRow = {
  completed_lessons: number;
  completed: boolean;
  course_version: string | null;
  cert_id: string | null;
  revoked: boolean | null;
  renewing: boolean | null;
  suspended: boolean | null;
  lesson_id: string | null;
  slug: string;
  title: string;
  kind: LessonKind;
  status: string | null;
  attempts: number;
  passes: number;
};

/**
 * Everything a completion decides on, in one statement: the enrollment as it stands, the
 * current certificate's state, and every published lesson of the course with this learner's
 * mark and this cycle's effective grades (graded lessons only; reading lessons are decided by
 * their mark). One row per lesson, or one row with no lesson when the course has none.
 */
async function completionFacts(tx: Db, userId: string, courseId: string) {
  // Prepared like every keyed statement (worthPreparing in db.server), and on its generic plan (set
  // by the lock's statement in refreshEnrollment): planning cost three times its execution (≈ 0.8 vs
  // 0.3 ms, issue 18), and PostgreSQL's own choice re-planned it on every call (the generic plan's
  // estimate is a little higher, the plan the same).
  const rows = await queryRows<FactsRow>(
    tx,
    sql`select e.completed_lessons, e.completed_at is not null as completed, c.version as course_version,
          cur.id as cert_id, cur.revoked_at is not null as revoked, cur.renewal_started_at is not null as renewing, cur.suspended_at is not null as suspended,
          l.id as lesson_id, l.slug, l.title, l.kind, lp.status, coalesce(g.attempts, 0) as attempts, coalesce(g.passes, 0) as passes
        from (select *, coalesce(cycle_started_at, 'epoch'::timestamptz) as since from enrollments where user_id = ${userId} and course_id = ${courseId}) e
        left join courses c on c.id = e.course_id
        left join lateral (select id, revoked_at, renewal_started_at, suspended_at from certificates
                           where user_id = e.user_id and course_id = e.course_id and replaced_by is null limit 1) cur on true
        left join lessons l on l.course_id = e.course_id and l.active and not l.draft
        left join lesson_progress lp on lp.lesson_id = l.id and lp.user_id = e.user_id
        left join lateral (
          select count(*)::int as attempts, (count(*) filter (where passed))::int as passes from (
            -- No course_id condition (the lesson is the course's): with it, a plan made without
            -- statistics (a new database) scanned every final attempt of the course by its index.
            select f.passed from final_quiz_attempts f
            where l.kind <> 'lesson' and f.user_id = e.user_id and f.lesson_id = l.id and f.purpose = 'final' and f.submitted_at >= e.since
            union all
            -- Quiz attempts stored before decision 011 (one table for every quiz) still count for quiz lessons.
            select q.passed from quiz_attempts q
            where l.kind = 'quiz' and q.user_id = e.user_id and q.lesson_id = l.id and q.created_at >= e.since
            union all
            select coalesce(x.override_passed, x.passed) from exercise_attempts x
            where l.kind <> 'lesson' and x.user_id = e.user_id and x.lesson_id = l.id and x.status = 'completed' and x.completed_at >= e.since
              -- An attempt waiting in the review queue counts neither way until a trainer decides.
              and (x.review_status is null or x.review_status <> 'pending')
          ) attempt(passed)
        ) g on true
        order by l.position`,
  );
  const first = rows[0];
  if (!first) throw new Error(`enrollment ${userId}/${courseId} missing after its upsert`);
  const current: CurrentCertificate | null = first.cert_id
    ? { id: first.cert_id, revoked: !!first.revoked, renewing: !!first.renewing, suspended: !!first.suspended }
    : null;
  const lessons: LessonFacts[] = rows
    .filter((r) => r.lesson_id !== null)
    .map((r) => ({
      lessonId: r.lesson_id!,
      slug: r.slug,
      title: r.title,
      kind: r.kind,
      marked: r.status === "completed",
      // Only how many passed and how many did not count (lessonStanding).
      graded: [...Array<boolean>(r.passes).fill(true), ...Array<boolean>(r.attempts - r.passes).fill(false)],
    }));
  return {
    enrollment: { completedLessons: first.completed_lessons, completed: first.completed },
    current,
    courseVersion: first.course_version,
    lessons,
  };
}

type IssueFactsRow = {
  learner_name: string;
  learner_nip: string | null;
  agency_id: string;
  agency_name: string;
  email: string;
  disabled: boolean;
  lang: string | null;
  course_title: string;
  course_version: string;
  jp: number;
  valid_months: number;
  institution: string | null;
  signatory_name: string | null;
  signatory_nip: string | null;
  signatory_title: string | null;
};

/**
 * Issues the certificate (none current, or the current one being renewed: it gets replaced) in
 * two statements: what it prints (learner, agency, course, signatory, mail recipient), then one
 * write of the enrollment update, the certificate, its issuance row (decision 015) and the
 * "issued" mail (decision 019).
 */
async function issueCertificate(
  tx: Db,
  userId: string,
  courseId: string,
  current: CurrentCertificate | null,
  updateEnrollment: { getSQL(): SQL } | null,
): Promise<Certificate | null> {
  // The signatory of the nearest agency with one (the agency, then its ancestors), else the deployment's: see resolveSignatory.
  const [facts] = await queryRows<IssueFactsRow>(
    tx,
    sql`select u.name as learner_name, u.nip as learner_nip, u.agency_id, a.name as agency_name, u.email, u.disabled, ms.lang,
          c.title as course_title, c.version as course_version, c.jp, c.valid_months,
          s.institution, s.signatory_name, s.signatory_nip, s.signatory_title
        from users u
        join agencies a on a.id = u.agency_id
        join courses c on c.id = ${courseId}
        left join mail_settings ms on ms.user_id = u.id
        left join lateral (
          select cs.* from certificate_signatories cs,
            lateral (select ${DEFAULT_SCOPE}::text || string_to_array(trim(both '/' from a.path), '/') as scopes) sc
          where cs.scope = any(sc.scopes) order by array_position(sc.scopes, cs.scope) desc limit 1
        ) s on true
        where u.id = ${userId}`,
  );
  if (!facts) {
    if (updateEnrollment) await tx.execute(updateEnrollment.getSQL());
    return null;
  }
  const id = randomUUID();
  // The partial unique index allows one current certificate: the old one steps aside first (renewals only).
  if (current) await tx.update(certificates).set({ replacedBy: id }).where(eq(certificates.id, current.id));
  const issuedAt = new Date();
  const cert: Certificate = {
    id,
    code: generateCertificateCode(),
    userId,
    courseId,
    learnerName: facts.learner_name,
    learnerNip: facts.learner_nip,
    agencyId: facts.agency_id,
    agencyName: facts.agency_name,
    // The trigger sets it too (decision 024); here so the returned row matches the stored one.
    holderAgencyId: facts.agency_id,
    courseTitle: facts.course_title,
    courseVersion: facts.course_version,
    jp: Number(facts.jp),
    issuedAt,
    expiresAt: expiryDate(issuedAt, facts.valid_months),
    revokedAt: null,
    revokedReason: null,
    revokedBy: null,
    renewalStartedAt: null,
    replacedBy: null,
    suspendedAt: null,
    suspendedReason: null,
    suspendedLesson: null,
  };
  const signatory =
    facts.institution === null
      ? FALLBACK_SIGNATORY
      : {
          institution: facts.institution,
          signatoryName: facts.signatory_name!,
          signatoryNip: facts.signatory_nip,
          signatoryTitle: facts.signatory_title!,
        };
  const issuance = tx.insert(certificateIssuance).values({ certificateId: id, subjectSalt: randomBytes(16).toString("hex"), ...signatory });
  const to = facts.disabled
    ? null
    : { id: userId, name: facts.learner_name, email: facts.email, lang: facts.lang === "en" ? ("en" as const) : ("id" as const) };
  const mail = to ? insertMailQuery(tx, certificateIssuedMail(cert, to)) : null;
  // Data-modifying CTEs all run, once, whether or not the final SELECT reads them.
  const [written] = await queryRows<{ mail_id: string | null }>(
    tx,
    sql`with ${sql.join(
      [
        sql`issued as (${tx.insert(certificates).values(cert).getSQL()})`,
        sql`issuance as (${issuance.getSQL()})`,
        ...(updateEnrollment ? [sql`enrollment as (${updateEnrollment.getSQL()})`] : []),
        ...(mail ? [sql`mail as (${mail.getSQL()})`] : []),
      ],
      sql`, `,
    )}
    select ${mail ? sql`(select id from mail)` : sql`null`} as mail_id`,
  );
  if (written?.mail_id) await handOverMail(tx, { id: written.mail_id, kind: "certificateIssued" });
  return cert;
}

export async function listOwnCertificates(db: Db, userId: string): Promise<Certificate[]> {
  return db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt));
}

export async function getOwnCertificate(db: Db, userId: string, code: string): Promise<Certificate | undefined> {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.code, code)))
    .limit(1);
  return row;
}

/** Public lookup by canonical code, with the code of the certificate that replaced it (if any). */
export async function findCertificateByCode(db: Db, code: string): Promise<(Certificate & { replacedByCode: string | null }) | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code)).limit(1);
  if (!row) return null;
  let replacedByCode: string | null = null;
  if (row.replacedBy) {
    const [next] = await db.select({ code: certificates.code }).from(certificates).where(eq(certificates.id, row.replacedBy)).limit(1);
    replacedByCode = next?.code ?? null;
  }
  return { ...row, replacedByCode };
}

/**
 * Starts recertification: the learner's progress in the course is reset and the current
 * certificate is marked as being renewed; completing the course again issues a replacement.
 */
export async function startRecertification(
  db: Db,
  userId: string,
  courseId: string,
  opts: { confirmed: boolean; now?: Date } = { confirmed: true },
): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    // The enrollment first, then the certificate: the order every completion takes them in
    // (refreshEnrollment locks the enrollment, then replaces or suspends the certificate). The
    // other order let a learner's last lesson and their "renew" click deadlock each other.
    await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
      .for("update");
    const [current] = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.replacedBy), isNull(certificates.revokedAt)))
      .for("update")
      .limit(1);
    // Only when due (decision 011): from 90 days before expiry, expired or suspended; and confirmed.
    if (!current || !canRecertify(current, now) || !opts.confirmed) return false;
    await tx.update(certificates).set({ renewalStartedAt: now }).where(eq(certificates.id, current.id));
    await tx.delete(lessonProgress).where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId)));
    // Grades from before this moment no longer count towards completion.
    await tx
      .update(enrollments)
      .set({ completedLessons: 0, completedAt: null, cycleStartedAt: now })
      .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
    await audit(tx, { actorId: userId, action: "certificate.recertify", targetType: "certificate", targetId: current.id });
    return true;
  });
}

/**
 * Revokes `learnerId`'s certificate when that learner is inside `scopePath` (manager's subtree; admin "/");
 * audit-logged. False when the certificate is someone else's, out of scope or already revoked.
 */
export async function revokeCertificate(
  db: Db,
  actorId: string,
  scopePath: string,
  learnerId: string,
  certificateId: string,
  reason: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(certificates.id, certificateId), eq(certificates.userId, learnerId), isNull(certificates.revokedAt), like(agencies.path, `${scopePath}%`)))
      .limit(1);
    if (!row) return false;
    await tx.update(certificates).set({ revokedAt: new Date(), revokedReason: reason, revokedBy: actorId }).where(eq(certificates.id, row.id));
    await audit(tx, { actorId, action: "certificate.revoke", targetType: "certificate", targetId: row.id, details: { reason } });
    return true;
  });
}
