import path from "node:path";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finalQuizAttempts, lessonProgress } from "../../db/schema";
import { loadLessonPage, submitLessonForm } from "~/content/lesson-page.server";
import { submitFinalQuiz } from "~/models/final-quiz.server";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, run, sessionCookieFor } from "../setup/factories";
import { answerFinalQuiz, contentQuiz, finalQuizForm, openAttempt, readQuizForm, rightOptions, wrongOptions } from "../setup/final-quiz";

const COURSE = "kursus-bank";
const LESSON = "kuis-akhir";
const QUIZ = "bank-akhir";
const original = process.env.CONTENT_DIR;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-quiz");
  tree = await createTwoAgencies();
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

async function learner(): Promise<SessionUser> {
  const account = await createAccount(tree.unitA.id);
  return (await getUser(get("/", await sessionCookieFor(account.email))))!;
}

const allWrong = (user: SessionUser, key: string) => answerFinalQuiz(user, COURSE, LESSON, key, wrongOptions);
const submitted = async (userId: string) => {
  const db = await getDb();
  return db
    .select()
    .from(finalQuizAttempts)
    .where(and(eq(finalQuizAttempts.userId, userId), isNotNull(finalQuizAttempts.submittedAt)));
};

/** Anything a page could use to tell right from wrong answers: explanations, key labels, right/wrong marks. */
function expectNoKeys(text: string) {
  expect(text).not.toMatch(
    /PEMBAHASAN-|jawaban benar|pilihan Anda|opt-correct|opt-wrong|Kurang tepat|question right|question wrong|badge ok|badge bad|"correct"|explanation|itemResults|checked/,
  );
}

describe("final quiz attempts", () => {
  it("draws 12 of the 24 items when the attempt starts and shows the same attempt on reload", async () => {
    const user = await learner();
    const first = await loadLessonPage(user, COURSE, LESSON);
    const again = await loadLessonPage(user, COURSE, LESSON);
    const a = readQuizForm(first.html)!;
    const b = readQuizForm(again.html)!;
    expect(a.questions).toHaveLength(12);
    expect(b.hidden.attemptId).toBe(a.hidden.attemptId);
    expect(b.questions).toEqual(a.questions);
    // Option values are shown positions 0..n-1, not the content's option indexes.
    for (const q of a.questions) expect(q.options.map((o) => o.value)).toEqual(q.options.map((_, i) => String(i)));
    const db = await getDb();
    const rows = await db.select().from(finalQuizAttempts).where(eq(finalQuizAttempts.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.itemIds).toEqual(a.questions.map((q) => q.name.slice(2)));
    expectNoKeys(JSON.stringify(first));
  });

  it("after a failed attempt shows the score and the lessons to review, never which answer was right (HTML and loader data)", async () => {
    const user = await learner();
    const quiz = await contentQuiz(COURSE, LESSON);
    const attempt = (await openAttempt(user, COURSE, LESSON, QUIZ))!;
    // Half right: the first six drawn items.
    await submitLessonForm(
      user,
      COURSE,
      LESSON,
      finalQuizForm(quiz, attempt, "kunci-bocor-01", (q, i) => (i < 6 ? rightOptions(q) : wrongOptions(q))),
    );
    const page = await loadLessonPage(user, COURSE, LESSON);
    expect(page.html).toContain("Skor percobaan terakhir: 50% (6 dari 12 benar).");
    expect(page.html).toContain("Pelajari ulang materi berikut");
    // Weak topics are lessons of the course, linked.
    const links = [...page.html.matchAll(/<li><a href="(\/kursus\/kursus-bank\/[a-z-]+)">([^<]+)<\/a><\/li>/g)].map((m) => m[2]);
    expect(links.length).toBeGreaterThan(0);
    for (const title of links)
      expect(["Sapaan yang Ramah", "Syarat Layanan", "Privasi Data", "Jam Layanan", "Menangani Aduan", "Meluruskan Hoaks"]).toContain(title);
    expectNoKeys(JSON.stringify(page));
    // The next attempt is a new draw (new id); its form keeps no earlier choices.
    expect(readQuizForm(page.html)!.hidden.attemptId).not.toBe(attempt.id);
  });

  it("the route's loader response (what the browser receives) carries no key before the pass, and the review after it", async () => {
    const { loader } = await import("~/routes/kursus.$course.$lesson");
    const account = await createAccount(tree.unitA.id);
    const cookie = await sessionCookieFor(account.email);
    const user = (await getUser(get("/", cookie)))!;
    const page = () => run(loader, get(`/kursus/${COURSE}/${LESSON}`, cookie), { course: COURSE, lesson: LESSON }).then((r) => r.text());
    expectNoKeys(await page());
    await allWrong(user, "kunci-rute-01");
    const failed = await page();
    expect(failed).toContain("Skor percobaan terakhir: 0% (0 dari 12 benar).");
    expectNoKeys(failed);
    await answerFinalQuiz(user, COURSE, LESSON, "kunci-rute-02");
    expect(await page()).toContain("PEMBAHASAN-");
  });

  it("allows 3 attempts per 24 hours, then says when the next opens; a resent form stores nothing; the window reopens", async () => {
    const user = await learner();
    for (let n = 1; n <= 3; n++) await allWrong(user, `kunci-batas-0${n}`);
    const page = await loadLessonPage(user, COURSE, LESSON);
    expect(readQuizForm(page.html)).toBeNull();
    expect(page.html).toMatch(/Anda sudah memakai 3 percobaan dalam 24 jam terakhir\. Percobaan berikutnya dibuka \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB\./);
    const db = await getDb();
    const rows = await submitted(user.id);
    expect(rows).toHaveLength(3);
    // Resending the last attempt's form under a new key stores nothing.
    const quiz = await contentQuiz(COURSE, LESSON);
    const last = rows.sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime())[0]!;
    await submitLessonForm(user, COURSE, LESSON, finalQuizForm(quiz, last, "kunci-batas-04", rightOptions));
    expect(await submitted(user.id)).toHaveLength(3);
    expect((await submitted(user.id)).every((r) => !r.passed)).toBe(true);

    const en = await loadLessonPage(user, COURSE, LESSON, false, "en");
    expect(en.html).toMatch(/Your next attempt opens on \d{1,2} \w+ \d{4} at \d{2}:\d{2} WIB/);
    // A day later the oldest attempt has left the window.
    await db.execute(
      sql`update final_quiz_attempts set submitted_at = submitted_at - interval '24 hours', started_at = started_at - interval '24 hours' where user_id = ${user.id}`,
    );
    const later = await loadLessonPage(user, COURSE, LESSON);
    expect(readQuizForm(later.html)!.questions).toHaveLength(12);
    expect(later.html).toContain("Sisa percobaan saat ini: 3 dari 3.");
  });

  it("holds the limit under 10 concurrent submits, and stores a double submit once", async () => {
    const user = await learner();
    // Ten tabs, each opening the page and submitting what it shows, four times over (40 tries).
    const db = await getDb();
    const tab = async (t: number) => {
      for (let round = 0; round < 4; round++) await allWrong(user, `kunci-tab-${t}-${round}-x`);
    };
    await Promise.all(Array.from({ length: 10 }, (_, t) => tab(t)));
    expect((await submitted(user.id)).length).toBeLessThanOrEqual(3);
    // Whatever the race left, more tries one by one reach exactly the limit and no further.
    for (let n = 0; n < 3; n++) await allWrong(user, `kunci-tab-lagi-${n}`);
    expect(await submitted(user.id)).toHaveLength(3);

    // The same form sent ten times at once is stored once.
    const other = await learner();
    const quiz = await contentQuiz(COURSE, LESSON);
    const attempt = (await openAttempt(other, COURSE, LESSON, QUIZ))!;
    const input = {
      quiz,
      ref: { lessonId: attempt.lessonId, courseId: attempt.courseId, courseVersion: "1.0.0" },
      purpose: "final" as const,
      rule: { max: 3, windowHours: 24 },
      passPercent: 70,
    };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        submitFinalQuiz(db, other.id, input, {
          attemptId: attempt.id,
          key: "kunci-ganda-01",
          fields: finalQuizForm(quiz, attempt, "kunci-ganda-01", wrongOptions),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "stored")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "duplicate")).toHaveLength(9);
    // Ten different keys for one attempt: one is graded, the others find it already submitted.
    const third = await learner();
    const open = (await openAttempt(third, COURSE, LESSON, QUIZ))!;
    const many = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitFinalQuiz(db, third.id, input, { attemptId: open.id, key: `kunci-beda-${i}-xx`, fields: finalQuizForm(quiz, open, "x", wrongOptions) }),
      ),
    );
    expect(many.filter((o) => o.status === "stored")).toHaveLength(1);
    expect(many.filter((o) => o.status === "stale")).toHaveLength(9);
    expect(await submitted(other.id)).toHaveLength(1);
    expect(await submitted(third.id)).toHaveLength(1);
  });

  it("after a pass completes the lesson and shows the passed attempt's explanations, and draws no new attempt", async () => {
    const user = await learner();
    await allWrong(user, "kunci-lulus-01");
    await answerFinalQuiz(user, COURSE, LESSON, "kunci-lulus-02");
    const page = await loadLessonPage(user, COURSE, LESSON);
    expect(page.completed).toBe(true);
    expect(page.html).toContain("Lulus dengan skor 100% (12 dari 12 benar).");
    const passed = (await submitted(user.id)).find((r) => r.passed)!;
    for (const id of passed.itemIds) expect(page.html).toMatch(new RegExp(`PEMBAHASAN-${id.slice(1)}-`));
    expect(readQuizForm(page.html)).toBeNull();
    const db = await getDb();
    const [progress] = await db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, user.id), eq(lessonProgress.lessonId, passed.lessonId)));
    expect(progress!.status).toBe("completed");
    expect(await db.select().from(finalQuizAttempts).where(eq(finalQuizAttempts.userId, user.id))).toHaveLength(2);
  });
});

describe("pre-test (pretest: true)", () => {
  it("offers one ungraded attempt from the bank on lesson 1, before anything is complete; the dashboard compares it with the final quiz", async () => {
    const user = await learner();
    const page = await loadLessonPage(user, COURSE, "sapaan");
    expect(page.html).toContain("Pra-tes: 12 soal dari bank kuis akhir");
    const form = readQuizForm(page.html)!;
    expect(form.hidden.intent).toBe("pretest");
    expect(form.questions).toHaveLength(12);
    // All wrong, as a newcomer might.
    const quiz = await contentQuiz(COURSE, LESSON);
    const db = await getDb();
    const [open] = await db
      .select()
      .from(finalQuizAttempts)
      .where(and(eq(finalQuizAttempts.userId, user.id), eq(finalQuizAttempts.purpose, "pretest")));
    const body = finalQuizForm(quiz, open!, "kunci-pratest-01", wrongOptions);
    body.set("intent", "pretest");
    expect(await submitLessonForm(user, COURSE, "sapaan", body)).toEqual({ redirect: `/kursus/${COURSE}/sapaan#kuis-${QUIZ}` });
    const after = await loadLessonPage(user, COURSE, "sapaan");
    expect(after.html).toContain("Pra-tes selesai dengan skor 0%");
    expect(readQuizForm(after.html)).toBeNull();
    expectNoKeys(after.html);
    // It counts for nothing: the final quiz still has all its attempts, nothing is complete.
    const final = await loadLessonPage(user, COURSE, LESSON);
    expect(final.html).toContain("Sisa percobaan saat ini: 3 dari 3.");
    expect(final.completed).toBe(false);

    await answerFinalQuiz(user, COURSE, LESSON, "kunci-pratest-02");
    const { dashboardPage } = await import("~/models/rollups.server");
    const gain = (await dashboardPage(db, tree.unitA.path, null)).gain.find((g) => g.title === "Kursus Bank Soal")!;
    expect(gain.pre).toMatchObject({ mean: expect.any(Number), learners: 1 });
    expect(gain.post!.mean).toBeGreaterThan(gain.pre!.mean);
    // Per unit for the selected course: the learner's unit, inside its own agency tree only.
    const courseId = (await dashboardPage(db, tree.unitA.path, null)).courses.find((c) => c.title === "Kursus Bank Soal")!.id;
    const own = await dashboardPage(db, tree.agencyA.path, courseId);
    expect(own.gainByUnit).toEqual([{ unitId: tree.unitA.id, unit: "Bidang A1", pre: { mean: gain.pre!.mean, learners: 1 }, post: gain.post }]);
    const other = await dashboardPage(db, tree.agencyB.path, courseId);
    expect(other.gainByUnit).toEqual([]);
    expect(other.gain.find((g) => g.title === "Kursus Bank Soal")).toBeUndefined();
  });

  it("is not offered once a lesson of the course is complete", async () => {
    const user = await learner();
    const f = new FormData();
    f.set("intent", "complete");
    await submitLessonForm(user, COURSE, "syarat", f);
    const page = await loadLessonPage(user, COURSE, "sapaan");
    expect(page.html).not.toContain("Pra-tes");
    expect(readQuizForm(page.html)?.hidden.intent).not.toBe("pretest");
  });
});
