import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseAttempts, exerciseTurns, lessonProgress } from "../../db/schema";
import { getExerciseEntry } from "~/exercises/entries.server";
import { loadExerciseOf, submitExercise } from "~/exercises/registry.server";
import { MAX_REPLY_CHARS } from "~/exercises/limits";
import { gradePost, POST_TURN, type PostExercise } from "~/grading/post";
import { submitTurn } from "~/models/exercise-attempt.server";
import { loader as reviewLoader } from "~/routes/studio.tinjauan.$attempt";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, run, sessionCookieFor } from "../setup/factories";

// Real content: the first post rewrite of "Tata Kelola Media Sosial Instansi".
const SLUG = "unggahan-loket-sabtu-mpp";
let post: PostExercise;
let agencyId: string;

beforeAll(async () => {
  post = (await getExerciseEntry("post", SLUG))!.exercise;
  agencyId = (await createTwoAgencies()).unitA.id;
});

async function account(role: "learner" | "instructor" = "learner") {
  const a = await createAccount(agencyId, role);
  const cookie = await sessionCookieFor(a.email);
  return { user: (await getUser(get("/", cookie)))!, cookie };
}
const learner = async () => (await account()).user;

function rewriteForm(rewrite: string, key: string) {
  const f = new FormData();
  f.set("intent", "rewrite");
  f.set("rewrite", rewrite);
  f.set("key", key);
  f.set("shownAt", String(Date.now() - 300_000));
  return f;
}

async function attemptsOf(userId: string) {
  const db = await getDb();
  return db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, userId));
}

async function progressOf(userId: string) {
  const db = await getDb();
  return (await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)))[0]?.status ?? null;
}

describe("post rewrite exercise", () => {
  it("shows the ceremonial post and the facts but no rubric, examples or model answer before submitting", async () => {
    const page = await loadExerciseOf("post", await learner(), SLUG, { lang: "id" });
    expect(page.kind).toBe("post");
    const data = JSON.stringify(page);
    expect(data).toContain(post.original.text.slice(0, 40));
    expect(data).toContain(post.image.description.slice(0, 40));
    expect(data).not.toContain(post.modelAnswer.slice(0, 40));
    for (const e of post.examples) expect(data).not.toContain(JSON.stringify(e.reply).slice(1, -1));
    expect(data).not.toMatch(/patterns|rubric|violations|"facts"/);
    expect(page.result).toBeNull();
  });

  it("a rewrite of the model answer passes: stored once on a double submit, explained, and the lesson completes", async () => {
    const user = await learner();
    const a = await submitExercise(user, SLUG, rewriteForm(post.modelAnswer, "kunci-unggahan-0001"));
    const b = await submitExercise(user, SLUG, rewriteForm(post.modelAnswer, "kunci-unggahan-0001"));
    expect(a).toEqual(b);
    const attempts = await attemptsOf(user.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ kind: "post", status: "completed", passed: true, currentTurnId: null });
    const db = await getDb();
    const turns = await db.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, attempts[0]!.id));
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ turnId: POST_TURN, citizenMessage: post.original.text, reply: post.modelAnswer, passed: true });
    expect(turns[0]!.replySeconds).toBeGreaterThanOrEqual(299);
    expect(await progressOf(user.id)).toBe("completed");

    expect(a).toEqual({ redirect: `/latihan/${SLUG}?percobaan=${attempts[0]!.id}#hasil` });
    const page = await loadExerciseOf("post", user, SLUG, { lang: "id", attemptId: attempts[0]!.id });
    expect(page.result).toMatchObject({ passed: true, modelAnswer: post.modelAnswer });
    expect(page.result!.feedback.met.map((m) => m.id)).toEqual(expect.arrayContaining(["apa", "waktu", "alt"]));
    expect(page.result!.feedback.violated).toEqual([]);
    expect(page.history).toHaveLength(1);
  });

  it("pasting the ceremonial post back fails with the copy explained, and completes nothing (cheater)", async () => {
    const user = await learner();
    const res = await submitExercise(user, SLUG, rewriteForm(post.original.text, "kunci-salin-00001"));
    expect(res).toHaveProperty("redirect");
    const [attempt] = await attemptsOf(user.id);
    expect(attempt).toMatchObject({ kind: "post", status: "completed", passed: false, reviewStatus: null });
    expect(await progressOf(user.id)).not.toBe("completed");
    const page = await loadExerciseOf("post", user, SLUG, { lang: "id", attemptId: attempt!.id });
    expect(page.result!.passed).toBe(false);
    const copy = page.result!.feedback.violated.find((v) => v.id === "copy");
    expect(copy?.tip).toMatch(/\S/);
    expect(page.result!.feedback.missed.map((m) => m.id)).toContain("alt");
    // Only now the model answer, with the explained feedback.
    expect(page.result!.modelAnswer).toBe(post.modelAnswer);
  });

  it("the original with the facts stuffed in and a token alt text does not pass either (cheater)", async () => {
    const user = await learner();
    const stuffed = `${post.original.text} Sabtu 08.00-12.00 MPP gratis bawa KK WA 0812-0000-1010 KTP-el KK KIA.\n\nTeks alternatif: foto kegiatan`;
    await submitExercise(user, SLUG, rewriteForm(stuffed, "kunci-isian-00001"));
    const [attempt] = await attemptsOf(user.id);
    expect(attempt!.passed).toBe(false);
    expect(await progressOf(user.id)).not.toBe("completed");
    const ids = (await loadExerciseOf("post", user, SLUG, { lang: "id", attemptId: attempt!.id })).result!.feedback.violated.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["copy", "alt-generic"]));
  });

  it("keeps the typed text on an empty, too long or tampered submission and stores nothing", async () => {
    const user = await learner();
    expect(await submitExercise(user, SLUG, rewriteForm("   ", "kunci-kosong-0001"))).toEqual({ error: "post.rewriteEmpty", rewrite: "   " });
    const long = "a".repeat(MAX_REPLY_CHARS + 1);
    expect(await submitExercise(user, SLUG, rewriteForm(long, "kunci-panjang-001"))).toEqual({ error: "exercise.replyTooLong", rewrite: long });
    expect(await submitExercise(user, SLUG, rewriteForm("Loket Sabtu buka.", "x"))).toEqual({ error: "error.badForm", rewrite: "Loket Sabtu buka." });
    expect(await attemptsOf(user.id)).toEqual([]);
  });

  it("another learner's attempt is a 404, and a pass sent to review waits for a trainer who can open it", async () => {
    const owner = await learner();
    await submitExercise(owner, SLUG, rewriteForm(post.modelAnswer, "kunci-milik-00001"));
    const [own] = await attemptsOf(owner.id);
    await expect(loadExerciseOf("post", await learner(), SLUG, { lang: "id", attemptId: own!.id })).rejects.toHaveProperty("status", 404);

    // The course's review sample at 100 %: even a sure pass waits, and completes nothing yet.
    const user = await learner();
    const entry = (await getExerciseEntry("post", SLUG))!;
    const result = await submitTurn(await getDb(), {
      kind: "post",
      userId: user.id,
      exercise: { slug: SLUG, passPercent: post.passPercent, turns: [{ id: POST_TURN, message: post.original.text }] },
      grade: (text) => gradePost(post, text),
      ref: { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId, courseVersion: entry.course.meta.version },
      turnId: POST_TURN,
      reply: post.modelAnswer,
      replySeconds: 200,
      idempotencyKey: "kunci-sampel-00001",
      reviewSample: 100,
    });
    const [pending] = await attemptsOf(user.id);
    expect(pending).toMatchObject({ id: result.attemptId, reviewStatus: "pending", passed: true });
    expect(await progressOf(user.id)).not.toBe("completed");
    const instructor = await account("instructor");
    const res = await run(reviewLoader, get(`/studio/tinjauan/${pending!.id}`, instructor.cookie), { attempt: pending!.id });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.title).toBe(post.title);
    expect(data.turns[0].reply).toBe(post.modelAnswer);
  });
});
