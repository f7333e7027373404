import { expect, test, type Page } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

/** Issue 15: the pages newcomers judge Sigap by, at a 360 px phone and a 1280 px laptop. */
const WIDTHS = [360, 1280] as const;
const ISO_MONTH = /\b20\d\d-(0[1-9]|1[0-2])\b/;

async function pageOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const width of WIDTHS) {
  test(`dashboard at ${width} px: seeded history in every column and both charts, months as "Des 2026" (issue 15 item 5, failed on main)`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await signIn(page, demo.manager);
    await page.goto("/kelola");
    await page.getByLabel("Kursus", { exact: true }).selectOption({ label: "Etika Merespons Warga" });
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect(page.getByRole("heading", { name: "Per unit: Etika Merespons Warga" })).toBeVisible();
    // Every status column of the course's summary row has people in it.
    const row = page.getByRole("row", { name: /^Etika Merespons Warga/ });
    const cells = await row.getByRole("cell").allInnerTexts();
    expect(cells.length).toBe(8);
    for (const c of cells) expect(Number(c)).toBeGreaterThan(0);
    const completion = page.getByRole("img", { name: "Persentase penyelesaian per unit" });
    const monthly = page.getByRole("img", { name: "Sertifikat terbit per bulan (12 bulan terakhir)" });
    await expect(completion).toBeVisible();
    await expect(monthly).toBeVisible();
    const months = await monthly.innerText();
    expect(months).not.toMatch(ISO_MONTH);
    expect(months).toMatch(/(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) 20\d\d/);
    // Chart text is as large as the page's on a phone (not an SVG shrunk to 7 px).
    const fontSize = await monthly
      .locator(".bar-label")
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(13);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    // The unit table scrolls inside its box with the unit names pinned.
    const tree = page.locator("table.unit-tree");
    const firstUnit = tree.getByRole("rowheader").first();
    const before = (await firstUnit.boundingBox())!.x;
    await tree.locator("xpath=..").evaluate((el) => el.scrollBy(400, 0));
    expect(Math.abs((await firstUnit.boundingBox())!.x - before)).toBeLessThan(2);
    await page.screenshot({ path: `${screenshotDir}/dashboard-${width}.png`, fullPage: true });
    await page.close();
  });

  test(`verification page fits a ${width} px screen (issue 15 item 8, failed on main at 360 px)`, async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    // The demo learner holds a valid certificate from the seeded history (item 5).
    await signIn(page, demo.learner);
    await page.goto("/saya/sertifikat");
    const href = (await page.getByRole("link", { name: "Halaman verifikasi" }).first().getAttribute("href"))!;
    await page.context().clearCookies();
    await page.goto(href);
    await expect(page.getByText("SAH — sertifikat ini terdaftar di Sigap.")).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotDir}/verify-${width}.png`, fullPage: true });
    await page.close();
  });

  test(`DM exercise at ${width} px: the citizen's message on the first screen, the briefing folded above it on a phone (issue 15 item 9, failed on main at 360 px)`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ viewport: { width, height: 780 } });
    await signIn(page, "peserta12@demo.sigap.id");
    await page.goto("/latihan/dm-syarat-ktp");
    const message = page.locator(".msg-in").first();
    await expect(message).toBeVisible();
    expect((await message.boundingBox())!.y).toBeLessThan(780);
    if (width === 360) {
      const toggle = page.getByText("Baca pengarahan dan yang Anda ketahui sebagai admin");
      await expect(toggle).toBeVisible();
      expect((await toggle.boundingBox())!.y).toBeLessThan((await message.boundingBox())!.y);
      await expect(page.getByRole("heading", { name: "Pengarahan" })).toBeHidden();
      await toggle.click();
      await expect(page.getByRole("heading", { name: "Pengarahan" })).toBeVisible();
      await toggle.click();
    } else {
      await expect(page.getByRole("heading", { name: "Pengarahan" })).toBeVisible();
    }
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotDir}/dm-${width}.png`, fullPage: true });
    await page.close();
  });
}
