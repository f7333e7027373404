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
