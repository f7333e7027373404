import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import matter from "gray-matter";
import { demo, screenshotDir, signIn } from "./helpers";

const SLUG = "hoaks-blanko-ktp-habis";
const data = matter(readFileSync(`content/courses/verifikasi-hoaks/10-${SLUG}.mdx`, "utf8")).data as {
  facts: { verdict: string; type: string; summary: string };
  redFlags: { present: string[] };
  verification: { steps: string[] };
  classify: { explanation: string };
  clarification: { modelAnswer: string };
};
const verdictLabel: Record<string, string> = { hoaks: "HOAKS", benar: "BENAR" };
const typeLabel: Record<string, string> = {
  fabricated: "Konten palsu/fabrikasi",
  "false-context": "Konteks yang salah",
  imposter: "Konten tiruan (mencatut sumber asli)",
};
const flagLabel: Record<string, RegExp> = {
  urgency: /Mendesak \(/,
  "share-request": /Minta disebarkan/,
  "no-source": /Tanpa sumber yang jelas/,
  "odd-url": /Tautan atau domain aneh/,
  "odd-sender": /Pengirim tidak resmi/,
  "old-media": /Foto\/video lama/,
  "edited-letterhead": /Kop surat atau logo/,
  "too-good": /Terlalu bagus/,
  emotional: /Bahasa emosional/,
  "money-or-data": /Meminta uang, data pribadi/,
  attachment: /Lampiran APK/,
  "no-date": /Tanpa tanggal/,
};
const stepLabel: Record<string, RegExp> = {
  "find-original": /unggahan atau pengirim pertama/,
  "reverse-image": /gambar terbalik/,
  "check-official": /Cek situs \.go\.id/,
  "ask-agency": /Konfirmasi langsung/,
  "check-factcheck": /cekfakta\.com/,
  "factcheck-explorer": /Fact Check Explorer/,
  "check-date": /Periksa tanggal/,
  "check-location": /Cocokkan lokasi/,
  "check-motive": /siapa yang diuntungkan/,
  "check-url": /domain dan alamat tautan/,
  "check-voice": /Bandingkan suara/,
};

async function solve(page: Page) {
  await page.goto(`/latihan/${SLUG}`);
  await expect(page.getByRole("heading", { name: "Pesan yang masuk" })).toBeVisible();
  await expect(page.getByText("Diteruskan berkali-kali")).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(data.classify.explanation.slice(0, 50));
  expect(html).not.toContain(data.clarification.modelAnswer.slice(0, 50));
  await page.getByRole("group", { name: "Label publik (MAFINDO)" }).getByLabel(verdictLabel[data.facts.verdict]!).check();
  await page.getByRole("group", { name: /Jenis/ }).getByLabel(typeLabel[data.facts.type]!).check();
  for (const flag of data.redFlags.present) await page.getByLabel(flagLabel[flag]!).check();
  const falseAlarm = Object.keys(flagLabel).find((f) => !data.redFlags.present.includes(f))!;
  await page.getByLabel(flagLabel[falseAlarm]!).check();
  for (const [i, step] of data.verification.steps.entries()) {
    await page.getByRole("combobox", { name: new RegExp(`Urutan: .*${stepLabel[step]!.source}`) }).selectOption(String(i + 1));
  }
  await page.getByLabel(/Tulis klarifikasi untuk kolom komentar/).fill(data.clarification.modelAnswer);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByRole("heading", { name: "Hasil kasus" })).toBeVisible();
  await expect(page.getByText(/Lulus\. Kasus ini tercatat selesai\./)).toBeVisible();
  await expect(page.getByText("alarm palsu")).toBeVisible();
  await expect(page.getByText(data.classify.explanation)).toBeVisible();
  await expect(page.getByText(data.facts.summary)).toBeVisible();
}

test("a learner completes a hoax case and sees why each answer was right or wrong", async ({ page }) => {
  await signIn(page, "peserta09@demo.sigap.id");
  await solve(page);
  await page.screenshot({ path: `${screenshotDir}/hoax-result.png`, fullPage: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same case works with a plain form post", async ({ page }) => {
    await signIn(page, "peserta10@demo.sigap.id");
    await solve(page);
  });
});

test("the verification checklist prints on one A4 page", async ({ page }) => {
  await signIn(page, demo.learner);
  await page.goto("/kursus/verifikasi-hoaks/cek-list");
  await expect(page.getByRole("heading", { name: "Cek-List Verifikasi Pesan untuk Admin Instansi" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  // A4 at 96 dpi is 794 × 1123 px.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${screenshotDir}/checklist-a4.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
});
