import { expect, test } from "./fixtures";
import { answerDrawnQuestions, courseLessons, demo, finalQuizBank, screenshotDir, signIn, signOut } from "./helpers";

const COURSE = "tata-kelola-media-sosial";
const bank = finalQuizBank(COURSE);
// Every published lesson and exercise of the course counts in "N dari M materi".
const TOTAL = courseLessons(COURSE).length;

for (const js of [true, false]) {
  test.describe(`learner reads and completes (JavaScript ${js ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled: js });

    test("opens a course, marks a lesson complete, passes the final quiz, sees progress", async ({ page }) => {
      await signIn(page, js ? "peserta01@demo.sigap.id" : "peserta02@demo.sigap.id");
      await page.getByRole("link", { name: "Kursus" }).first().click();
      await page.getByRole("link", { name: "Tata Kelola Media Sosial Instansi" }).click();
      await expect(page.getByText(`0 dari ${TOTAL} materi selesai`)).toBeVisible();
      await page.getByRole("link", { name: "Mulai kursus" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Peran dan SOP Tim Media Sosial" })).toBeVisible();
      await page.getByRole("button", { name: "Tandai selesai" }).click();
      await expect(page.getByText("Materi ini sudah selesai.")).toBeVisible();

      await page.goto(`/kursus/${COURSE}/kuis-akhir`);
      const noKeys = async () => {
        const html = await page.content();
        for (const q of bank) for (const o of q.options) expect(html).not.toContain(o.explanation);
        expect(html).not.toMatch(/jawaban benar|opt-correct/);
      };
      await noKeys();
      await answerDrawnQuestions(page, bank, (i) => i < 5);
      await page.getByRole("button", { name: "Kirim jawaban" }).click();
      await expect(page.getByText(/Belum lulus/)).toBeVisible();
      // A final quiz shows the score and what to review, not the key.
      await noKeys();
      await answerDrawnQuestions(page, bank, () => true);
      await page.getByRole("button", { name: "Kirim jawaban" }).click();
      await expect(page.getByText(/Lulus dengan skor 100%/)).toBeVisible();
      await expect(page.getByText("Materi ini sudah selesai.")).toBeVisible();

      await page.goto(`/kursus/${COURSE}`);
      await expect(page.getByText(`2 dari ${TOTAL} materi selesai`)).toBeVisible();
      await expect(page.getByRole("link", { name: /Lanjutkan: / })).toBeVisible();
      await page.goto("/kursus");
      await expect(page.getByText(`2 dari ${TOTAL} materi selesai`)).toBeVisible();
    });
  });
}

test("search finds lessons by their text", async ({ page }) => {
  await signIn(page, demo.learner);
  await page.goto("/kursus");
  await page.getByRole("searchbox").fill("truth sandwich");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByRole("heading", { name: /Hasil pencarian/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Merespons Hoaks tanpa Memperkuatnya" })).toBeVisible();
});

test("a lesson reads well on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demo.learner);
  await page.goto(`/kursus/${COURSE}/konten-yang-melayani`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screenshotDir}/lesson-360.png`, fullPage: false });
});

test("drafts: invisible to learners, previewed by instructors in the studio", async ({ page }) => {
  await signIn(page, demo.learner);
  const res = await page.goto(`/kursus/${COURSE}/siaran-langsung-tanya-jawab`);
  expect(res?.status()).toBe(404);
  expect((await page.goto("/studio"))?.status()).toBe(403);
  await signOut(page);

  await signIn(page, demo.instructor);
  await page.getByRole("link", { name: "Studio" }).click();
  await expect(page.getByRole("heading", { name: "Studio instruktur" })).toBeVisible();
  const row = page.getByRole("row", { name: /Siaran Langsung Tanya Jawab/ });
  await expect(row.getByText("Draf")).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/studio.png`, fullPage: true });
  await row.getByRole("link").click();
  await expect(page.getByText("Pratinjau draf — belum terlihat oleh peserta.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Siaran Langsung Tanya Jawab dengan Pejabat" })).toBeVisible();
});
