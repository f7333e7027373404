import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import matter from "gray-matter";
import { expect, test } from "./fixtures";
import { screenshotDir, signIn } from "./helpers";

/** Issue 16 §5: Instagram and TikTok comments and a WhatsApp Channel update as public exercise channels. */
const exercises = [
  { file: "20-tiktok-ktp-sabtu-bahasa-jawa", label: "Komentar publik TikTok" },
  { file: "21-ig-komentar-foto-kk", label: "Komentar publik Instagram" },
  { file: "22-saluran-wa-dokumen-banjir", label: "Saluran WhatsApp (pembaruan publik)" },
].map((e) => ({
  ...e,
  slug: e.file.replace(/^\d+-/, ""),
  turns: matter(readFileSync(`content/courses/etika-merespons-warga/${e.file}.mdx`, "utf8")).data.turns as { message: string; modelAnswer: string }[],
}));

test("the new public channels show their label and pass with the model answers", async ({ page }) => {
  await signIn(page, "peserta16@demo.sigap.id");
  for (const [i, e] of exercises.entries()) {
    await page.goto(`/latihan/${e.slug}`);
    const chat = page.getByRole("region", { name: e.label });
    await expect(chat.getByText(`${e.label} · `)).toBeVisible();
    await expect(chat.getByText(/publik/i).first()).toBeVisible();
    if (i === 0) {
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${screenshotDir}/channel-tiktok-${width}.png` });
      }
    }
    for (const turn of e.turns) {
      await expect(page.getByText(turn.message)).toBeVisible();
      await page.getByLabel("Balasan Anda").fill(turn.modelAnswer);
      await page.getByRole("button", { name: "Kirim balasan" }).click();
    }
    await expect(page.getByText(/Lulus\. Latihan ini tercatat selesai\./)).toBeVisible();
  }
});
