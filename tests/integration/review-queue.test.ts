import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, certificates, enrollments, exerciseAttempts, exerciseTurns, lessonProgress, lessons } from "../../db/schema";
import { loadCourseOutline } from "~/content/course-page.server";
import { getDmEntry } from "~/exercises/entries.server";
import { dmTextGrading } from "~/exercises/text-grading";
import { loadExerciseOf, submitExercise } from "~/exercises/registry.server";
import { listOwnCertificates } from "~/models/certificate.server";
import { decideReview, listReviewQueue, overrideAttempt, regradeExercise, submitTurn } from "~/models/exercise-attempt.server";
import { GRADER_VERSION } from "~/grading";
import { action as reviewAction, loader as reviewLoader } from "~/routes/studio.tinjauan.$attempt";
import { loader as queueLoader } from "~/routes/studio.tinjauan._index";
import { loader as consoleLoader } from "~/routes/studio.kesepakatan";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { scopeOf } from "~/utils/permissions.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

// Real content: the DM exercise of "Etika Merespons Warga". Turn 1 with an added processing time
// the context leaves open passes but is "fact-unresolved": a doubtful pass.
const SLUG = "dm-syarat-ktp";
const DOUBT = " KTP-nya biasanya jadi dalam 3 hari.";
type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
let tree: Tree;
beforeAll(async () => {
  tree = await createTwoAgencies();
});

async function userIn(agencyId: string, role: "learner" | "instructor" | "admin" = "learner", name?: string) {
  const account = await createAccount(agencyId, role, name);
  const cookie = await sessionCookieFor(account.email);
  return { user: (await getUser(get("/", cookie)))!, cookie };
}

/** Plays the exercise through: turn 1 with `t1` (default: the model answer), every later turn with its model answer. */
async function playExercise(user: SessionUser, t1Extra = "") {
  const entry = (await getDmEntry(SLUG))!;
  for (let n = 1; n <= 6; n++) {
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id" });
    const turn = entry.exercise.turns.find((t) => t.id === page.current!.turnId)!;
    const f = new FormData();
    const reply = turn.id === "t1" ? turn.modelAnswer + t1Extra : turn.modelAnswer;
    for (const [k, v] of Object.entries({
      intent: "reply",
      turnId: turn.id,
      reply,
      key: `kunci-tinjau-${user.id.slice(0, 8)}-${n}-${t1Extra.length}`,
      shownAt: String(Date.now() - 42_000),
    }))
      f.set(k, v);
    const result = await submitExercise(user, SLUG, f);
    if ("redirect" in result && result.redirect.includes("percobaan=")) return new URL(result.redirect, "http://x").searchParams.get("percobaan")!;
  }
  throw new Error("attempt did not complete");
}

/** A learner who completed every other lesson of the course: the DM exercise is the last requirement. */
async function learnerOneStepFromCertificate(agencyId: string, name?: string) {
  const learner = await userIn(agencyId, "learner", name);
  const entry = (await getDmEntry(SLUG))!;
  const db = await getDb();
  const others = await db
    .select()
    .from(lessons)
    .where(and(eq(lessons.courseId, entry.ids.courseId), eq(lessons.active, true), eq(lessons.draft, false), ne(lessons.id, entry.ids.lessonId)));
  await db.insert(lessonProgress).values(
    others.map((l) => ({
      id: crypto.randomUUID(),
      userId: learner.user.id,
      lessonId: l.id,
      courseId: l.courseId,
      courseVersion: "1.0.0",
      status: "completed" as const,
      completedAt: new Date(),
    })),
  );
  return { ...learner, entry };
}

async function dmProgress(userId: string, lessonId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)));
  return row?.status ?? null;
}

describe("the review queue", () => {
  it("a doubtful pass waits: nothing completes until a trainer confirms, then the lesson completes and the certificate is issued", async () => {
    const { user, entry } = await learnerOneStepFromCertificate(tree.unitA.id);
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const db = await getDb();

    const attemptId = await playExercise(user, DOUBT);
    const [attempt] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId));
    expect(attempt).toMatchObject({ passed: true, reviewStatus: "pending", reviewReasons: ["fact-unresolved"] });
    expect(await dmProgress(user.id, entry.ids.lessonId)).not.toBe("completed");
    expect(await listOwnCertificates(db, user.id)).toHaveLength(0);
    const [enrollment] = await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseId, entry.ids.courseId)));
    expect(enrollment!.completedAt).toBeNull();

    // The learner is told: on the exercise page and on the course page.
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id", attemptId });
    expect(page.attempt!.reviewStatus).toBe("pending");
    expect(page.history[0]!.reviewStatus).toBe("pending");
    const outline = await loadCourseOutline(user, entry.course.slug);
    expect(outline.items.find((i) => i.slug === SLUG)).toMatchObject({ completed: false, awaitingReview: true });

    // The trainer confirms through the route, with element labels kept as graded.
    const form: Record<string, string> = { decision: "confirm", comment: "Waktu proses tidak ada di konteks, tetapi tidak menyesatkan." };
    for (const turn of (await (await run(reviewLoader, get(`/studio/tinjauan/${attemptId}`, instructor.cookie), { attempt: attemptId })).json()).turns as {
      turnId: string;
      required: { id: string; on: boolean }[];
    }[])
      for (const e of turn.required) if (e.on) form[`c:${turn.turnId}:${e.id}`] = "on";
    const res = await run(reviewAction, post(`/studio/tinjauan/${attemptId}`, form, instructor.cookie), { attempt: attemptId });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/studio/tinjauan?diputuskan=1");

    const [decided] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId));
    expect(decided).toMatchObject({ reviewStatus: "confirmed", reviewedBy: instructor.user.id, overrideScore: null, overridePassed: null });
    expect(decided!.reviewCriteria!.t1).toMatchObject({ salam: true, kk: true, gratis: true });
    expect(await dmProgress(user.id, entry.ids.lessonId)).toBe("completed");
    const certs = await listOwnCertificates(db, user.id);
    expect(certs).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, attemptId));
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["attempt.review.confirm", instructor.user.id]]);
    expect(audits[0]!.details).toMatchObject({ reasons: ["fact-unresolved"], before: { passed: true }, after: { passed: true } });

    // The learner sees the decision once, until dismissed.
    const after = await loadExerciseOf("dm", user, SLUG, { lang: "id" });
    expect(after.reviewNotices).toEqual([expect.objectContaining({ attemptId, status: "confirmed", passed: true })]);
    const seen = new FormData();
    seen.set("intent", "review-seen");
    seen.set("attempt", attemptId);
    await submitExercise(user, SLUG, seen);
    expect((await loadExerciseOf("dm", user, SLUG, { lang: "id" })).reviewNotices).toEqual([]);

    // Deciding twice is refused; nothing changes.
    const again = await run(
      reviewAction,
      post(`/studio/tinjauan/${attemptId}`, { decision: "change", score: "10", passed: "tidak", comment: "Salah klik." }, instructor.cookie),
      { attempt: attemptId },
    );
    expect(again.status).toBe(409);
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId)))[0]!.overrideScore).toBeNull();
  });

  it("changing a doubtful pass to a fail keeps the lesson incomplete and the learner reads the trainer's note", async () => {
    const db = await getDb();
    const { user, entry } = await learnerOneStepFromCertificate(tree.unitA.id);
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const attemptId = await playExercise(user, DOUBT);
    const res = await run(
      reviewAction,
      post(
        `/studio/tinjauan/${attemptId}`,
        { decision: "change", score: "55", passed: "tidak", comment: "Janji waktu proses tidak ada dasarnya." },
        instructor.cookie,
      ),
      { attempt: attemptId },
    );
    expect(res.status).toBe(302);
    expect(await dmProgress(user.id, entry.ids.lessonId)).not.toBe("completed");
    expect(await listOwnCertificates(db, user.id)).toHaveLength(0);
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id", attemptId });
    expect(page.attempt).toMatchObject({
      reviewStatus: "changed",
      overrideScore: 55,
      overridePassed: false,
      overrideComment: "Janji waktu proses tidak ada dasarnya.",
    });
    expect(page.reviewNotices[0]).toMatchObject({ status: "changed", passed: false, score: 55 });
  });

  it("a change without a comment is refused with the form kept", async () => {
    const { user } = await learnerOneStepFromCertificate(tree.unitA.id);
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const attemptId = await playExercise(user, DOUBT);
    const res = await run(
      reviewAction,
      post(`/studio/tinjauan/${attemptId}`, { decision: "change", score: "55", passed: "tidak", comment: "" }, instructor.cookie),
      { attempt: attemptId },
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.comment).toBe("staff.commentRequired");
    expect(body.values.score).toBe("55");
    const db = await getDb();
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId)))[0]!.reviewStatus).toBe("pending");
  });

  it("confirming is one transaction: when issuing the certificate fails, the review stays pending and nothing is logged", async () => {
    const { user, entry } = await learnerOneStepFromCertificate(tree.unitA.id);
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const attemptId = await playExercise(user, DOUBT);
    const db = await getDb();
    const fn = `refuse_cert_${user.id.replace(/-/g, "").slice(0, 12)}`;
    await db.execute(
      sql.raw(
        `create function ${fn}() returns trigger language plpgsql as $$ begin if new.user_id = '${user.id}' then raise exception 'no certificate'; end if; return new; end $$`,
      ),
    );
    await db.execute(sql.raw(`create trigger ${fn} before insert on certificates for each row execute function ${fn}()`));
    try {
      await expect(
        decideReview(await getDb(), instructor.user.id, scopeOf(instructor.user), attemptId, entry.ids.courseId, {
          confirm: true,
          score: 100,
          passed: true,
          comment: "",
          criteria: {},
        }),
      ).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on certificates`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId)))[0]).toMatchObject({
      reviewStatus: "pending",
      reviewedBy: null,
    });
    expect(await dmProgress(user.id, entry.ids.lessonId)).not.toBe("completed");
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, attemptId))).toHaveLength(0);
    expect(await db.select().from(certificates).where(eq(certificates.userId, user.id))).toHaveLength(0);
  });

  it("is scoped to the agency subtree: instructors see and decide only their own learners, admins everyone", async () => {
    const a = await learnerOneStepFromCertificate(tree.unitA.id, "Sari Antre A");
    const b = await learnerOneStepFromCertificate(tree.unitB.id, "Budi Antre B");
    const attemptA = await playExercise(a.user, DOUBT);
    const attemptB = await playExercise(b.user, DOUBT);
    const instructorA = await userIn(tree.agencyA.id, "instructor");
    const instructorB = await userIn(tree.agencyB.id, "instructor");
    const admin = await userIn(tree.provA.id, "admin");

    const idsOf = async (u: SessionUser) => (await listReviewQueue(await getDb(), scopeOf(u))).map((r) => r.id);
    expect(await idsOf(instructorA.user)).toContain(attemptA);
    expect(await idsOf(instructorA.user)).not.toContain(attemptB);
    expect(await idsOf(instructorB.user)).toContain(attemptB);
    expect(await idsOf(instructorB.user)).not.toContain(attemptA);
    expect(await idsOf(admin.user)).toEqual(expect.arrayContaining([attemptA, attemptB]));

    // Oldest first.
    const adminQueue = await idsOf(admin.user);
    expect(adminQueue.indexOf(attemptA)).toBeLessThan(adminQueue.indexOf(attemptB));

    // The page shows only the subtree's names; the other agency's attempt is a 404, and cannot be decided.
    const page = JSON.stringify(await (await run(queueLoader, get("/studio/tinjauan", instructorA.cookie))).json());
    expect(page).toContain("Sari Antre A");
    expect(page).not.toContain("Budi Antre B");
    expect((await run(reviewLoader, get(`/studio/tinjauan/${attemptB}`, instructorA.cookie), { attempt: attemptB })).status).toBe(404);
    const refused = await run(reviewAction, post(`/studio/tinjauan/${attemptB}`, { decision: "confirm", comment: "" }, instructorA.cookie), {
      attempt: attemptB,
    });
    expect(refused.status).toBe(404);
    expect(
      await decideReview(await getDb(), instructorA.user.id, scopeOf(instructorA.user), attemptB, b.entry.ids.courseId, {
        confirm: true,
        score: 100,
        passed: true,
        comment: "",
        criteria: {},
      }),
    ).toBeNull();
    const db = await getDb();
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptB)))[0]!.reviewStatus).toBe("pending");
  });

  it("sure passes complete at once; the agreement console counts the subtree's reviewed attempts and the examples", async () => {
    const own = await createTwoAgencies();
    const { user, entry } = await learnerOneStepFromCertificate(own.unitA.id);
    const sure = await playExercise(user);
    const db = await getDb();
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, sure)))[0]!.reviewStatus).toBeNull();
    expect(await dmProgress(user.id, entry.ids.lessonId)).toBe("completed");

    // Another learner's doubtful pass, confirmed by this agency's instructor.
    const other = await learnerOneStepFromCertificate(own.unitA.id);
    const doubtful = await playExercise(other.user, DOUBT);
    const instructor = await userIn(own.agencyA.id, "instructor");
    expect(
      await decideReview(await getDb(), instructor.user.id, scopeOf(instructor.user), doubtful, entry.ids.courseId, {
        confirm: true,
        score: 100,
        passed: true,
        comment: "",
        criteria: {},
      }),
    ).toBe("decided");

    const data = await (await run(consoleLoader, get(`/studio/kesepakatan?latihan=${SLUG}`, instructor.cookie))).json();
    const turns = (await db.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, doubtful))).length;
    expect(data.report.counts).toEqual({
      examples: entry.exercise.examples.length,
      attempts: 1,
      reviews: turns,
      total: entry.exercise.examples.length + turns,
    });
    const c = data.report.confusion;
    expect(c.truePass + c.falsePass + c.falseFail + c.trueFail).toBe(data.report.counts.total);
    expect(data.report.agreement).toBeGreaterThan(0.5);
    expect(data.report.criteria.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(["salam", "kk", "gratis"]));
  });

  it("an override of a waiting attempt decides it as changed; a re-grade logs the grader versions it replaced", async () => {
    const own = await createTwoAgencies();
    const { user, entry } = await learnerOneStepFromCertificate(own.unitA.id);
    const attemptId = await playExercise(user, DOUBT);
    const instructor = await userIn(own.agencyA.id, "instructor");
    const db = await getDb();
    const [attempt] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId));
    await overrideAttempt(await getDb(), instructor.user.id, attempt!, entry.ids.courseId, { score: 90, passed: true, comment: "Sudah benar." });
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attemptId)))[0]).toMatchObject({
      reviewStatus: "changed",
      reviewedBy: instructor.user.id,
    });
    expect(await listReviewQueue(await getDb(), scopeOf(instructor.user))).toEqual([]);
    expect(await dmProgress(user.id, entry.ids.lessonId)).toBe("completed");

    await db.update(exerciseTurns).set({ graderVersion: "sigap-grader/1.1.0" }).where(eq(exerciseTurns.attemptId, attemptId));
    await regradeExercise(await getDb(), instructor.user.id, own.agencyA.path, dmTextGrading(entry.exercise), {
      lessonId: entry.ids.lessonId,
      courseId: entry.ids.courseId,
    });
    const [log] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "exercise.regrade"), eq(auditLog.actorId, instructor.user.id)));
    expect(log!.details).toMatchObject({ attempts: 1, fromVersions: { "sigap-grader/1.1.0": 2 }, toVersion: GRADER_VERSION });
    const turns = await db.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, attemptId));
    expect(turns.map((t) => t.graderVersion)).toEqual([GRADER_VERSION, GRADER_VERSION]);
  });

  it("the course's reviewSample sends sure passes too, marked 'sample'; two trainers deciding at once decide it once", async () => {
    const own = await createTwoAgencies();
    const { user, entry } = await learnerOneStepFromCertificate(own.unitA.id);
    const ref = { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId, courseVersion: "1.0.0" };
    let result;
    for (const [n, turnId] of ["t1", "t2"].entries()) {
      const turn = entry.exercise.turns.find((t) => t.id === turnId)!;
      result = await submitTurn(await getDb(), {
        userId: user.id,
        exercise: entry.exercise,
        ref,
        turnId,
        reply: turn.modelAnswer,
        replySeconds: 30,
        idempotencyKey: `sampel-${user.id}-${n}`,
        reviewSample: 100,
      });
    }
    expect(result!.completed).toBe(true);
    const db = await getDb();
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, result!.attemptId)))[0]).toMatchObject({
      reviewStatus: "pending",
      reviewReasons: ["sample"],
    });
    expect(await dmProgress(user.id, entry.ids.lessonId)).not.toBe("completed");

    const [a, b] = [await userIn(own.agencyA.id, "instructor"), await userIn(own.agencyA.id, "instructor")];
    const decide = (u: SessionUser) =>
      decideReview(db, u.id, scopeOf(u), result!.attemptId, entry.ids.courseId, { confirm: true, score: 100, passed: true, comment: "", criteria: {} });
    expect((await Promise.all([decide(a.user), decide(b.user)])).sort()).toEqual(["decided", "not-pending"]);
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, result!.attemptId))).toHaveLength(1);
    expect(await listOwnCertificates(db, user.id)).toHaveLength(1);
  });
});
