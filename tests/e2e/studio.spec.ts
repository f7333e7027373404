import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

// A draft course of deliberate mistakes, copied next to the shipped ones (playwright.config.ts).
const FIXTURE = "/studio-uji";
const IMAGE_ALT = /^Dua contoh unggahan\. Atas, seremonial: foto rapat koordinasi/;

test("studio preview: the file's content:check problems above the lesson, unknown component and syntax error inline (issue 15 item 12)", async ({ page }) => {
  await signIn(page, demo.instructor);
  const res = await page.goto(`/studio${FIXTURE}/komponen-asing`);
  expect(res?.status()).toBe(200);
  const check = page.getByRole("region", { name: /^Pemeriksaan berkas: 2 kesalahan, 0 peringatan/ });
  await expect(check.getByText("studio-uji/01-komponen-asing.mdx")).toBeVisible();
  await expect(
    check.getByRole("listitem").filter({ hasText: "Baris 12:1 komponen <Foo> tidak dikenal; yang boleh: Callout, DoDont, Example, Glossary, Quiz" }),
  ).toBeVisible();
  await expect(check.getByRole("listitem").filter({ hasText: /^Baris 16:1 gambar media\/kotak\.svg memerlukan teks alternatif/ })).toBeVisible();
  // The lesson itself, with the unknown component marked where it stands.
  await expect(page.getByRole("heading", { level: 1, name: "Komponen Asing" })).toBeVisible();
  await expect(page.getByRole("note")).toHaveText(/^Komponen <Foo> tidak dikenal/);
  await expect(page.getByText("Paragraf sesudah komponen asing juga tetap tampil.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Kotak hijau sebagai contoh gambar" })).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: `${screenshotDir}/studio-preview-errors-${width}.png`, fullPage: true });
  }

  expect((await page.goto(`/studio${FIXTURE}/sintaks-rusak`))?.status()).toBe(200);
  await expect(page.getByRole("listitem").filter({ hasText: /^Baris 10:1 sintaks MDX salah: Expected a closing tag for `<Callout>`/ })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText(/^Isi materi ini tidak dapat ditampilkan/);

  // A clean lesson with its image: the check passes, the image is there for the reviewer too.
  await page.goto("/studio/tata-kelola-media-sosial/konten-yang-melayani");
  await expect(page.getByRole("region", { name: "Pemeriksaan berkas: lolos, tanpa kesalahan" })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole("img", { name: IMAGE_ALT }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshotDir}/studio-preview-image-360.png` });
});

test("a learner sees the lesson image with its alt text, loaded and no wider than a phone (issue 15 item 13)", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demo.learner);
  await page.goto("/kursus/tata-kelola-media-sosial/konten-yang-melayani");
  const image = page.getByRole("img", { name: IMAGE_ALT });
  await expect(image).toHaveAttribute("src", "/media/tata-kelola-media-sosial/unggahan-seremonial-vs-layanan.svg");
  await expect(image).toHaveAttribute("loading", "lazy");
  await expect(image).toHaveAttribute("width", "340");
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const box = (await image.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(360);
  expect(box.height / box.width).toBeCloseTo(810 / 340, 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${screenshotDir}/lesson-image-360.png` });
});
