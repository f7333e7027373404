import { expect, test } from "./fixtures";
import { demo, signIn } from "./helpers";

/**
 * Regression for the probe's first finding: with JavaScript on, every page threw
 * "withOutage503 is not a function" and never hydrated, so every click was a full reload.
 * A marker on `window` survives a client-side navigation and is gone after a reload.
 */
test("the client router takes over: a link click navigates without a reload (failed on main before the pipeline)", async ({ page }) => {
  await signIn(page, demo.learner);
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  await page.evaluate(() => ((window as unknown as { sigapMarker: number }).sigapMarker = 42));
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Kursus" }).click();
  await expect(page).toHaveURL(/\/kursus$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sigapMarker?: number }).sigapMarker)).toBe(42);
});

/**
 * Issue 18: the lesson HTML is sent once (in the markup), not again in the page data. Hydration
 * must keep it, and a client navigation to the next lesson and back must bring each lesson's text.
 */
test("a lesson keeps its text through hydration and client navigations (its HTML is not in the page data)", async ({ page }) => {
  await signIn(page, demo.learner);
  const response = await page.goto("/kursus/tata-kelola-media-sosial/konten-yang-melayani");
  const html = (await response?.text()) ?? "";
  const data = /window\.__remixContext = (.*?);<\/script>/s.exec(html)?.[1] ?? "";
  expect(data).toContain('"html":""');
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  const prose = page.locator(".prose").first();
  const text = () => prose.evaluate((e) => e.textContent ?? "");
  const first = await text();
  expect(first.length).toBeGreaterThan(200);
  await page.evaluate(() => ((window as unknown as { sigapMarker: number }).sigapMarker = 7));
  await page.getByRole("navigation", { name: "Daftar materi" }).getByRole("link").last().click();
  await expect(page).not.toHaveURL(/konten-yang-melayani/);
  await expect.poll(text).not.toBe(first);
  expect((await text()).length).toBeGreaterThan(100);
  await page.goBack();
  await expect(page).toHaveURL(/konten-yang-melayani/);
  await expect.poll(text).toBe(first);
  expect(await page.evaluate(() => (window as unknown as { sigapMarker?: number }).sigapMarker)).toBe(7);
});
