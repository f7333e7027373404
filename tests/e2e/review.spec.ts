import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { expect, test, type Page } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

const SLUG = "dm-syarat-ktp";
const COURSE = "etika-merespons-warga";
const TITLE = "Latihan DM: Syarat KTP-el Pertama";
type Turn = { id: string; message: string; modelAnswer: string };
const turns = matter(readFileSync(`content/courses/${COURSE}/06-${SLUG}.mdx`, "utf8")).data.turns as Turn[];
const turn = (id: string) => turns.find((t) => t.id === id)!;
// seed: peserta19 = "Taufik Rahmawati", Disdukcapil OKU (inside the demo instructor's subtree), one of
// the learners the demo history leaves untouched: a pass already on record would not need review.
const LEARNER = "peserta19@demo.sigap.id";
const LEARNER_NAME = "Taufik Rahmawati";

async function send(page: Page, reply: string) {
  await page.getByLabel("Balasan Anda").fill(reply);
  await page.getByRole("button", { name: "Kirim balasan" }).click();
}

test("a doubtful reply waits for a trainer, who confirms it; the learner sees the decision; the console counts it", async ({ browser }) => {
  test.setTimeout(120_000);
  const learner = await browser.newPage();
  await signIn(learner, LEARNER);
  await learner.goto(`/latihan/${SLUG}`);
  // A processing time the context leaves open: the grader passes it but is not sure.
  await send(learner, `${turn("t1").modelAnswer} KTP-nya biasanya jadi dalam 3 hari.`);
  await expect(learner.getByText(turn("t2").message)).toBeVisible();
  await send(learner, turn("t2").modelAnswer);
  await expect(learner.getByRole("heading", { name: "Hasil latihan" })).toBeVisible();
  await expect(learner.getByText(/Menunggu tinjauan pelatih\. Balasan Anda lolos penilaian otomatis/)).toBeVisible();
  await expect(learner.getByText("Lulus. Latihan ini tercatat selesai.")).toHaveCount(0);
  await learner.goto(`/kursus/${COURSE}`);
  await expect(learner.getByRole("listitem").filter({ hasText: TITLE }).getByText("Menunggu tinjauan pelatih")).toBeVisible();

  const staff = await browser.newPage();
  await signIn(staff, demo.instructor);
  await staff.goto("/studio");
  await staff.getByRole("link", { name: "Antrean tinjauan →" }).click();
  await expect(staff.getByRole("heading", { name: "Antrean tinjauan pelatih" })).toBeVisible();
  const row = staff.getByRole("row").filter({ hasText: LEARNER_NAME });
  await expect(row.getByText("Klaim fakta yang tidak bisa dipastikan")).toBeVisible();
  await staff.screenshot({ path: `${screenshotDir}/review-queue-1280.png`, fullPage: true });
  await staff.setViewportSize({ width: 360, height: 780 });
  await staff.screenshot({ path: `${screenshotDir}/review-queue-360.png`, fullPage: true });
  await staff.setViewportSize({ width: 1280, height: 800 });

  await row.getByRole("link", { name: new RegExp(`Tinjau: ${LEARNER_NAME}`) }).click();
  await expect(staff.getByRole("heading", { name: `Tinjau percobaan ${LEARNER_NAME}` })).toBeVisible();
  await expect(staff.getByLabel("Terpenuhi: Menyebut Kartu Keluarga (KK) sebagai syarat").first()).toBeChecked();
  await staff.getByLabel(/Konfirmasi nilai otomatis/).check();
  await staff.getByLabel("Catatan untuk peserta (wajib bila nilai diubah)").fill("Waktu proses tidak ada di konteks; lain kali jangan menyebut lama proses.");
  await staff.screenshot({ path: `${screenshotDir}/review-decide.png`, fullPage: true });
  await staff.getByRole("button", { name: "Simpan keputusan" }).click();
  await expect(staff.getByText("Keputusan tersimpan dan tercatat di log audit.")).toBeVisible();
  await expect(staff.getByRole("row").filter({ hasText: LEARNER_NAME })).toHaveCount(0);

  await staff.goto(`/studio/kesepakatan?latihan=${SLUG}`);
  await expect(staff.getByText(/\d+ balasan: \d+ dari contoh, 2 dari 1 percobaan yang ditinjau/)).toBeVisible();
  await expect(staff.getByRole("table", { name: /Tabel kebingungan/ })).toBeVisible();
  await staff.screenshot({ path: `${screenshotDir}/agreement-console.png`, fullPage: true });

  await learner.goto("/");
  const notices = learner.getByRole("region", { name: "Hasil tinjauan pelatih" });
  await expect(notices.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Hasil: lulus, skor 100.");
  await notices.getByRole("link", { name: TITLE }).click();
  await expect(learner.getByText("Pelatih sudah meninjau percobaan Anda.")).toBeVisible();
  await expect(learner.getByText("Pelatih sudah meninjau dan mengonfirmasi nilai ini.")).toBeVisible();
  await expect(learner.getByText("Catatan pelatih: Waktu proses tidak ada di konteks; lain kali jangan menyebut lama proses.").first()).toBeVisible();
  await learner.getByRole("button", { name: "Tutup pemberitahuan" }).click();
  await expect(learner.getByText("Pelatih sudah meninjau percobaan Anda.")).toHaveCount(0);
  await learner.goto(`/kursus/${COURSE}`);
  await expect(learner.getByRole("listitem").filter({ hasText: TITLE }).getByText("Selesai")).toBeVisible();
});
