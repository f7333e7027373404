import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

const COURSE = "etika-merespons-warga";
const COURSE_TITLE = "Etika Merespons Warga";
const PLAN = "Menjawab DM warga di hari kerja yang sama memakai templat jawaban kursus (uji e2e).";
const EVIDENCE = "Rekap mingguan waktu respons DM dibahas di rapat Bidang PDP.";
const target = new Date(Date.now() + 7 * 3600e3 + 45 * 86400e3).toISOString().slice(0, 10);

async function noSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual(
    [],
  );
}

test("a learner rates a completed course and writes an action plan without JavaScript; the manager sees the plan and the means", async ({
  page: manager,
  browser,
}) => {
  test.setTimeout(120_000);
  // The demo learner finished this course in the seeded history.
  const learnerContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const learner = await learnerContext.newPage();
  await signIn(learner, demo.learner);
  await learner.goto("/saya/sertifikat");
  await learner.getByRole("link", { name: "Isi evaluasi dan rencana aksi" }).first().click();
  await expect(learner.getByRole("heading", { name: "Evaluasi kursus dan rencana aksi" })).toBeVisible();
  await expect(learner.getByText(COURSE_TITLE).first()).toBeVisible();

  // Sent half filled in: every missing rating is named, what was typed stays.
  await learner.getByLabel("Apa yang akan saya ubah dalam pekerjaan").fill(PLAN);
  await learner.getByRole("button", { name: "Kirim evaluasi" }).click();
  await expect(learner.getByText("Periksa kembali isian yang ditandai.")).toBeVisible();
  await expect(learner.getByText("Pilih salah satu nilai 1 sampai 5.")).toHaveCount(5);
  await expect(learner.getByLabel("Apa yang akan saya ubah dalam pekerjaan")).toHaveValue(PLAN);

  const ratings: [string, string][] = [
    ["Materi kursus relevan dengan pekerjaan saya.", "5 — sangat setuju"],
    ["Penjelasan materi jelas dan mudah dipahami.", "4 — setuju"],
    ["Latihan dan kasusnya membantu saya mempraktikkan materi.", "5 — sangat setuju"],
    ["Waktu yang saya pakai sepadan dengan manfaatnya.", "3 — netral"],
    ["Saya akan menyarankan kursus ini kepada rekan kerja.", "4 — setuju"],
  ];
  for (const [question, answer] of ratings) await learner.getByRole("group", { name: question }).getByLabel(answer).check();
  await learner.getByLabel("Komentar atau saran (opsional)").fill("Kasus DM-nya dekat dengan pekerjaan kami.");
  await learner.getByLabel("Target selesai").fill(target);
  await learner.getByLabel("Bagaimana atasan saya dapat melihatnya").fill(EVIDENCE);
  await learner.screenshot({ path: `${screenshotDir}/evaluation-form-360.png`, fullPage: true });
  await learner.getByRole("button", { name: "Kirim evaluasi" }).click();
  await expect(learner.getByText("Terima kasih. Evaluasi dan rencana aksi Anda tersimpan.")).toBeVisible();
  await expect(learner.getByText(/Anda masih dapat mengubahnya sampai \d{1,2} \w+ \d{4}\./)).toBeVisible();
  await expect(learner.getByRole("group", { name: "Waktu yang saya pakai sepadan dengan manfaatnya." }).getByLabel("3 — netral")).toBeChecked();
  await expect(learner.getByRole("button", { name: "Simpan perubahan" })).toBeVisible();
  // A reload after the redirect posts nothing again; the course page now says it was sent.
  await learner.reload();
  await learner.goto(`/kursus/${COURSE}`);
  await expect(learner.getByText("Evaluasi dan rencana aksi Anda sudah terkirim.")).toBeVisible();
  await learnerContext.close();
  // axe needs JavaScript: audit the stored form in a normal browser.
  const auditContext = await browser.newContext();
  const audited = await auditContext.newPage();
  await signIn(audited, demo.learner);
  await audited.goto(`/kursus/${COURSE}/evaluasi`);
  await expect(audited.getByLabel("Bagaimana atasan saya dapat melihatnya")).toHaveValue(EVIDENCE);
  await noSeriousAxeViolations(audited);
  await auditContext.close();

  await manager.setViewportSize({ width: 1280, height: 900 });
  await signIn(manager, demo.manager);
  await manager.goto("/kelola");
  await manager.getByRole("link", { name: "Evaluasi", exact: true }).click();
  await expect(manager.getByRole("heading", { name: "Evaluasi pelatihan", level: 1 })).toBeVisible();
  await manager.getByLabel("Kursus", { exact: true }).selectOption({ label: COURSE_TITLE });
  await manager.getByRole("button", { name: "Tampilkan" }).click();
  const means = manager.getByRole("region", { name: "Rata-rata penilaian per kursus" });
  await expect(means.getByRole("rowheader", { name: COURSE_TITLE })).toBeVisible();
  await expect(
    means
      .getByRole("row", { name: new RegExp(COURSE_TITLE) })
      .getByRole("cell")
      .nth(1),
  ).toHaveText(/^\d,\d$/);
  const plans = manager.getByRole("region", { name: `Rencana tindak lanjut per peserta — ${COURSE_TITLE}` });
  const row = plans.getByRole("row", { name: /Rina Marlina/ });
  await expect(row).toContainText(PLAN);
  await expect(row).toContainText(EVIDENCE);
  await manager.screenshot({ path: `${screenshotDir}/evaluation-manager-1280.png`, fullPage: true });
  await noSeriousAxeViolations(manager);
  // The Banten manager does not see the OKU learner's plan.
  const banten = await (await browser.newContext()).newPage();
  await signIn(banten, demo.managerBanten);
  await banten.goto("/kelola/evaluasi");
  await banten.getByLabel("Kursus", { exact: true }).selectOption({ label: COURSE_TITLE });
  await banten.getByRole("button", { name: "Tampilkan" }).click();
  await expect(banten.getByRole("heading", { name: `Rencana tindak lanjut per peserta — ${COURSE_TITLE}` })).toBeVisible();
  await expect(banten.getByText("Rina Marlina")).toHaveCount(0);
  await expect(banten.getByText(PLAN)).toHaveCount(0);
});
