import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { courses, courseVersions, lessons } from "../../db/schema";
import { compileMdx } from "~/content/compile.server";
import { loadLessonPage, submitLessonForm } from "~/content/lesson-page.server";
import { loadContentTree } from "~/content/repository.server";
import { syncContent } from "~/content/sync.server";
import { listCatalog } from "~/models/course.server";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, sessionCookieFor } from "../setup/factories";
import { answerFinalQuiz, contentQuiz, finalQuizForm, openAttempt, rightOptions, wrongOptions } from "../setup/final-quiz";

let dir: string;
const original = process.env.CONTENT_DIR;

beforeAll(async () => {
  // A private copy of the fixture tree, so this file can edit it.
  dir = await mkdtemp(path.join(os.tmpdir(), "sigap-content-"));
  await cp(path.resolve("tests/fixtures/content-ok"), dir, { recursive: true });
  process.env.CONTENT_DIR = dir;
});
afterEach(() => {
  process.env.CONTENT_DIR = dir;
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

async function learner() {
  const { unitA } = await createTwoAgencies();
  const account = await createAccount(unitA.id);
  return (await getUser(get("/", await sessionCookieFor(account.email))))!;
}

describe("content sync", () => {
  it("is idempotent and records a version bump once", async () => {
    const db = await getDb();
    await syncContent(await loadContentTree(dir));
    await syncContent(await loadContentTree(dir));
    const [course] = await db.select().from(courses).where(eq(courses.slug, "kursus-uji"));
    expect(course!.version).toBe("1.0.0");
    expect(await db.select().from(lessons).where(eq(lessons.courseId, course!.id))).toHaveLength(3);
    expect(await db.select().from(courseVersions).where(eq(courseVersions.courseId, course!.id))).toHaveLength(1);

    const file = path.join(dir, "courses/kursus-uji/course.mdx");
    await writeFile(file, (await readFile(file, "utf8")).replace('version: "1.0.0"', 'version: "1.1.0"'));
    const result = await syncContent(await loadContentTree(dir));
    expect(result.newVersions).toEqual(["kursus-uji@1.1.0"]);
    await syncContent(await loadContentTree(dir));
    const versions = await db.select().from(courseVersions).where(eq(courseVersions.courseId, course!.id));
    expect(versions.map((v) => v.version).sort()).toEqual(["1.0.0", "1.1.0"]);
    const [again] = await db.select().from(courses).where(eq(courses.slug, "kursus-uji"));
    expect(again!.id).toBe(course!.id);
    expect(again!.version).toBe("1.1.0");
  });
});

describe("drafts and answer keys", () => {
  it("hides drafts from learners but not from the preview", async () => {
    const db = await getDb();
    const user = await learner();
    await syncContent(await loadContentTree(dir));
    const catalog = await listCatalog(db, user.id);
    expect(catalog.find((c) => c.slug === "kursus-uji")?.lessonCount).toBe(2);
    await expect(loadLessonPage(user, "kursus-uji", "draf-rahasia")).rejects.toMatchObject({ status: 404 });
    const preview = await loadLessonPage(user, "kursus-uji", "draf-rahasia", true);
    expect(preview.lesson.draft).toBe(true);
  });

  it("keeps answer keys out of loader data and compiled MDX until answered", async () => {
    const user = await learner();
    const page = await loadLessonPage(user, "kursus-uji", "kuis-akhir");
    const data = JSON.stringify(page);
    expect(data).toContain("Layanan KTP-el dipungut biaya?");
    expect(page.html).toContain('name="q:q1"');
    expect(data).not.toMatch(/PENJELASAN-RAHASIA|"correct"|explanation/);
    const tree = await loadContentTree(dir);
    const body = tree.courses[0]!.lessons.find((l) => l.slug === "kuis-akhir")!.body;
    expect((await compileMdx(body)).code).not.toMatch(/PENJELASAN-RAHASIA|correct/);
  });
});

describe("quizzes and progress", () => {
  it("grades a final quiz on the server, stores a double submit once, shows keys only after the pass", async () => {
    const user = await learner();
    const quiz = await contentQuiz("kursus-uji", "kuis-akhir");
    const attempt = (await openAttempt(user, "kursus-uji", "kuis-akhir", quiz.id))!;
    // q1 wrong, q2 right.
    const wrong = finalQuizForm(quiz, attempt, "kunci-idem-0001", (q) => (q.id === "q1" ? wrongOptions(q) : rightOptions(q)));
    expect(await submitLessonForm(user, "kursus-uji", "kuis-akhir", wrong)).toEqual({ redirect: "/kursus/kursus-uji/kuis-akhir#kuis-uji-akhir" });
    await submitLessonForm(user, "kursus-uji", "kuis-akhir", wrong);
    const db = await getDb();
    const { finalQuizAttempts } = await import("../../db/schema");
    const stored = await db.select().from(finalQuizAttempts).where(eq(finalQuizAttempts.userId, user.id));
    expect(stored.filter((a) => a.submittedAt)).toHaveLength(1);
    expect(stored.find((a) => a.submittedAt)!.score).toBe(50);

    let page = await loadLessonPage(user, "kursus-uji", "kuis-akhir");
    expect(page.completed).toBe(false);
    expect(page.html).toContain("Skor percobaan terakhir: 50% (1 dari 2 benar).");
    expect(page.html).toContain("Belum lulus");
    expect(JSON.stringify(page)).not.toMatch(/PENJELASAN-RAHASIA|jawaban benar|opt-correct|Kurang tepat/);

    await answerFinalQuiz(user, "kursus-uji", "kuis-akhir", "kunci-idem-0002");
    page = await loadLessonPage(user, "kursus-uji", "kuis-akhir");
    expect(page.completed).toBe(true);
    expect(page.html).toContain("Lulus dengan skor 100%");
    expect(page.html).toContain("PENJELASAN-RAHASIA-GRATIS");
  });

  it("marks a reading lesson complete once, and refuses marking a quiz lesson", async () => {
    const db = await getDb();
    const user = await learner();
    const form = new FormData();
    form.set("intent", "complete");
    expect(await submitLessonForm(user, "kursus-uji", "pembuka", form)).toEqual({ redirect: "/kursus/kursus-uji/pembuka?selesai=1" });
    await submitLessonForm(user, "kursus-uji", "pembuka", form);
    expect((await loadLessonPage(user, "kursus-uji", "pembuka")).completed).toBe(true);
    const catalog = await listCatalog(db, user.id);
    expect(catalog.find((c) => c.slug === "kursus-uji")).toMatchObject({ completedCount: 1, lessonCount: 2 });
    expect(await submitLessonForm(user, "kursus-uji", "kuis-akhir", form)).toEqual({ error: "error.badForm" });
  });
});
