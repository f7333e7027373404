import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

const future = new Date(Date.now() + 21 * 86400e3).toISOString().slice(0, 10);

test("a manager assigns a course, imports staff, filters the dashboard and downloads the CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.manager);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Kelola" }).click();
  await expect(page.getByRole("heading", { name: "Dasbor pelatihan" })).toBeVisible({ timeout: 15_000 });

  // Assign "Verifikasi Hoaks" to the whole Disdukcapil OKU.
  await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Penugasan" }).click();
  await expect(page.getByRole("heading", { name: "Tugaskan kursus" })).toBeVisible();
  await page.getByLabel("Kursus", { exact: true }).selectOption({ label: "Verifikasi Hoaks untuk Aparatur" });
  await page.getByLabel("Instansi / unit", { exact: true }).selectOption({ label: "Disdukcapil OKU" });
  await page.getByLabel("Tenggat").fill(future);
  await page.getByRole("button", { name: "Tugaskan" }).click();
  await expect(page.getByText(/Kursus ditugaskan ke Disdukcapil OKU/)).toBeVisible();

  // A file with errors: every problem shown per row, nothing imported yet.
  await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Impor staf" }).click();
  await expect(page.getByRole("heading", { name: "Impor staf dari CSV atau Excel" })).toBeVisible();
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles("tests/fixtures/csv/staf-bermasalah.csv");
  await page.getByRole("button", { name: "Pratinjau" }).click();
  await expect(page.getByRole("heading", { name: "Pratinjau: 1 baris siap, 2 baris bermasalah" })).toBeVisible();
  const problems = page.getByRole("list", { name: "2 baris bermasalah (tidak akan diimpor)" });
  await expect(problems.getByText("NIP harus 18 digit angka.")).toBeVisible();
  await expect(problems.getByText("Unit ini di luar instansi yang Anda kelola.")).toBeVisible();

  // A clean file: confirm, then download the set-password links.
  await page.getByLabel("Berkas Excel atau CSV").setInputFiles("tests/fixtures/csv/staf-bersih.csv");
  await page.getByRole("button", { name: "Pratinjau" }).click();
  await page.getByRole("button", { name: "Impor 2 baris yang valid" }).click();
  await expect(page.getByText("2 akun dibuat.")).toBeVisible();
  const linksDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh tautan atur kata sandi (CSV)" }).click();
  const links = readFileSync((await (await linksDownload).path())!, "utf8");
  expect(links).toContain("zahra.impor@demo.sigap.id");
  expect(links).toMatch(/\/atur-sandi\/[\w-]{20,}/);

  // The imported people joined after the assignment and are enrolled too.
  await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Dasbor" }).click();
  await expect(page.getByRole("heading", { name: "Dasbor pelatihan" })).toBeVisible();
  await page.getByLabel("Kursus", { exact: true }).selectOption({ label: "Verifikasi Hoaks untuk Aparatur" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("heading", { name: "Per unit: Verifikasi Hoaks untuk Aparatur" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Persentase penyelesaian per unit" })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/dashboard.png`, fullPage: true });
  await page.getByRole("link", { name: "Urutkan: Lewat tenggat" }).click();
  await expect(page).toHaveURL(/urut=overdue/);

  await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Peserta" }).click();
  await expect(page.getByRole("heading", { name: "Peserta", exact: true })).toBeVisible();
  await page.getByLabel("Kursus", { exact: true }).selectOption({ label: "Verifikasi Hoaks untuk Aparatur" });
  await page.getByLabel("Cari nama atau NIP").fill("Zahra");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByRole("cell", { name: "Zahra Lestari" })).toBeVisible();
  await expect(page.getByText("1 peserta")).toBeVisible();
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh CSV" }).click();
  const bytes = readFileSync((await (await csvDownload).path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8");
  expect(csv).toContain("Zahra Lestari");
  expect(csv).not.toContain("Rina Marlina");
  // Indonesian Excel splits on ";" (issue 15 item 1).
  expect(csv.split("\r\n")[0]).toContain("nama;nip;unit;kursus;status");
});

function freshProblemFile(tag: number): Buffer {
  const nip = `198703142012031${tag === 360 ? "361" : "281"}`;
  const csv = readFileSync("tests/fixtures/csv/staf-bermasalah.csv", "utf8").replaceAll(".impor@", `.impor${tag}@`).replace("198703142012031004", nip);
  return Buffer.from(csv);
}

for (const width of [360, 1280]) {
  test(`import preview at ${width} px: the problems come first, and rows with errors need an explicit choice (issue 15 item 2, failed on main)`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await signIn(page, demo.manager);
    await page.goto("/kelola/impor");
    await expect(page.getByRole("link", { name: "Unduh templat Excel" })).toHaveAttribute("href", "/kelola/impor/templat.xlsx");
    await page.locator("summary", { hasText: "Kode unit yang dapat Anda pakai" }).click();
    await expect(page.getByRole("cell", { name: /16\.01\.DUKCAPIL\.PDP/ })).toBeVisible();
    // Fresh e-mails and NIP: the first test of this file imports the fixture's valid row, and a
    // second upload of it would (rightly) report those as already taken.
    await page.getByLabel("Berkas Excel atau CSV").setInputFiles({ name: "staf-bermasalah.csv", mimeType: "text/csv", buffer: freshProblemFile(width) });
    await page.getByRole("button", { name: "Pratinjau" }).click();
    const problems = page.getByRole("list", { name: "2 baris bermasalah (tidak akan diimpor)" });
    await expect(problems).toBeVisible();
    // Each message is on screen without scrolling sideways.
    for (const text of ["NIP harus 18 digit angka.", "Unit ini di luar instansi yang Anda kelola."]) {
      const box = (await problems.getByText(text).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${screenshotDir}/import-preview-${width}.png`, fullPage: true });
    // The import button does nothing until the manager ticks that only the valid row goes in.
    await page.getByRole("button", { name: "Impor 1 baris yang valid" }).click();
    await expect(page.getByRole("heading", { name: "Pratinjau: 1 baris siap, 2 baris bermasalah" })).toBeVisible();
    await expect(page.getByLabel(/Saya sudah melihat 2 baris bermasalah/)).toBeVisible();
    await page.close();
  });
}

for (const [manager, other] of [
  [demo.manager, { names: ["Diskominfo Pandeglang", "Bidang Informasi dan Komunikasi Publik"], learnerEmail: "peserta04@demo.sigap.id" }],
  [demo.managerBanten, { names: ["Disdukcapil OKU", "Rina Marlina"], learnerEmail: "peserta@demo.sigap.id" }],
] as const) {
  test(`${manager} never sees the other agency`, async ({ page, browser }) => {
    // Find the other agency's learner id as an admin would.
    const admin = await browser.newPage();
    await signIn(admin, demo.admin);
    await admin.goto("/kelola/pengguna?q=" + encodeURIComponent(other.learnerEmail));
    const href = await admin.locator("main table a").first().getAttribute("href");
    const learnerId = href!.split("/").pop()!;

    await signIn(page, manager);
    for (const path of ["/kelola", "/kelola/peserta", "/kelola/penugasan", "/kelola/pengguna", "/kelola/impor"]) {
      await page.goto(path);
      const text = await page.locator("main").innerText();
      for (const name of other.names) expect(text, `${path} shows ${name}`).not.toContain(name);
    }
    expect((await page.goto(`/kelola/peserta/${learnerId}`))?.status()).toBe(404);
    expect((await page.goto(`/kelola/pengguna/${learnerId}`))?.status()).toBe(404);
    const csv = await page.request.get("/kelola/laporan.csv");
    for (const name of other.names) expect(await csv.text()).not.toContain(name);
  });
}

test.describe("the unit tree without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin opens a regency to see its agencies, then closes it again", async ({ page, browser }) => {
    await signIn(page, demo.admin);
    await page.goto("/kelola");
    const tree = page.locator("table.unit-tree");
    await expect(tree.getByRole("link", { name: "Provinsi Sumatera Selatan", exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(tree.getByRole("link", { name: "Kabupaten Ogan Komering Ulu", exact: true })).toBeVisible();
    // Closed by default: the agency below the regency is counted in its row but not listed.
    await expect(tree.getByRole("link", { name: "Disdukcapil OKU", exact: true })).toHaveCount(0);

    const open = tree.getByRole("link", { name: /^Buka Kabupaten Ogan Komering Ulu \(\d+ unit di bawahnya\)$/ });
    await expect(open).toHaveAttribute("aria-expanded", "false");
    await open.click();
    await expect(page).toHaveURL(/buka=/);
    await expect(tree.getByRole("link", { name: "Disdukcapil OKU", exact: true })).toBeVisible();
    await expect(tree.getByRole("link", { name: "Tutup Kabupaten Ogan Komering Ulu" })).toHaveAttribute("aria-expanded", "true");
    await page.screenshot({ path: `${screenshotDir}/dashboard-tree-open.png`, fullPage: true });
    // The same view as a phone opens it (fresh page: no scroll state carried over).
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    await signIn(phone, demo.admin);
    await phone.goto(page.url());
    const phoneTree = phone.locator("table.unit-tree");
    await expect(phoneTree.getByRole("link", { name: "Disdukcapil OKU", exact: true })).toBeVisible();
    // Closing and opening again on a phone lands on the row, names in view (not scrolled sideways).
    await phoneTree.getByRole("link", { name: "Tutup Kabupaten Ogan Komering Ulu" }).click();
    await phoneTree.getByRole("link", { name: /^Buka Kabupaten Ogan Komering Ulu/ }).click();
    await expect(phoneTree.getByRole("link", { name: "Disdukcapil OKU", exact: true })).toBeInViewport();
    await expect(phoneTree.getByRole("link", { name: "Kabupaten Ogan Komering Ulu", exact: true })).toBeInViewport();
    await phone.screenshot({ path: `${screenshotDir}/dashboard-tree-phone-toggled.png` });
    await phone.screenshot({ path: `${screenshotDir}/dashboard-tree-phone.png`, fullPage: true });
    await phone.close();

    // Sorting keeps the opened branch open and the agency under its regency.
    await tree.getByRole("link", { name: "Urutkan: Terdaftar" }).click();
    await expect(page).toHaveURL(/urut=enrolled/);
    const names = await tree.locator("tbody th").allInnerTexts();
    const regency = names.findIndex((n) => n.includes("Kabupaten Ogan Komering Ulu"));
    expect(names[regency + 1]).toContain("Disdukcapil OKU");

    await tree.getByRole("link", { name: "Tutup Kabupaten Ogan Komering Ulu" }).click();
    await expect(tree.getByRole("link", { name: "Disdukcapil OKU", exact: true })).toHaveCount(0);

    await page.getByRole("link", { name: "Buka semua unit" }).click();
    await expect(tree.getByRole("link", { name: "Bidang Pelayanan Pendaftaran Penduduk", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Tampilkan tingkat teratas saja" }).click();
    await expect(tree.getByRole("link", { name: "Bidang Pelayanan Pendaftaran Penduduk", exact: true })).toHaveCount(0);
  });
});
