import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import {
  courseJp,
  answerDrawnQuestions,
  completeReadingLessons,
  courseLessons,
  demo,
  finalQuizBank,
  passDmExercises,
  passPostExercises,
  screenshotDir,
  signIn,
} from "./helpers";

const COURSE = "tata-kelola-media-sosial";
const lessons = courseLessons(COURSE);
// peserta13 is "Maya Kusuma" in Bidang Pelayanan Pendaftaran Penduduk (OKU), inside manajer@demo's scope.
const LEARNER = "peserta13@demo.sigap.id";
const LEARNER_NAME = "Maya Kusuma";

/** axe-core, WCAG 2.1 A/AA: no serious or critical violation (as accessibility.spec.ts). */
async function audit(page: Page, name: string) {
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(serious, `${name} has serious/critical axe violations`).toEqual([]);
}

test("a learner downloads the Open Badges credential and anyone verifies it by pasting it; the manager sees the JP ledger", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, LEARNER);
  // The demo history may already hold JP for this learner this year: the course adds its own JP to it.
  const year = new Date(Date.now() + 7 * 3600e3).getUTCFullYear();
  const jpThisYear = async () => {
    await page.goto("/saya/sertifikat");
    const heading = page.getByRole("heading", { name: new RegExp(`Tahun ${year}: `) });
    if ((await heading.count()) === 0) return 0;
    return Number((await heading.first().textContent())!.match(/: ([\d.,]+) dari/)![1]!.replace(",", "."));
  };
  const jpBefore = await jpThisYear();
  await completeReadingLessons(page, COURSE, lessons);
  await passDmExercises(page, lessons);
  await passPostExercises(page, lessons);
  const quiz = lessons.find((l) => l.data.kind === "quiz")!;
  await page.goto(`/kursus/${COURSE}/${quiz.slug}`);
  await answerDrawnQuestions(page, finalQuizBank(COURSE), () => true);
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page.getByText(/Lulus dengan skor 100%/)).toBeVisible();

  await page.goto("/saya/sertifikat");
  await expect(page.getByRole("heading", { name: "Riwayat JP per tahun" })).toBeVisible();
  const jp = Number(courseJp(COURSE));
  expect(await jpThisYear()).toBe(jpBefore + jp);
  await audit(page, "my certificates with JP history");
  const code = (await page.locator("dl.facts dd").first().textContent())!.trim();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh kredensial digital (.jwt)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`sertifikat-${code}.jwt`);
  const jwt = readFileSync((await download.path())!, "utf8").trim();
  expect(jwt.split(".")).toHaveLength(3);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${screenshotDir}/my-certificates-jp-history-360.png`, fullPage: true });

  // A verifier, signed out, pastes the credential into the public page.
  const stranger = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await stranger.goto("/sertifikat");
  await stranger.getByLabel("Kredensial (teks .jwt)").fill(jwt);
  await stranger.getByRole("button", { name: "Periksa kredensial" }).click();
  await expect(stranger.getByText("SAH — tanda tangan cocok dengan kunci Sigap, masih berlaku, dan tidak dicabut.")).toBeVisible();
  await expect(stranger.getByText("Tata Kelola Media Sosial Instansi", { exact: true })).toBeVisible();
  await expect(stranger.getByText(code, { exact: true })).toBeVisible();
  await expect(stranger.getByText(/^nationalIdentityNumber: sha256\$[0-9a-f]{64}$/)).toBeVisible();
  await expect(stranger.getByText(LEARNER_NAME)).toHaveCount(0);
  await audit(stranger, "credential check result");
  await stranger.screenshot({ path: `${screenshotDir}/verify-credential-1280.png`, fullPage: true });
  await stranger.setViewportSize({ width: 360, height: 800 });
  await stranger.screenshot({ path: `${screenshotDir}/verify-credential-360.png`, fullPage: true });
  const overflow = await stranger.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 360 px").toBeLessThanOrEqual(0);

  // One changed character in the payload: the signature no longer matches.
  const [h, p, s] = jwt.split(".");
  const payload = JSON.parse(Buffer.from(p!, "base64url").toString("utf8"));
  payload.credentialSubject.creditsEarned = 30;
  await stranger.getByLabel("Kredensial (teks .jwt)").fill(`${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`);
  await stranger.getByRole("button", { name: "Periksa kredensial" }).click();
  await expect(stranger.getByText("TIDAK SAH — kredensial ini tidak dapat diverifikasi.")).toBeVisible();
  await expect(stranger.getByText("Tanda tangan tidak cocok: isi kredensial telah diubah.")).toBeVisible();

  // The manager finds the learner under 20 JP in the ledger and downloads the SIASN workbook.
  const manager = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(manager, demo.manager);
  await manager.goto("/kelola/jp");
  await manager.getByLabel(/Hanya yang kurang dari 20 JP/).check();
  await manager.getByRole("button", { name: "Terapkan" }).click();
  const row = manager.getByRole("row", { name: new RegExp(LEARNER_NAME) });
  await expect(row.getByText(`${String(jpBefore + jp).replace(".", ",")} dari 20 JP`)).toBeVisible();
  await expect(row.getByText(new RegExp(code))).toBeVisible();
  await audit(manager, "JP ledger");
  await manager.screenshot({ path: `${screenshotDir}/jp-ledger-1280.png`, fullPage: true });
  const xlsxPromise = manager.waitForEvent("download");
  await manager.getByRole("link", { name: "Unduh Excel (.xlsx)" }).click();
  expect((await xlsxPromise).suggestedFilename()).toBe(`riwayat-jp-${year}-kurang-20.xlsx`);
  await manager.setViewportSize({ width: 360, height: 800 });
  await manager.screenshot({ path: `${screenshotDir}/jp-ledger-360.png`, fullPage: true });
});

test("an admin sets the signatory and rotates the signing key; the key stays in did.json", async ({ page, request }) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/penerbit");
  await expect(page.getByRole("heading", { name: "Penerbit sertifikat" })).toBeVisible();
  await audit(page, "issuer admin");
  await page.getByLabel("Instansi penerbit").fill("BPSDM Provinsi Sumatera Selatan");
  await page.getByLabel("Nama penandatangan").fill("Dr. Hendra Saputra, M.Si.");
  await page.getByLabel("NIP penandatangan").fill("1970");
  await page.getByLabel("Jabatan penandatangan").fill("Kepala BPSDM");
  await page.getByRole("button", { name: "Simpan penandatangan" }).click();
  await expect(page.getByText("NIP terdiri dari 18 angka.")).toBeVisible();
  await audit(page, "issuer admin with errors");
  await page.getByLabel("NIP penandatangan").fill("197001011995031001");
  await page.getByRole("button", { name: "Simpan penandatangan" }).click();
  await expect(page.getByText("Penandatangan untuk Semua instansi (pengaturan umum) disimpan.")).toBeVisible();
  await expect(page.getByText(/BPSDM Provinsi Sumatera Selatan · Dr\. Hendra Saputra, M\.Si\. · NIP 197001011995031001 · Kepala BPSDM/)).toBeVisible();

  const before = (await (await request.get("/.well-known/did.json")).json()) as { verificationMethod: { id: string }[] };
  await page.getByRole("button", { name: "Ganti kunci tanda tangan" }).click();
  await expect(page.getByText(/Kunci baru kunci-\d{8}-[0-9a-f]{6} dipakai mulai sekarang\./)).toBeVisible();
  const after = (await (await request.get("/.well-known/did.json")).json()) as { verificationMethod: { id: string }[] };
  expect(after.verificationMethod).toHaveLength(before.verificationMethod.length + 1);
  expect(after.verificationMethod.map((m) => m.id)).toEqual(expect.arrayContaining(before.verificationMethod.map((m) => m.id)));
  await page.screenshot({ path: `${screenshotDir}/issuer-admin-1280.png`, fullPage: true });
});

test("a manager marks a learner as PPPK, and the JP ledger holds them to the 24 JP cap", async ({ page }) => {
  // peserta05 is "Eka Syahputra" (Diskominfo Pandeglang, Banten), untouched by the demo history and other
  // specs; early in the alphabet, so on the ledger's first page.
  await signIn(page, demo.managerBanten);
  await page.goto("/kelola/pengguna?q=" + encodeURIComponent("peserta05@demo.sigap.id"));
  await page.getByRole("link", { name: "Eka Syahputra" }).click();
  await page.getByLabel("Jenis ASN").selectOption("pppk");
  await page.getByRole("button", { name: "Simpan jenis ASN" }).click();
  await expect(page.getByText("Jenis ASN disimpan.")).toBeVisible();
  await expect(page.getByLabel("Jenis ASN")).toHaveValue("pppk");
  await audit(page, "account page with the kind of civil servant");

  await page.goto("/kelola/jp");
  const row = page.getByRole("row", { name: /Eka Syahputra/ });
  await expect(row.getByText(/dari batas 24 JP \(PPPK\)/)).toBeVisible();
  await expect(row.getByText("Dalam batas")).toBeVisible();
  // "Under 20 JP" is the PNS duty: she is not on that list.
  await page.getByLabel(/Hanya yang kurang dari 20 JP/).check();
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page.getByRole("row", { name: /Eka Syahputra/ })).toHaveCount(0);
});
