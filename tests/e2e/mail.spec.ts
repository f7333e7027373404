import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";

// peserta17 is used by no other spec: this one changes its password.
const LEARNER = "peserta17@demo.sigap.id";
const NEW_PASSWORD = "sandi-baru-lewat-tautan-2026";

test("forgot password end to end: request, the message in the admin outbox, the manager's one-use link, new password, link used up", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/masuk");
  await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
  await expect(page.getByRole("heading", { name: "Lupa kata sandi" })).toBeVisible();
  await page.getByLabel("Email").fill(LEARNER);
  await page.getByRole("button", { name: "Minta tautan" }).click();
  // The e2e server has no SMTP_URL: the request goes to the outbox and to the learner's manager.
  await expect(page.getByRole("status")).toContainText("diteruskan");
  await page.screenshot({ path: `${screenshotDir}/forgot-password-360.png`, fullPage: true });

  const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Kotak keluar e-mail" }).click();
  const message = admin.locator("article", { hasText: LEARNER }).first();
  await expect(message.getByRole("heading", { name: "Atur ulang kata sandi Sigap" })).toBeVisible();
  await admin.screenshot({ path: `${screenshotDir}/admin-outbox-1280.png` });
  // Without SMTP the request also waits for the learner's manager (issue 15 item 7), who issues a
  // one-use link on the account page. (Delivery by the queue itself is tested in mail.test.ts.)
  const manager = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(manager, demo.managerBanten);
  await manager.goto("/kelola/pengguna?q=" + encodeURIComponent(LEARNER));
  await manager.locator("main table a").first().click();
  await expect(manager.getByText(/meminta kata sandi baru/)).toBeVisible();
  await manager.getByRole("button", { name: "Terbitkan ulang tautan atur kata sandi" }).click();
  const link = (await manager.locator("code").filter({ hasText: "/atur-sandi/" }).first().textContent())?.trim();
  expect(link).toMatch(/\/atur-sandi\/[\w-]+$/);

  await page.goto(new URL(link!).pathname);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Ulangi kata sandi baru").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Simpan dan masuk" }).click();
  await expect(page.getByText("Kata sandi tersimpan. Silakan masuk.")).toBeVisible();
  await signIn(page, LEARNER, NEW_PASSWORD);

  await page.goto(new URL(link!).pathname);
  await expect(page.getByText("Tautan ini tidak berlaku")).toBeVisible();
});
