import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import matter from "gray-matter";
import { demo, screenshotDir, signIn } from "./helpers";

const SLUG = "dm-syarat-ktp";
type Turn = { id: string; message: string; modelAnswer: string };
const turns = (matter(readFileSync(`content/courses/etika-merespons-warga/06-${SLUG}.mdx`, "utf8")).data.turns as Turn[]).reduce<Record<string, Turn>>(
  (acc, t) => ({ ...acc, [t.id]: t }),
  {},
);

async function send(page: Page, reply: string) {
  await page.getByLabel("Balasan Anda").fill(reply);
  await page.getByRole("button", { name: "Kirim balasan" }).click();
}

async function completeWithRetry(page: Page, shot?: string) {
  await page.goto(`/latihan/${SLUG}`);
  await expect(page.getByText(turns.t1!.message)).toBeVisible();
  await expect(page.getByText("Target waktu balas")).toBeVisible();
  // A weak first reply: graded, explained, highlighted; the conversation goes on.
  await send(page, "Bawa KK aja ya kak, datang ke kantor.");
  await expect(page.getByText(turns.t2!.message)).toBeVisible();
  const feedback = page.getByRole("region", { name: "Umpan balik" }).first();
  await expect(feedback.getByText(/Skor giliran: \d+ — belum lulus/)).toBeVisible();
  await expect(feedback.getByText("✗ Belum ada:").first()).toBeVisible();
  await expect(page.locator("mark.hl-ok").first()).toBeVisible();
  if (shot) await page.screenshot({ path: `${screenshotDir}/${shot}`, fullPage: true });
  await send(page, turns.t2!.modelAnswer);
  await expect(page.getByRole("heading", { name: "Hasil latihan" })).toBeVisible();
  await expect(page.getByText(/Belum lulus\. Pelajari umpan balik/)).toBeVisible();
  await expect(page.getByText(turns.t1!.modelAnswer.slice(0, 60))).toBeVisible();

  // Try again, this time with the model answers: passed.
  await page.getByRole("link", { name: "Coba lagi" }).click();
  await expect(page.getByText(turns.t1!.message)).toBeVisible();
  await send(page, turns.t1!.modelAnswer);
  await expect(page.getByText(turns.t2!.message)).toBeVisible();
  await send(page, turns.t2!.modelAnswer);
  await expect(page.getByText(/Lulus\. Latihan ini tercatat selesai\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Riwayat percobaan Anda" }).or(page.getByText("Riwayat percobaan Anda"))).toBeVisible();
}

test("learner completes a multi-turn DM exercise, retries and passes (JavaScript on)", async ({ page }) => {
  await signIn(page, "peserta03@demo.sigap.id");
  await completeWithRetry(page, "dm-feedback.png");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("learner completes the DM exercise with plain form posts", async ({ page }) => {
    await signIn(page, "peserta07@demo.sigap.id");
    await completeWithRetry(page);
  });

  test("an empty reply is refused with a message and nothing is lost", async ({ page }) => {
    await signIn(page, "peserta08@demo.sigap.id");
    await page.goto(`/latihan/${SLUG}`);
    await send(page, "   ");
    await expect(page.getByRole("alert")).toContainText("Balasan masih kosong");
    await expect(page.getByText(turns.t1!.message)).toBeVisible();
  });
});

test("an instructor overrides a grade and the learner sees it", async ({ browser }) => {
  const learner = await browser.newPage();
  await signIn(learner, "peserta01@demo.sigap.id");
  await learner.goto(`/latihan/${SLUG}`);
  await send(learner, "KK");
  await expect(learner.getByText(turns.t2!.message)).toBeVisible();
  await send(learner, "ok");
  await expect(learner.getByRole("heading", { name: "Hasil latihan" })).toBeVisible();

  const staff = await browser.newPage();
  await signIn(staff, demo.instructor);
  await staff.goto("/studio/latihan");
  await staff
    .getByRole("link", { name: /Buka: .*Agus/ })
    .first()
    .click();
  await staff.getByLabel("Skor baru (0–100)").fill("85");
  await staff.getByLabel("Hasil").selectOption("ya");
  await staff.getByLabel("Catatan untuk peserta (wajib)").fill("Sudah dijelaskan lisan saat kelas; jawaban dianggap memadai.");
  await staff.getByRole("button", { name: "Simpan perubahan nilai" }).click();
  await expect(staff.getByText("Nilai sudah diubah dan tercatat di log audit.")).toBeVisible();

  await learner.reload();
  await expect(learner.getByText("Nilai diubah oleh pelatih: 85 (lulus).")).toBeVisible();
  await expect(learner.getByText("Catatan pelatih: Sudah dijelaskan lisan saat kelas; jawaban dianggap memadai.")).toBeVisible();
});

test("the rubric playground grades a pasted reply", async ({ page }) => {
  await signIn(page, demo.instructor);
  await page.goto("/studio/uji-rubrik");
  await page.getByLabel("Latihan / Giliran").selectOption(`${SLUG}#t1`);
  await page.getByLabel("Contoh balasan").fill(turns.t1!.modelAnswer);
  await page.getByRole("button", { name: "Nilai" }).click();
  await expect(page.getByText(/Skor giliran: \d+ — lulus/)).toBeVisible();
  // The fact reading: what the grader thinks the reply claims, per slot.
  await expect(page.getByRole("heading", { name: "Bacaan fakta" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Tempat" }).first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/rubric-playground.png`, fullPage: true });
});
