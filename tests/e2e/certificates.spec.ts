import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import {
  courseJp,
  answerDrawnQuestions,
  completeReadingLessons,
  courseLessons,
  demo,
  finalQuizBank,
  passDmExercises,
  passPostExercises,
  signIn,
  screenshotDir,
} from "./helpers";

const COURSE = "tata-kelola-media-sosial";
const lessons = courseLessons(COURSE);

test("a learner finishes a course, downloads the PDF, and anyone can verify it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "peserta11@demo.sigap.id");
  await completeReadingLessons(page, COURSE, lessons);
  await passDmExercises(page, lessons);
  await passPostExercises(page, lessons);
  const quiz = lessons.find((l) => l.data.kind === "quiz")!;
  await page.goto(`/kursus/${COURSE}/${quiz.slug}`);
  await answerDrawnQuestions(page, finalQuizBank(COURSE), () => true);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Lulus dengan skor 100%/)).toBeVisible();

  await page.goto("/saya/sertifikat");
  await expect(page.getByRole("heading", { name: "Tata Kelola Media Sosial Instansi" })).toBeVisible();
  await expect(page.getByText("Sah", { exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`JP tahun \\d{4}: ${courseJp(COURSE)} dari 20 JP`))).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/my-certificates.png`, fullPage: true });
  const code = (await page.locator("dl.facts dd").first().textContent())!.trim();
  expect(code).toMatch(/^SGP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh PDF" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`sertifikat-${code}.pdf`);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // The QR code points to /sertifikat/<code>: open it in a fresh, signed-out browser.
  const stranger = await browser.newPage();
  await stranger.goto(`/sertifikat/${code.toLowerCase().replaceAll("-", " ")}`);
  await expect(stranger.getByText("SAH — sertifikat ini terdaftar di Sigap.")).toBeVisible();
  await expect(stranger.getByText("Tata Kelola Media Sosial Instansi")).toBeVisible();
  await expect(stranger.getByRole("button", { name: "Keluar" })).toHaveCount(0);
  await stranger.screenshot({ path: `${screenshotDir}/verify-valid.png`, fullPage: true });
  const typo = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
  await stranger.goto(`/sertifikat/${typo}`);
  await expect(stranger.getByText(/salah ketik/)).toBeVisible();
});

test("an instructor's override to 'not passed' suspends the certificate, the verification page says so without the person, and a pass restores it", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, "peserta14@demo.sigap.id");
  await completeReadingLessons(page, COURSE, lessons);
  await passDmExercises(page, lessons);
  await passPostExercises(page, lessons);
  await page.goto(`/kursus/${COURSE}/kuis-akhir`);
  await answerDrawnQuestions(page, finalQuizBank(COURSE), () => true);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Lulus dengan skor 100%/)).toBeVisible();
  await page.goto("/saya/sertifikat");
  const code = (await page.locator("dl.facts dd").first().textContent())!.trim();

  const staff = await browser.newPage();
  await signIn(staff, demo.instructor);
  await staff.goto("/studio/latihan");
  await staff
    .getByRole("link", { name: /Buka: Nanda Wijaya/ })
    .first()
    .click();
  const override = async (score: string, passed: "ya" | "tidak", comment: string) => {
    await staff.getByLabel("Skor baru (0–100)").fill(score);
    await staff.getByLabel("Hasil").selectOption(passed);
    await staff.getByLabel("Catatan untuk peserta (wajib)").fill(comment);
    await staff.getByRole("button", { name: "Simpan perubahan nilai" }).click();
    await expect(staff.getByText("Nilai sudah diubah dan tercatat di log audit.")).toBeVisible();
  };
  await override("40", "tidak", "Rekaman kelas menunjukkan jawaban belum memadai.");
  // One final score, the graded one as "nilai awal".
  await expect(staff.getByText(/Skor: 40 \(nilai awal \d+\)/)).toBeVisible();

  const stranger = await browser.newPage();
  await stranger.goto(`/sertifikat/${code}`);
  await expect(
    stranger.getByText(/^DITANGGUHKAN — sertifikat ini untuk sementara tidak berlaku\. Alasan: nilai materi “.+” diubah oleh pelatih/),
  ).toBeVisible();
  await expect(stranger.getByText("Nanda Wijaya")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(/^Sertifikat ini ditangguhkan: nilai materi/)).toBeVisible();

  await override("80", "ya", "Sudah diperbaiki pada sesi susulan.");
  await stranger.reload();
  await expect(stranger.getByText("SAH — sertifikat ini terdaftar di Sigap.")).toBeVisible();
  await expect(stranger.getByText("Nanda Wijaya")).toBeVisible();
});
