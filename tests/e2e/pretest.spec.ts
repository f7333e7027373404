import { expect, test } from "./fixtures";
import { answerDrawnQuestions, completeReadingLessons, courseLessons, demo, finalQuizBank, passDmExercises, screenshotDir, signIn } from "./helpers";

/**
 * Issue 13 item 2 (LAN practice): the pre-test before lesson 1 and the final quiz after the
 * course, and the learning gain the manager reads on the dashboard.
 * peserta06 (36.01.KOMINFO) is in manajer.banten's scope and untouched by the seed history;
 * no other spec takes Aturan Main ASN's quizzes, so the course's means are this learner's alone.
 */
const COURSE = "aturan-main-asn";
const LEARNER = "peserta06@demo.sigap.id";
const lessons = courseLessons(COURSE);
const bank = finalQuizBank(COURSE);

test("pre-test → course → final quiz: the manager's dashboard shows the learning gain", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page, LEARNER);
  await page.goto(`/kursus/${COURSE}`);
  await page.getByRole("link", { name: "Kerjakan pra-tes dulu (tidak dinilai)" }).click();
  // Lesson 1 also has its own practice quiz: the pre-test is the quiz section that says so.
  const pretest = page.locator("section.quiz", { hasText: /^Pra-tes|Pra-tes:/ });
  await expect(pretest.getByText(/^Pra-tes: \d+ soal dari bank kuis akhir/)).toBeVisible();
  const html = await page.content();
  for (const q of bank)
    for (const o of q.options) expect(html, "the pre-test shows no explanation (the bank is the final quiz's)").not.toContain(o.explanation);
  const shown = await answerDrawnQuestions(page, bank, () => false);
  expect(shown).toBeGreaterThan(5);
  await pretest.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Pra-tes selesai dengan skor 0%/)).toBeVisible();
  // Once only: the same lesson shows the result, no new attempt.
  await page.reload();
  await expect(page.getByText(/Pra-tes selesai dengan skor 0%/)).toBeVisible();
  await expect(pretest.getByRole("button", { name: "Kirim jawaban" })).toHaveCount(0);
  const after = await page.content();
  expect(after).not.toMatch(/jawaban benar|opt-correct|opt-wrong/);

  await completeReadingLessons(page, COURSE, lessons);
  await passDmExercises(page, lessons);
  const quiz = lessons.find((l) => l.data.kind === "quiz")!;
  await page.goto(`/kursus/${COURSE}/${quiz.slug}`);
  await answerDrawnQuestions(page, bank, () => true);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Lulus dengan skor 100%/)).toBeVisible();
  // The course page no longer offers the pre-test.
  await page.goto(`/kursus/${COURSE}`);
  await expect(page.getByRole("link", { name: "Kerjakan pra-tes dulu (tidak dinilai)" })).toHaveCount(0);

  const manager = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(manager, demo.managerBanten);
  await manager.goto("/kelola");
  const gain = manager.getByRole("region", { name: "Pra-tes dan kuis akhir" });
  const row = gain.getByRole("row", { name: /Aturan Main ASN di Ruang Digital/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("0% (1 peserta)");
  await expect(row.getByRole("cell").nth(1)).toHaveText("100% (1 peserta)");
  await expect(row.getByRole("cell").nth(2)).toHaveText("+100");
  // Per unit, for the course the manager picks: the learner's own unit (Diskominfo Pandeglang).
  await manager.getByLabel("Kursus", { exact: true }).selectOption({ label: "Aturan Main ASN di Ruang Digital" });
  await manager.getByRole("button", { name: "Tampilkan" }).click();
  const byUnit = manager.getByRole("region", { name: "Per unit kerja: Aturan Main ASN di Ruang Digital" });
  const unitRow = byUnit.getByRole("row", { name: /Diskominfo Pandeglang/ });
  await expect(unitRow.getByRole("cell").nth(0)).toHaveText("0% (1 peserta)");
  await expect(unitRow.getByRole("cell").nth(1)).toHaveText("100% (1 peserta)");
  await expect(byUnit.getByRole("row")).toHaveCount(2);
  await gain.scrollIntoViewIfNeeded();
  await manager.screenshot({ path: `${screenshotDir}/learning-gain-1280.png` });
  await manager.setViewportSize({ width: 360, height: 800 });
  await gain.scrollIntoViewIfNeeded();
  await manager.screenshot({ path: `${screenshotDir}/learning-gain-360.png` });

  // Another agency's manager does not see this learner's scores.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, demo.manager);
  await other.goto("/kelola");
  const otherRow = other.getByRole("region", { name: "Pra-tes dan kuis akhir" }).getByRole("row", { name: /Aturan Main ASN di Ruang Digital/ });
  await expect(otherRow).toHaveCount(0);
});
