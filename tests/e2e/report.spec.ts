import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

const future = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);

// The Banten manager: manage.spec.ts assigns and imports as the OKU manager, maybe at the same time.
test("a manager opens the head-of-agency report, downloads its PDF and assigns a course to two learners", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.managerBanten);
  await page.goto("/kelola");
  await page.getByRole("link", { name: "Laporan untuk pimpinan (cetak atau PDF)" }).click();
  await expect(page.getByRole("heading", { name: "Laporan pelatihan untuk pimpinan" })).toBeVisible();
  const report = page.getByRole("article");
  await expect(report.locator(".head-report-meta")).toContainText("Diskominfo Pandeglang");
  await expect(report.getByText("Disdukcapil OKU")).toHaveCount(0);
  // The seeded history fills every part: certificates, units, overdue groups, the JP list.
  await expect(report.getByRole("heading", { name: "Penugasan lewat tenggat" })).toBeVisible();
  await expect(report.getByRole("table", { name: /pegawai dengan JP paling sedikit/ })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${screenshotDir}/head-report-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${screenshotDir}/head-report-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh PDF" }).click();
  const file = readFileSync((await (await download).path())!);
  expect(file.subarray(0, 5).toString()).toBe("%PDF-");
  const pdf = await PDFDocument.load(file);
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  expect(pdf.getTitle()).toContain("Diskominfo Pandeglang");

  // Two learners ticked in the list of the manager's staff.
  await page.goto("/kelola/penugasan");
  const picker = page.locator("#peserta-tertentu");
  await expect(picker.getByRole("group", { name: "Peserta" }).getByText(/OKU/)).toHaveCount(0);
  await picker.getByLabel(/Agus Siregar/).check();
  await picker.getByLabel(/Budi Kusuma/).check();
  await picker.getByLabel("Kursus untuk peserta terpilih").selectOption({ label: "Aturan Main ASN di Ruang Digital" });
  await picker.getByLabel("Selesai paling lambat").fill(future);
  await picker.getByRole("button", { name: "Beri tugas ke peserta terpilih" }).click();
  await expect(page.getByText(/^2 peserta mendapat tugas Aturan Main ASN di Ruang Digital/)).toBeVisible();
});
