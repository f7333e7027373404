import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import matter from "gray-matter";
import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

/** Issue 16 §6: a course's curriculum, generated from its content files, public and printable. */
const COURSE = "aturan-main-asn";
const course = matter(readFileSync(`content/courses/${COURSE}/course.mdx`, "utf8")).data as { title: string; jp: number; minutes: number };

test("the curriculum adds its lessons' minutes up to the course's JP, passes axe and prints without the site header", async ({ page }) => {
  await signIn(page, demo.learner);
  await page.goto(`/kursus/${COURSE}`);
  await page.getByRole("link", { name: "Kurikulum kursus (dapat dicetak)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Kurikulum: ${course.title}` })).toBeVisible();

  const rows = page.locator("table.curriculum-time tbody tr");
  const minutes = (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-lesson-minutes"))))) as number[];
  expect(minutes.length).toBeGreaterThan(5);
  const sum = minutes.reduce((a, b) => a + b, 0);
  expect(sum).toBe(course.minutes);
  await expect(page.locator("[data-total-minutes]")).toHaveText(String(sum));
  const jp = Math.max(0.5, Math.round(sum / 45 / 0.5) * 0.5);
  expect(jp).toBe(course.jp);
  await expect(page.locator("[data-course-jp]")).toHaveAttribute("data-course-jp", String(course.jp));
  for (const heading of [
    "Kompetensi",
    "Tujuan dan indikator keberhasilan per materi",
    "Penilaian dan syarat kelulusan",
    "Evaluasi",
    "Rujukan peraturan dan sumber",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText("UU 14/2008 tentang Keterbukaan Informasi Publik")).toBeVisible();
  await expect(page.getByText(/Survei reaksi peserta/)).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Cetak" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Kursus", exact: true })).toBeHidden();
  await page.getByRole("heading", { name: "Penilaian dan syarat kelulusan" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshotDir}/curriculum-print.png` });
  await page.emulateMedia({ media: "screen" });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotDir}/curriculum-${width}.png` });
  }
});

test("the curriculum is public and refuses unknown courses", async ({ page }) => {
  const response = await page.goto(`/kursus/${COURSE}/kurikulum`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: `Kurikulum: ${course.title}` })).toBeVisible();
  const missing = await page.goto("/kursus/tidak-ada/kurikulum");
  expect(missing?.status()).toBe(404);
});
