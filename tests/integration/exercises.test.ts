import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, exerciseAttempts, exerciseTurns, lessonProgress } from "../../db/schema";
import { getDmEntry } from "~/exercises/entries.server";
import { dmTextGrading } from "~/exercises/text-grading";
import { loadExerciseOf, submitExercise } from "~/exercises/registry.server";
import { getAttemptInScope, overrideAttempt, regradeExercise } from "~/models/exercise-attempt.server";
import { loader as attemptLoader } from "~/routes/studio.latihan.$attempt";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, run, sessionCookieFor } from "../setup/factories";

const SLUG = "dm-syarat-ktp";
const GOOD =
  "Selamat malam Kak, terima kasih sudah bertanya. Untuk KTP-el cukup bawa Kartu Keluarga (KK) asli, lalu datang langsung ke Disdukcapil, kantor kecamatan, atau Mal Pelayanan Publik untuk perekaman foto dan sidik jari. Semua layanan gratis, tidak dipungut biaya.";

type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
let tree: Tree;
beforeAll(async () => {
  tree = await createTwoAgencies();
});

async function userIn(agencyId: string, role: "learner" | "instructor" | "admin" = "learner") {
  const account = await createAccount(agencyId, role);
  const cookie = await sessionCookieFor(account.email);
  return { user: (await getUser(get("/", cookie)))!, cookie };
}

function replyForm(turnId: string, reply: string, key: string) {
  const f = new FormData();
  for (const [k, v] of Object.entries({ intent: "reply", turnId, reply, key, shownAt: String(Date.now() - 42_000) })) f.set(k, v);
  return f;
}

/** Answers turn after turn until the attempt completes; returns the number of replies sent. */
async function playThrough(user: Awaited<ReturnType<typeof userIn>>["user"], replyFor: (turnId: string) => string, tag: string) {
  for (let n = 1; n <= 6; n++) {
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id" });
    const result = await submitExercise(user, SLUG, replyForm(page.current!.turnId, replyFor(page.current!.turnId), `kunci-${tag}-${n}-xxxx`));
    if ("redirect" in result && result.redirect.includes("percobaan=")) return n;
  }
  throw new Error("attempt did not complete");
}

describe("DM exercise attempts", () => {
  it("never sends the rubric, tips or model answer before the learner has answered", async () => {
    const { user } = await userIn(tree.unitA.id);
    const entry = (await getDmEntry(SLUG))!;
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id" });
    const data = JSON.stringify(page);
    expect(data).toContain(entry.exercise.turns[0]!.message.slice(0, 30));
    for (const turn of entry.exercise.turns) {
      expect(data).not.toContain(turn.modelAnswer.slice(0, 40));
      for (const el of [...turn.rubric.required, ...turn.rubric.violations]) {
        expect(data).not.toContain(el.tip.slice(0, 40));
        for (const p of el.patterns) if (p.length > 12) expect(data).not.toContain(p);
      }
    }
    expect(data).not.toMatch(/patterns|modelAnswer|rubric/);
  });

  it("stores a double-submitted turn once, grades it, and completes the lesson when passed", async () => {
    const { user } = await userIn(tree.unitA.id);
    const entry = (await getDmEntry(SLUG))!;
    const first = entry.exercise.turns[0]!.id;
    const a = await submitExercise(user, SLUG, replyForm(first, GOOD, "kunci-ganda-00001"));
    const b = await submitExercise(user, SLUG, replyForm(first, GOOD, "kunci-ganda-00001"));
    expect(a).toEqual(b);
    const db = await getDb();
    const attempts = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    expect(attempts).toHaveLength(1);
    const turns = await db.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, attempts[0]!.id));
    expect(turns).toHaveLength(1);
    expect(turns[0]!.passed).toBe(true);
    expect(turns[0]!.graderVersion).toMatch(/\S/);
    expect(turns[0]!.replySeconds).toBeGreaterThanOrEqual(41);

    // Walk the rest of the conversation with the model answers: the attempt completes and passes.
    await playThrough(user, (turnId) => entry.exercise.turns.find((t) => t.id === turnId)!.modelAnswer, "model");
    const [done] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    expect(done!.status).toBe("completed");
    expect(done!.passed).toBe(true);
    const progress = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, user.id));
    expect(progress.map((p) => p.status)).toEqual(["completed"]);

    const result = await loadExerciseOf("dm", user, SLUG, { lang: "id", attemptId: done!.id });
    expect(result.attempt!.modelAnswers.length).toBeGreaterThan(0);
  });

  it("keeps the typed reply on an empty or stale submission and stores nothing", async () => {
    const { user } = await userIn(tree.unitA.id);
    expect(await submitExercise(user, SLUG, replyForm("t1", "   ", "kunci-kosong-0001"))).toEqual({ error: "exercise.replyEmpty", reply: "   " });
    const stale = await submitExercise(user, SLUG, replyForm("bukan-giliran-ini", "Halo kak", "kunci-basi-00001"));
    expect(stale).toEqual({ error: "exercise.stale", reply: "Halo kak" });
    const db = await getDb();
    const rows = await db
      .select()
      .from(exerciseTurns)
      .innerJoin(exerciseAttempts, eq(exerciseAttempts.id, exerciseTurns.attemptId))
      .where(eq(exerciseAttempts.userId, user.id));
    expect(rows).toHaveLength(0);
  });

  it("lets an instructor of the same agency override with an audit entry; another agency gets 404", async () => {
    const { user } = await userIn(tree.unitA.id);
    await playThrough(user, () => "KK", "gagal");
    const db = await getDb();
    const [attempt] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    const instructorA = await userIn(tree.provA.id, "instructor");
    const instructorB = await userIn(tree.provB.id, "instructor");
    expect((await run(attemptLoader, get(`/studio/latihan/${attempt!.id}`, instructorB.cookie), { attempt: attempt!.id })).status).toBe(404);
    expect((await run(attemptLoader, get(`/studio/latihan/${attempt!.id}`, instructorA.cookie), { attempt: attempt!.id })).status).toBe(200);

    const full = (await getAttemptInScope(await getDb(), instructorA.user.agencyPath, attempt!.id))!;
    expect(full.passed).toBe(false);
    await overrideAttempt(await getDb(), instructorA.user.id, full, (await getDmEntry(SLUG))!.ids.courseId, {
      score: 80,
      passed: true,
      comment: "Jawaban lisan sudah benar saat pelatihan.",
    });
    const view = await loadExerciseOf("dm", user, SLUG, { lang: "id", attemptId: attempt!.id });
    expect(view.attempt).toMatchObject({ overrideScore: 80, overridePassed: true, overrideComment: "Jawaban lisan sudah benar saat pelatihan." });
    const log = await db.select().from(auditLog).where(eq(auditLog.targetId, attempt!.id));
    expect(log).toHaveLength(1);
    expect(log[0]!).toMatchObject({ action: "attempt.override", actorId: instructorA.user.id });
    expect(log[0]!.details).toMatchObject({ before: { score: full.score, passed: false }, after: { score: 80, passed: true } });
  });

  it("re-grades stored replies with a changed rubric, only inside the scope", async () => {
    const { user } = await userIn(tree.unitB.id);
    const entry = (await getDmEntry(SLUG))!;
    await playThrough(user, (turnId) => entry.exercise.turns.find((t) => t.id === turnId)!.modelAnswer, "regrade");
    const db = await getDb();
    const [before] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    // A stricter rubric: every turn now also requires the word "bismillah".
    const stricter = {
      ...entry.exercise,
      turns: entry.exercise.turns.map((t) => ({
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
    const admin = await userIn(tree.provA.id, "admin");
    const outside = await regradeExercise(await getDb(), admin.user.id, tree.provA.path, dmTextGrading(stricter), {
      lessonId: entry.ids.lessonId,
      courseId: entry.ids.courseId,
    });
    expect((await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id)))[0]!.score).toBe(before!.score);
    const inside = await regradeExercise(await getDb(), admin.user.id, tree.provB.path, dmTextGrading(stricter), {
      lessonId: entry.ids.lessonId,
      courseId: entry.ids.courseId,
    });
    expect(inside.attempts).toBe(1);
    expect(outside.attempts).toBeGreaterThanOrEqual(0);
    const [after] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    expect(after!.passed).toBe(false);
    expect(after!.score).toBeLessThan(before!.score!);
  });
});
