import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import matter from "gray-matter";
import { expect, test, type Page } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

/** Issue 16 §5: the post rewrite, clicked through as a learner would — a bad rewrite, then a good one. */
const SLUG = "unggahan-loket-sabtu-mpp";
const COURSE = "tata-kelola-media-sosial";
const data = matter(readFileSync(`content/courses/${COURSE}/30-${SLUG}.mdx`, "utf8")).data as {
  title: string;
  original: { text: string };
  image: { description: string };
  modelAnswer: string;
};

async function rewrite(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Unggahan Anda" }).fill(text);
  await page.getByRole("button", { name: "Kirim untuk dinilai" }).click();
  await expect(page.getByRole("heading", { name: "Hasil penilaian unggahan" })).toBeVisible();
}

async function practise(page: Page, shots = false) {
  await page.goto(`/latihan/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: data.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Unggahan seremonial yang terbit" })).toBeVisible();
  await expect(page.getByText(data.original.text)).toBeVisible();
  await expect(page.getByText(data.image.description)).toBeVisible();
  // Nothing of the answer before the learner has written one.
  expect(await page.content()).not.toContain(data.modelAnswer.slice(0, 60));
  if (shots) {
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${screenshotDir}/post-form-${width}.png`, fullPage: true });
    }
  }

  // The cheater's move: the ceremonial post pasted back. It fails, and says why.
  await rewrite(page, data.original.text);
  await expect(page.getByText(/Belum lulus\. Baca penjelasan di bawah/)).toBeVisible();
  const feedback = page.getByRole("region", { name: "Umpan balik" });
  await expect(feedback.getByText("Menyalin unggahan seremonial")).toBeVisible();
  await expect(feedback.getByText(/Tulis ulang dengan kata-kata Anda sendiri/)).toBeVisible();
  await expect(feedback.getByText("Teks alternatif menjelaskan foto petugas dan papan loket")).toBeVisible();
  await expect(page.getByText(data.modelAnswer.slice(0, 60))).toBeVisible();
  if (shots) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${screenshotDir}/post-failed-${width}.png`, fullPage: true });
    }
  }

  // Try again with a real service post.
  await page.getByRole("link", { name: "Coba lagi" }).click();
  await expect(page.getByRole("textbox", { name: "Unggahan Anda" })).toBeEmpty();
  await rewrite(page, data.modelAnswer);
  await expect(page.getByText(/Lulus\. Latihan ini tercatat selesai\./)).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Umpan balik" })
      .getByText(/Sudah tepat/)
      .first(),
  ).toBeVisible();
  if (shots) await page.screenshot({ path: `${screenshotDir}/post-passed-1280.png`, fullPage: true });

  // The history lists both attempts; the course counts the exercise as complete.
  await expect(page.getByRole("link", { name: "Lihat" })).toHaveCount(2);
  await page.goto(`/kursus/${COURSE}`);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: data.title }) });
  await expect(item.getByText(/^Latihan unggahan ·/)).toBeVisible();
  await expect(item.getByText("Selesai", { exact: true })).toBeVisible();
}

test("a learner rewrites a ceremonial post: the pasted original fails with reasons, a service post passes", async ({ page }) => {
  await signIn(page, "peserta33@demo.sigap.id");
  await practise(page, true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same exercise works with plain form posts", async ({ page }) => {
    await signIn(page, "peserta34@demo.sigap.id");
    await practise(page);
  });
});

test("an instructor tries a rewrite in the rubric playground and reads the post's agreement", async ({ page }) => {
  await signIn(page, demo.instructor);
  await page.goto("/studio/uji-rubrik");
  await page.getByLabel("Latihan / Giliran").selectOption(`${SLUG}#unggahan`);
  await page.getByLabel("Contoh balasan").fill(data.original.text);
  await page.getByRole("button", { name: "Nilai" }).click();
  // The post's own checks speak: the pasted original is a copy.
  await expect(page.getByText(/Skor giliran: \d+ — belum lulus/)).toBeVisible();
  await expect(page.getByText("Menyalin unggahan seremonial").first()).toBeVisible();
  await page.getByLabel("Contoh balasan").fill(data.modelAnswer);
  await page.getByRole("button", { name: "Nilai" }).click();
  await expect(page.getByText(/Skor giliran: \d+ — lulus/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bacaan fakta" })).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/playground-post-${width}.png`, fullPage: true });
  }

  await page.goto("/studio/kesepakatan");
  await page.getByLabel("Latihan").selectOption(SLUG);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByRole("heading", { level: 2, name: data.title })).toBeVisible();
});
