import { expect, test } from "./fixtures";
import { answerDrawnQuestions, finalQuizBank, signIn } from "./helpers";

const COURSE = "verifikasi-hoaks";
const bank = finalQuizBank(COURSE);

for (const js of [true, false]) {
  test(`a learner fails a final quiz, sees what to review without the key, hits the limit and sees when to return (JavaScript ${js ? "on" : "off"})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    await signIn(page, js ? "peserta12@demo.sigap.id" : "peserta13@demo.sigap.id");
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.goto(`/kursus/${COURSE}/kuis-akhir`);
      await expect(page.getByText(`Sisa percobaan saat ini: ${4 - attempt} dari 3.`)).toBeVisible();
      await answerDrawnQuestions(page, bank, () => false);
      await page.getByRole("button", { name: "Kirim jawaban" }).click();
      await expect(page.getByText(/Skor percobaan terakhir: 0% \(0 dari \d+ benar\)\./)).toBeVisible();
      await expect(page.getByText(/Belum lulus/)).toBeVisible();
      // Lessons to review (links) or, when items carry no topic, the whole course.
      await expect(page.getByText(/Pelajari ulang materi/).first()).toBeVisible();
      const html = await page.content();
      for (const q of bank) for (const o of q.options) expect(html).not.toContain(o.explanation);
      expect(html).not.toMatch(/jawaban benar|pilihan Anda|opt-correct|opt-wrong|Kurang tepat/);
    }
    await expect(
      page.getByText(/Anda sudah memakai 3 percobaan dalam 24 jam terakhir\. Percobaan berikutnya dibuka \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB\./),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Kirim jawaban" })).toHaveCount(0);
    await context.close();
  });
}
