import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, certificates, enrollments, exerciseAttempts, lessonProgress, lessons } from "../../db/schema";
import { getDmEntry } from "~/exercises/entries.server";
import { dmTextGrading } from "~/exercises/text-grading";
import { loadExerciseOf, submitExercise } from "~/exercises/registry.server";
import { listOwnCertificates } from "~/models/certificate.server";
import { overrideAttempt, regradeExercise } from "~/models/exercise-attempt.server";
import { loader as mineLoader } from "~/routes/saya.sertifikat._index";
import { loader as verifyLoader } from "~/routes/sertifikat.$code";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, run, sessionCookieFor } from "../setup/factories";

// Real content: the DM exercise of "Etika Merespons Warga"; the course's other lessons are marked done directly.
const SLUG = "dm-syarat-ktp";
type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
let tree: Tree;
beforeAll(async () => {
  tree = await createTwoAgencies();
});

async function userIn(agencyId: string, role: "learner" | "admin" = "learner") {
  const account = await createAccount(agencyId, role);
  const cookie = await sessionCookieFor(account.email);
  return { user: (await getUser(get("/", cookie)))!, cookie };
}

async function passExercise(user: SessionUser) {
  const entry = (await getDmEntry(SLUG))!;
  for (let n = 1; n <= 6; n++) {
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id" });
    const f = new FormData();
    const turn = entry.exercise.turns.find((t) => t.id === page.current!.turnId)!;
    for (const [k, v] of Object.entries({
      intent: "reply",
      turnId: turn.id,
      reply: turn.modelAnswer,
      key: `kunci-sus-${user.id.slice(0, 6)}-${n}`,
      shownAt: String(Date.now() - 42_000),
    }))
      f.set(k, v);
    const result = await submitExercise(user, SLUG, f);
    if ("redirect" in result && result.redirect.includes("percobaan=")) return;
  }
  throw new Error("attempt did not complete");
}

/** A learner who completed every lesson of the course but the DM exercise, then passes it: certified. */
async function certifiedLearner() {
  const learner = await userIn(tree.unitA.id);
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
  await passExercise(learner.user);
  const [cert] = await listOwnCertificates(db, learner.user.id);
  expect(cert).toBeDefined();
  return { ...learner, cert: cert!, entry };
}

/** The same exercise with one more required element no model answer has: every stored reply now fails. */
function stricter(exercise: NonNullable<Awaited<ReturnType<typeof getDmEntry>>>["exercise"]) {
  return {
    ...exercise,
    turns: exercise.turns.map((t) => ({
      ...t,
      rubric: {
        ...t.rubric,
        required: [
          ...t.rubric.required,
          { id: "kata-baru", label: "Kata baru", tip: "Tulis kata baru.", weight: 1, patterns: ["bismillah"], unless: [], unlessScope: "sentence" as const },
        ],
      },
    })),
  };
}

describe("grades reach the certificate", () => {
  it("a re-grade that fails the exercise suspends the certificate; a later re-grade that passes restores it", async () => {
    const { user, cookie, cert, entry } = await certifiedLearner();
    const admin = await userIn(tree.provA.id, "admin");
    const db = await getDb();
    const ref = { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId };

    await regradeExercise(await getDb(), admin.user.id, tree.provA.path, dmTextGrading(stricter(entry.exercise)), ref);
    const [suspended] = await db.select().from(certificates).where(eq(certificates.id, cert.id));
    const [dm] = await db.select().from(lessons).where(eq(lessons.id, entry.ids.lessonId));
    expect(suspended).toMatchObject({ suspendedReason: "regrade", suspendedLesson: dm!.title });
    expect(suspended!.suspendedAt).not.toBeNull();
    const [enrollment] = await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseId, entry.ids.courseId)));
    expect(enrollment!.completedAt).toBeNull();
    const [progress] = await db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, user.id), eq(lessonProgress.lessonId, entry.ids.lessonId)));
    expect(progress!.status).toBe("started");

    // The public page says so, with the reason, and nothing about the person.
    const res = await run(verifyLoader, get(`/sertifikat/${cert.code}`), { code: cert.code });
    const body = await res.json();
    expect(body.outcome).toBe("suspended");
    expect(body.cert.suspension).toEqual({ reason: "regrade", lesson: suspended!.suspendedLesson });
    const text = JSON.stringify(body);
    for (const personal of [cert.learnerName, cert.agencyName, cert.learnerNip].filter(Boolean)) expect(text).not.toContain(personal);
    // The learner sees a notice.
    const mine = await (await run(mineLoader, get("/saya/sertifikat", cookie))).json();
    expect(mine.certificates[0]).toMatchObject({ status: "suspended", suspension: { reason: "regrade" }, canRecertify: true });

    await regradeExercise(await getDb(), admin.user.id, tree.provA.path, dmTextGrading(entry.exercise), ref);
    const [restored] = await db.select().from(certificates).where(eq(certificates.id, cert.id));
    expect(restored).toMatchObject({ suspendedAt: null, suspendedReason: null, suspendedLesson: null, replacedBy: null });
    expect((await (await run(verifyLoader, get(`/sertifikat/${cert.code}`), { code: cert.code })).json()).outcome).toBe("valid");
    expect(await listOwnCertificates(db, user.id)).toHaveLength(1);
    const entries = await db.select().from(auditLog).where(eq(auditLog.targetId, cert.id));
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["certificate.suspend", admin.user.id],
      ["certificate.restore", admin.user.id],
    ]);
  });

  it("an override to fail suspends in the same transaction; an override to pass restores", async () => {
    const { user, cert, entry } = await certifiedLearner();
    const admin = await userIn(tree.provA.id, "admin");
    const db = await getDb();
    const [attempt] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    await overrideAttempt(await getDb(), admin.user.id, attempt!, entry.ids.courseId, { score: 40, passed: false, comment: "Rekaman tidak sesuai." });
    expect((await db.select().from(certificates).where(eq(certificates.id, cert.id)))[0]).toMatchObject({ suspendedReason: "override" });
    await overrideAttempt(await getDb(), admin.user.id, { ...attempt!, overrideScore: 40, overridePassed: false }, entry.ids.courseId, {
      score: 85,
      passed: true,
      comment: "Sudah diperbaiki.",
    });
    expect((await db.select().from(certificates).where(eq(certificates.id, cert.id)))[0]!.suspendedAt).toBeNull();
  });
});
