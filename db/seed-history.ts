/**
 * Six months of believable history for the demo agencies, so a newcomer's dashboard looks like a
 * real agency's: enrolments from assignments, lesson progress, final-quiz and DM attempts (the
 * replies are the exercises' own labelled examples, graded by the real grader), certificates
 * issued month by month — plus an earlier cycle's certificates that are about to expire or have
 * expired, and a few revoked ones — and learners past their due date.
 *
 * Deterministic: one fixed-seed generator drives every choice, and dates are counted back from
 * `now`, so the same day gives the same database. Rows are inserted in bulk (a few statements per
 * table), which keeps `npm start` seeding to seconds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import matter from "gray-matter";
import {
  agencies,
  certificates,
  courseAssignments,
  courseEvaluations,
  courses,
  enrollments,
  exerciseAttempts,
  exerciseTurns,
  lessonProgress,
  lessons,
  quizAttempts,
  users,
} from "./schema";
import { loadExercises } from "../app/content/exercises.server";
import { expiryDate } from "../app/certificates/rules";
import { gradeReply, GRADER_VERSION, type Exercise } from "../app/grading";
import type { Db } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";

const DAY = 86_400_000;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

type Rng = ReturnType<typeof seededRandom>;

/** Which course goes to which agency subtree, when it was assigned and when it is due (days from now). */
const ASSIGNMENTS = [
  { course: "etika-merespons-warga", agency: "16.01.DUKCAPIL", assignedDaysAgo: 175, dueInDays: -70 },
  { course: "verifikasi-hoaks", agency: "16.01.DUKCAPIL", assignedDaysAgo: 110, dueInDays: 25 },
  { course: "aturan-main-asn", agency: "16.01.DUKCAPIL", assignedDaysAgo: 45, dueInDays: 75 },
  { course: "tata-kelola-media-sosial", agency: "36.01.KOMINFO", assignedDaysAgo: 165, dueInDays: -40 },
  { course: "verifikasi-hoaks", agency: "36.01.KOMINFO", assignedDaysAgo: 95, dueInDays: 40 },
  { course: "etika-merespons-warga", agency: "36.01.KOMINFO", assignedDaysAgo: 60, dueInDays: -5 },
] as const;

/**
 * Accounts whose state end-to-end tests depend on (they take courses from scratch, or import,
 * or are edited by an admin): enrolled by the assignments like everyone, but given no history.
 */
const UNTOUCHED = /^peserta(0\d|1\d|20|25|3[7-9])@demo\.sigap\.id$/;
const DEMO_LEARNER = "peserta@demo.sigap.id";

const REVOKE_REASON = "Jawaban latihan DM disalin dari peserta lain (hasil pemeriksaan instruktur).";

type LessonRow = { id: string; slug: string; kind: string; position: number };
type CourseRow = { id: string; slug: string; title: string; version: string; jp: number; validMonths: number; passPercent: number; lessons: LessonRow[] };

export async function seedHistory(tx: Db, now = new Date()): Promise<void> {
  let rng = seededRandom(20261203);
  const at = (daysAgo: number, hour = 9) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY + (hour - 7) * 3600e3);
  const isoDay = (d: Date) => new Date(d.getTime() + 7 * 3600e3).toISOString().slice(0, 10);

  const courseRows = await tx.select().from(courses).where(eq(courses.draft, false));
  if (courseRows.length === 0) return; // no content synced (tests with a bare database)
  const lessonRows = await tx
    .select({ id: lessons.id, courseId: lessons.courseId, slug: lessons.slug, kind: lessons.kind, position: lessons.position })
    .from(lessons)
    .where(and(eq(lessons.active, true), eq(lessons.draft, false)));
  const bySlug = new Map<string, CourseRow>(
    courseRows.map((c) => [c.slug, { ...c, lessons: lessonRows.filter((l) => l.courseId === c.id).sort((a, b) => a.position - b.position) }]),
  );
  const exercises = safeExercises();
  const [manager] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "manajer@demo.sigap.id"));
  const [managerBanten] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "manajer.banten@demo.sigap.id"));

  const enrollmentRows: (typeof enrollments.$inferInsert)[] = [];
  const progressRows: (typeof lessonProgress.$inferInsert)[] = [];
  const quizRows: (typeof quizAttempts.$inferInsert)[] = [];
  const attemptRows: (typeof exerciseAttempts.$inferInsert)[] = [];
  const turnRows: (typeof exerciseTurns.$inferInsert)[] = [];
  const certificateRows: (typeof certificates.$inferInsert)[] = [];
  const evaluationRows: (typeof courseEvaluations.$inferInsert)[] = [];
  // Its own generator: the evaluations must not shift any other seeded choice.
  const evalRng = seededRandom(20261216);
  let serial = 0;
  const id = (prefix: string) =>
    `${prefix}-${String(++serial).padStart(6, "0")}-${Math.floor(rng.next() * 0xffffffff)
      .toString(16)
      .padStart(8, "0")}`;

  for (const [index, a] of ASSIGNMENTS.entries()) {
    // One stream per assignment: new lessons in one course must not reshuffle every other course's history.
    rng = seededRandom(20261203 + 7919 * index);
    const course = bySlug.get(a.course);
    const [agency] = await tx.select().from(agencies).where(eq(agencies.code, a.agency));
    if (!course || !agency) continue;
    const assignedAt = at(a.assignedDaysAgo);
    const dueDate = isoDay(at(-a.dueInDays));
    const assignmentId = id("asg");
    await tx.insert(courseAssignments).values({
      id: assignmentId,
      courseId: course.id,
      agencyId: agency.id,
      dueDate,
      createdBy: a.agency.startsWith("16") ? manager?.id : managerBanten?.id,
      createdAt: assignedAt,
    });
    const learners = await tx
      .select({ id: users.id, email: users.email, name: users.name, nip: users.nip, agencyId: users.agencyId, agencyName: agencies.name })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(sql`${agencies.path} like ${agency.path + "%"}`, eq(users.role, "learner"), eq(users.disabled, false)))
      .orderBy(users.email);

    for (const learner of learners) {
      const enrollment: typeof enrollments.$inferInsert = {
        id: id("enr"),
        userId: learner.id,
        courseId: course.id,
        assignmentId,
        dueDate,
        createdAt: assignedAt,
      };
      enrollmentRows.push(enrollment);
      if (UNTOUCHED.test(learner.email)) continue;
      // The demo learner has finished the first course her unit was given.
      const isDemo = learner.email === DEMO_LEARNER;
      const roll = rng.next();
      const profile = isDemo ? (a.course === "etika-merespons-warga" ? "done" : "partial") : roll < 0.5 ? "done" : roll < 0.78 ? "partial" : "none";
      const total = course.lessons.length;
      const startDaysAgo = a.assignedDaysAgo - rng.int(1, Math.min(30, Math.max(1, a.assignedDaysAgo - 3)));
      if (profile === "none") {
        // Some of them hold a certificate from the previous cycle: valid, expiring soon, or expired.
        if (!isDemo && rng.chance(0.45)) {
          const issuedDaysAgo = rng.pick([640, 680, 700, 705, 712, 718, 740, 760, 790]);
          const issuedAt = at(issuedDaysAgo, rng.int(8, 15));
          certificateRows.push(certificateFor(learner, course, issuedAt, id("crt"), rng));
        }
        continue;
      }
      const done = profile === "done" ? total : rng.int(1, Math.max(1, total - 1));
      // Finishers are spread over the months since the assignment (the monthly chart fills up).
      const span = rng.int(Math.min(6, startDaysAgo - 1), Math.max(7, startDaysAgo - 1));
      const finishDaysAgo = Math.max(1, startDaysAgo - span);
      enrollment.startedAt = at(startDaysAgo, rng.int(8, 20));
      enrollment.completedLessons = done;
      let last = enrollment.startedAt;
      for (let i = 0; i < done; i++) {
        const lesson = course.lessons[i]!;
        const daysAgo = Math.round(startDaysAgo - ((startDaysAgo - finishDaysAgo) * (i + 1)) / done);
        const when = new Date(at(daysAgo, rng.int(8, 21)).getTime() + rng.int(0, 59) * 60_000);
        last = when > last ? when : last;
        progressRows.push({
          id: id("prg"),
          userId: learner.id,
          lessonId: lesson.id,
          courseId: course.id,
          status: "completed",
          courseVersion: course.version,
          lastSeenAt: when,
          completedAt: when,
          quizAnsweredAt: lesson.kind === "quiz" ? when : null,
        });
        if (lesson.kind === "quiz") quizRows.push(...quizAttemptsFor(learner.id, lesson, course, when, rng, id));
        if (lesson.kind === "dm") {
          const exercise = exercises.get(lesson.slug);
          if (exercise) dmAttemptsFor(learner.id, lesson, course, exercise, when, rng, id, attemptRows, turnRows);
        }
      }
      if (done < total && rng.chance(0.6)) {
        // The lesson they are on now: opened, not finished.
        const lesson = course.lessons[done]!;
        progressRows.push({
          id: id("prg"),
          userId: learner.id,
          lessonId: lesson.id,
          courseId: course.id,
          status: "started",
          courseVersion: course.version,
          lastSeenAt: last,
          completedAt: null,
        });
      }
      if (profile === "done") {
        enrollment.completedAt = last;
        const cert = certificateFor(learner, course, last, id("crt"), rng);
        if (!isDemo && rng.chance(0.04)) {
          cert.revokedAt = new Date(last.getTime() + rng.int(5, 20) * DAY);
          cert.revokedReason = REVOKE_REASON;
          cert.revokedBy = learner.agencyId && a.agency.startsWith("16") ? manager?.id : managerBanten?.id;
        }
        certificateRows.push(cert);
        // Most finishers rated the course and wrote an action plan; the demo learner has not yet.
        if (!isDemo && evalRng.chance(0.7)) evaluationRows.push(evaluationFor(learner.id, course, last, now, evalRng));
      }
    }
  }

  // Make sure the picture has every state a dashboard shows, whatever the generator rolled.
  const [demo] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LEARNER));
  ensureRevoked(certificateRows, now, manager?.id, demo?.id);
  certificateRows.push(...(await earlierTrainings(tx, now, rng, id, at, certificateRows)));

  for (const [table, rows] of [
    [enrollments, enrollmentRows],
    [lessonProgress, progressRows],
    [quizAttempts, quizRows],
    [exerciseAttempts, attemptRows],
    [exerciseTurns, turnRows],
    [certificates, certificateRows],
    [courseEvaluations, evaluationRows],
  ] as const) {
    for (let i = 0; i < rows.length; i += 2000) {
      // Learners created before the assignments existed were not enrolled by them; those that
      // were (createUser enrols by existing assignments) keep their row: update it instead.
      if (table === enrollments) {
        await tx
          .insert(enrollments)
          .values(rows.slice(i, i + 2000) as (typeof enrollments.$inferInsert)[])
          .onConflictDoUpdate({
            target: [enrollments.userId, enrollments.courseId],
            set: {
              assignmentId: sql`excluded.assignment_id`,
              dueDate: sql`excluded.due_date`,
              completedLessons: sql`excluded.completed_lessons`,
              startedAt: sql`excluded.started_at`,
              completedAt: sql`excluded.completed_at`,
              createdAt: sql`excluded.created_at`,
            },
          });
      } else {
        await tx.insert(table).values(rows.slice(i, i + 2000) as never);
      }
    }
  }
}

const PLANS = [
  [
    "Menjawab setiap DM warga pada hari kerja yang sama dengan templat jawaban yang sudah disepakati.",
    "Rekap mingguan waktu respons DM dilaporkan di rapat bidang.",
  ],
  [
    "Memeriksa setiap kabar yang beredar di grup WA dengan lima pilar verifikasi sebelum meneruskannya.",
    "Catatan verifikasi di lembar kerja bersama yang dapat dibuka atasan.",
  ],
  ["Memindahkan pertanyaan yang memuat NIK atau nomor KK dari kolom komentar ke DM.", "Tangkapan layar contoh balasan dilampirkan di laporan bulanan."],
  ["Menyusun unggahan persyaratan layanan setiap pekan, bukan hanya foto kegiatan.", "Jadwal konten bulanan disetujui kepala bidang."],
  [
    "Menyiapkan jawaban otomatis di luar jam kerja yang menyebut jam layanan dan kanal darurat.",
    "Atasan mencoba mengirim DM pada malam hari dan melihat balasannya.",
  ],
] as const;
const COMMENTS = [
  "Contoh kasusnya dekat dengan pekerjaan sehari-hari.",
  "Latihan DM-nya sangat membantu, mohon ditambah kasus WhatsApp.",
  "Materinya padat; waktunya agak kurang di sela pekerjaan.",
  "Kuis akhirnya menantang.",
];

/** A finisher's reaction survey and action plan (decision 016), sent a day or two after completing. */
function evaluationFor(userId: string, course: CourseRow, completedAt: Date, now: Date, rng: Rng): typeof courseEvaluations.$inferInsert {
  // Mostly agreeing, some neutral; "time" is rated a little lower, as busy staff do.
  const rate = (shift = 0) => Math.max(1, Math.min(5, rng.pick([3, 4, 4, 4, 5, 5]) + shift + (rng.chance(0.08) ? -2 : 0)));
  const [planChange, planEvidence] = rng.pick(PLANS);
  const sentAt = new Date(Math.min(now.getTime(), completedAt.getTime() + rng.int(0, 2) * DAY + rng.int(1, 120) * 60_000));
  return {
    id: `evl-${userId}-${course.id}`,
    userId,
    courseId: course.id,
    courseVersion: course.version,
    relevance: rate(),
    clarity: rate(),
    practice: rate(),
    time: rate(-1),
    recommend: rate(),
    comment: rng.chance(0.4) ? rng.pick(COMMENTS) : null,
    planChange,
    planDue: new Date(sentAt.getTime() + rng.int(30, 90) * DAY + 7 * 3600e3).toISOString().slice(0, 10),
    planEvidence,
    submittedAt: sentAt,
    updatedAt: sentAt,
  };
}

/**
 * Trainings the demo agencies ran before today's catalogue: closed courses (kept as drafts, with
 * no lessons, so no page offers them) whose certificates still count for JP. Today's four
 * courses add up to 14.5 JP, so without these nobody could reach the 20 JP duty in a year; with
 * them the JP ledger spreads around the line (a few over, most under) and has a previous year.
 */
const EARLIER_COURSES = [
  {
    slug: "arsip-literasi-digital-asn",
    title: "Literasi Digital ASN (angkatan awal tahun)",
    jp: 8,
    // Run in the first months of this year.
    when: "this-year" as const,
    share: 0.4,
  },
  {
    slug: "arsip-pelayanan-prima-digital",
    title: "Pelayanan Prima Berbasis Digital",
    jp: 6,
    // Mostly last year (the ledger's history), a smaller cohort this year.
    when: "both" as const,
    share: 0.55,
  },
] as const;

async function earlierTrainings(
  tx: Db,
  now: Date,
  rng: Rng,
  id: IdFn,
  at: (daysAgo: number, hour?: number) => Date,
  issued: (typeof certificates.$inferInsert)[],
) {
  const rows: (typeof certificates.$inferInsert)[] = [];
  const jakartaNow = new Date(now.getTime() + 7 * 3600e3);
  const year = jakartaNow.getUTCFullYear();
  const daysIntoYear = Math.floor((jakartaNow.getTime() - Date.UTC(year, 0, 1)) / DAY);
  // JP already earned this year: keen learners (most of their assigned courses done) took the earlier trainings too.
  const jpThisYear = new Map<string, number>();
  for (const c of issued) {
    if (c.revokedAt || new Date(c.issuedAt!.getTime() + 7 * 3600e3).getUTCFullYear() !== year) continue;
    jpThisYear.set(c.userId, (jpThisYear.get(c.userId) ?? 0) + c.jp);
  }
  const courseRows: CourseRow[] = [];
  for (const [i, c] of EARLIER_COURSES.entries()) {
    const values = {
      slug: c.slug,
      title: c.title,
      summary: "Pelatihan yang sudah ditutup; sertifikatnya tetap dihitung dalam riwayat JP.",
      level: "dasar",
      version: "2025.1",
      minutes: c.jp * 45,
      jp: c.jp,
      passPercent: 70,
      validMonths: 24,
      position: 900 + i,
      draft: true,
      contentHash: `seed:${c.slug}`,
    };
    const [row] = await tx
      .insert(courses)
      .values({ id: `demo-arsip-${i + 1}`, ...values })
      .onConflictDoUpdate({ target: courses.slug, set: values })
      .returning();
    courseRows.push({ ...row!, lessons: [] });
  }
  const learners = await tx
    .select({ id: users.id, email: users.email, name: users.name, nip: users.nip, agencyId: users.agencyId, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.role, "learner"), eq(users.disabled, false), sql`${users.email} like '%@demo.sigap.id'`))
    .orderBy(users.email);
  for (const learner of learners) {
    if (UNTOUCHED.test(learner.email)) continue;
    const isDemo = learner.email === DEMO_LEARNER;
    const keen = !isDemo && (jpThisYear.get(learner.id) ?? 0) >= 9 && rng.chance(0.75);
    EARLIER_COURSES.forEach((c, i) => {
      const course = courseRows[i]!;
      // This year: a cohort between mid-January and a month ago (last year's when the year has just begun).
      const thisYear = () => at(rng.int(Math.min(30, daysIntoYear), Math.max(31, daysIntoYear - 14)), rng.int(8, 15));
      const lastYear = () => at(daysIntoYear + rng.int(60, 300), rng.int(8, 15));
      let issuedAt: Date | null = null;
      if (keen) issuedAt = thisYear();
      else if (c.when === "this-year") {
        if (isDemo || rng.chance(c.share)) issuedAt = thisYear();
      } else if (!isDemo) {
        const roll = rng.next();
        if (roll < c.share) issuedAt = lastYear();
        else if (roll < c.share + 0.25) issuedAt = thisYear();
      }
      if (issuedAt) rows.push(certificateFor(learner, course, issuedAt, id("crt"), rng));
    });
  }
  return rows;
}

type QuizShape = { id: string; questions: { id: string; options: { correct: boolean }[] }[] };

/** The final quiz of a lesson as written in its frontmatter (ids and which options are right). */
function quizOf(courseSlug: string, lessonSlug: string): QuizShape | null {
  try {
    const dir = join(env.contentDir, "courses", courseSlug);
    const file = readdirSync(dir).find((f) => f.replace(/^\d+-/, "").replace(/\.mdx$/, "") === lessonSlug);
    if (!file) return null;
    const quizzes = (matter(readFileSync(join(dir, file), "utf8")).data.quizzes ?? []) as QuizShape[];
    return quizzes[0] ?? null;
  } catch {
    return null;
  }
}

function safeExercises(): Map<string, Exercise> {
  try {
    return loadExercises(env.contentDir);
  } catch {
    return new Map();
  }
}

type Learner = { id: string; name: string; nip: string | null; agencyId: string; agencyName: string };

function certificateFor(learner: Learner, course: CourseRow, issuedAt: Date, id: string, rng: Rng): typeof certificates.$inferInsert {
  return {
    id,
    code: certificateCode(rng),
    userId: learner.id,
    courseId: course.id,
    learnerName: learner.name,
    learnerNip: learner.nip,
    agencyId: learner.agencyId,
    agencyName: learner.agencyName,
    courseTitle: course.title,
    courseVersion: course.version,
    jp: course.jp,
    issuedAt,
    expiresAt: expiryDate(issuedAt, course.validMonths),
  };
}

/** At least two revoked certificates among this cycle's, so the state is visible in the demo. */
function ensureRevoked(rows: (typeof certificates.$inferInsert)[], now: Date, by: string | undefined, keep?: string) {
  // Never the demo learner's: she must hold a valid certificate right after `npm start`.
  const recent = rows.filter((r) => r.issuedAt! > new Date(now.getTime() - 200 * DAY) && !r.revokedAt && r.userId !== keep);
  const already = rows.filter((r) => r.revokedAt).length;
  for (const r of recent.slice(3, 3 + Math.max(0, 2 - already))) {
    r.revokedAt = new Date(r.issuedAt!.getTime() + 9 * DAY);
    r.revokedReason = REVOKE_REASON;
    r.revokedBy = by ?? null;
  }
}

const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GF_MODULUS = 0b100101;
const timesAlpha = (v: number) => {
  const s = v << 1;
  return s & 0b100000 ? s ^ GF_MODULUS : s;
};

/** A well-formed certificate code (same check symbol as app/certificates/code.ts), from the seeded generator. */
function certificateCode(rng: Rng): string {
  const data = Array.from({ length: 11 }, () => rng.int(0, 31));
  const check = timesAlpha(data.reduce((state, value) => timesAlpha(state) ^ value, 0));
  const chars = [...data, check].map((v) => CODE_ALPHABET[v]).join("");
  return `SGP-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

type IdFn = (prefix: string) => string;

// Few distinct replies (the labelled examples) recur across a hundred learners: grade each once.
const grades = new Map<string, ReturnType<typeof gradeReply>>();
function gradeOnce(exercise: Exercise, turnId: string, reply: string) {
  const key = `${exercise.slug}\u0000${turnId}\u0000${reply}`;
  let grade = grades.get(key);
  if (!grade) grades.set(key, (grade = gradeReply(exercise, turnId, reply)));
  return grade;
}

/** The final quiz: sometimes a failed try first, then a pass; answers picked to match the score. */
function quizAttemptsFor(userId: string, lesson: LessonRow, course: CourseRow, when: Date, rng: Rng, id: IdFn): (typeof quizAttempts.$inferInsert)[] {
  const quiz = quizOf(course.slug, lesson.slug);
  if (!quiz || quiz.questions.length === 0) return [];
  const rows: (typeof quizAttempts.$inferInsert)[] = [];
  const total = quiz.questions.length;
  const attempt = (correct: number, time: Date) => {
    const score = Math.round((correct / total) * 100);
    const answers: Record<string, number[]> = {};
    quiz.questions.forEach((q, i) => {
      const right = q.options.flatMap((o, index) => (o.correct ? [index] : []));
      const wrong = q.options.findIndex((o) => !o.correct);
      answers[q.id] = i < correct || wrong < 0 ? right : [wrong];
    });
    rows.push({
      id: id("qz"),
      userId,
      lessonId: lesson.id,
      quizId: quiz.id,
      answers,
      score,
      passed: score >= course.passPercent,
      courseVersion: course.version,
      idempotencyKey: id("qzk"),
      createdAt: time,
    });
  };
  if (rng.chance(0.3)) attempt(Math.floor(total / 2), new Date(when.getTime() - rng.int(1, 3) * DAY));
  attempt(rng.int(Math.ceil((course.passPercent * total) / 100), total), when);
  return rows;
}

/**
 * A DM exercise passed on `when`: the replies are the exercise's labelled examples (a passing one
 * for the turn when there is one, else the model answer), graded by the real grader. About one in
 * seven first fail an attempt that opens with a failing example.
 */
function dmAttemptsFor(
  userId: string,
  lesson: LessonRow,
  course: CourseRow,
  exercise: Exercise,
  when: Date,
  rng: Rng,
  id: IdFn,
  attempts: (typeof exerciseAttempts.$inferInsert)[],
  turns: (typeof exerciseTurns.$inferInsert)[],
) {
  const run = (fail: boolean, end: Date) => {
    const attemptId = id("att");
    let turnId: string | null = exercise.turns[0]!.id;
    const graded: { score: number; passed: boolean }[] = [];
    let time = new Date(end.getTime() - 12 * 60_000);
    for (let position = 1; turnId && position <= 6; position++) {
      const turn = exercise.turns.find((t) => t.id === turnId)!;
      const examples = exercise.examples.filter((e) => e.turn === turnId);
      const wanted = fail && position === 1 ? examples.filter((e) => !e.pass) : examples.filter((e) => e.pass);
      const reply = wanted.length ? rng.pick(wanted).reply : turn.modelAnswer;
      const grade = gradeOnce(exercise, turnId, reply);
      const seconds = rng.int(45, 240);
      time = new Date(time.getTime() + seconds * 1000);
      turns.push({
        id: id("trn"),
        attemptId,
        position,
        turnId,
        citizenMessage: turn.message,
        reply,
        replySeconds: seconds,
        grade,
        score: grade.score,
        passed: grade.passed,
        graderVersion: grade.graderVersion,
        idempotencyKey: `${userId}:${id("key")}`,
        createdAt: time,
      });
      graded.push(grade);
      turnId = grade.nextTurnId;
    }
    const score = Math.round(graded.reduce((s, g) => s + g.score, 0) / Math.max(1, graded.length));
    const passed = graded.every((g) => g.passed) && score >= exercise.passPercent;
    attempts.push({
      id: attemptId,
      userId,
      lessonId: lesson.id,
      exerciseSlug: exercise.slug,
      kind: "dm",
      status: "completed",
      currentTurnId: null,
      score,
      passed,
      graderVersion: GRADER_VERSION,
      courseVersion: course.version,
      startedAt: new Date(end.getTime() - 12 * 60_000),
      completedAt: time,
    });
  };
  if (rng.chance(0.15)) run(true, new Date(when.getTime() - rng.int(1, 4) * DAY));
  run(false, when);
}
