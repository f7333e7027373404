import { readFileSync, readdirSync } from "node:fs";
import matter from "gray-matter";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sigap-demo-2026";
export const demo = {
  admin: "admin@demo.sigap.id",
  instructor: "instruktur@demo.sigap.id",
  manager: "manajer@demo.sigap.id",
  managerBanten: "manajer.banten@demo.sigap.id",
  learner: "peserta@demo.sigap.id",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page.getByText("Anda sudah keluar.")).toBeVisible();
}

export const screenshotDir = "tests/e2e/screenshots";

export type CourseFile = { slug: string; data: Record<string, any> };

/** The published lessons of a course, read from its MDX files (frontmatter only). */
export function courseLessons(course: string): CourseFile[] {
  const dir = `content/courses/${course}`;
  return readdirSync(dir)
    .filter((f) => /^\d\d-/.test(f))
    .map((f) => ({ slug: f.replace(/^\d\d-|\.mdx$/g, ""), data: matter(readFileSync(`${dir}/${f}`, "utf8")).data as Record<string, any> }))
    .filter((l) => !l.data.draft);
}

/** Opens every reading lesson of the course and marks it complete, like a learner would. */
export async function completeReadingLessons(page: Page, course: string, lessons: CourseFile[]) {
  for (const lesson of lessons.filter((l) => l.data.kind === "lesson")) {
    await page.goto(`/kursus/${course}/${lesson.slug}`);
    await page.getByRole("button", { name: "Tandai selesai" }).click();
    await expect(page.getByText("Materi ini sudah selesai.")).toBeVisible();
  }
}

/** Answers every DM exercise of the course with its model answers until it is passed. */
export async function passDmExercises(page: Page, lessons: CourseFile[]) {
  for (const dm of lessons.filter((l) => l.data.kind === "dm")) {
    await page.goto(`/latihan/${dm.slug}`);
    const result = page.getByRole("heading", { name: "Hasil latihan" });
    for (let answered = 0; answered < 4 && !(await result.isVisible()); answered++) {
      const message = (await page.locator(".chat-turn .msg-in p").last().textContent()) ?? "";
      const turn = (dm.data.turns as { message: string; modelAnswer: string }[]).find((t) => t.message.trim() === message.trim())!;
      await page.getByLabel("Balasan Anda").fill(turn.modelAnswer);
      await page.getByRole("button", { name: "Kirim balasan" }).click();
      // Wait until this reply's feedback is on the page before looking at what comes next.
      await expect(page.getByRole("region", { name: "Umpan balik" })).toHaveCount(answered + 1);
    }
    await expect(page.getByText(/Lulus\. Latihan ini tercatat selesai\./)).toBeVisible();
  }
}

/** Rewrites every post exercise of the course with its model answer (a course is complete only with them). */
export async function passPostExercises(page: Page, lessons: CourseFile[]) {
  for (const post of lessons.filter((l) => l.data.kind === "post")) {
    await page.goto(`/latihan/${post.slug}`);
    await page.getByRole("textbox", { name: "Unggahan Anda" }).fill(post.data.modelAnswer as string);
    await page.getByRole("button", { name: "Kirim untuk dinilai" }).click();
    await expect(page.getByText(/Lulus\. Latihan ini tercatat selesai\./)).toBeVisible();
  }
}

/** A course's JP as its course.mdx states it. */
export const courseJp = (course: string) => matter(readFileSync(`content/courses/${course}/course.mdx`, "utf8")).data.jp as number;

export type QuizQuestion = { id: string; prompt: string; type: string; options: { text: string; correct: boolean; explanation: string }[] };

/** The final quiz's whole bank, read from the course's quiz lesson. */
export function finalQuizBank(course: string): QuizQuestion[] {
  const quiz = courseLessons(course).find((l) => l.data.kind === "quiz")!;
  return quiz.data.quizzes[0].questions as QuizQuestion[];
}

/**
 * Answers the questions the attempt drew (a final quiz shows only part of its bank, options in
 * a per-attempt order): `right(i)` says whether the i-th shown question is answered correctly.
 */
export async function answerDrawnQuestions(page: Page, bank: QuizQuestion[], right: (i: number) => boolean) {
  let shown = 0;
  for (const q of bank) {
    const group = page.getByRole("group", { name: q.prompt });
    if ((await group.count()) === 0) continue;
    const ok = right(shown++);
    if (q.type === "multiple") for (const o of q.options) await group.getByLabel(o.text, { exact: true }).setChecked(o.correct === ok);
    else await group.getByLabel(q.options.find((o) => o.correct === ok)!.text, { exact: true }).check();
  }
  return shown;
}
