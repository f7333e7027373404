import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";
import { mailTo } from "./mailbox";

// peserta18 is used by no other spec: this one changes its password.
const LEARNER = "peserta18@demo.sigap.id";
const NEW_PASSWORD = "sandi-baru-lewat-surel-2026";

/**
 * The e2e server sends through a real SMTP server on loopback (tests/e2e/smtp-sink.ts). Without
 * SMTP_URL the request goes to the learner's manager instead: that path is tested through its
 * routes in tests/integration/mail.test.ts.
 */
test("forgot password through the local SMTP server: the mailed one-use link sets a new password and ends the old session", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A session from before the reset, on another device.
  const before = await (await browser.newContext()).newPage();
  await signIn(before, LEARNER);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/masuk");
  await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
  await expect(page.getByRole("heading", { name: "Lupa kata sandi" })).toBeVisible();
  await page.getByLabel("Email").fill(LEARNER);
  await page.getByRole("button", { name: "Minta tautan" }).click();
  const requested = Date.now();
  await expect(page.getByRole("status")).toContainText("sudah dikirim ke sana");
  await page.screenshot({ path: `${screenshotDir}/forgot-password-360.png`, fullPage: true });

  // The message arrives at the SMTP server within seconds, whatever reminders the tick queued.
  await expect.poll(() => mailTo(LEARNER).filter((m) => m.subject === "Atur ulang kata sandi Sigap").length, { timeout: 15_000 }).toBe(1);
  const mail = mailTo(LEARNER).find((m) => m.subject === "Atur ulang kata sandi Sigap")!;
  console.log(`[mail] reset mail received ${Date.parse(mail.receivedAt) - requested} ms after the request`);
  expect(mail.from).toContain("sigap-e2e@sigap.test");
  const link = /https?:\/\/\S+\/atur-sandi\/[\w-]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  expect(new URL(link!).origin).toBe(new URL(page.url()).origin);

  await page.goto(link!);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Ulangi kata sandi baru").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Simpan dan masuk" }).click();
  await expect(page.getByText("Kata sandi tersimpan. Silakan masuk.")).toBeVisible();
  await signIn(page, LEARNER, NEW_PASSWORD);

  // One use: the same link is refused now.
  await page.goto(link!);
  await expect(page.getByText("Tautan ini tidak berlaku")).toBeVisible();
  // The session from before the reset has ended.
  await before.goto("/saya/sertifikat");
  await expect(before).toHaveURL(/\/masuk/);

  // The admins' outbox page lists the message as sent.
  const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Kotak keluar e-mail" }).click();
  const row = admin.locator("article", { hasText: LEARNER }).filter({ hasText: "Atur ulang kata sandi Sigap" }).first();
  // Newest first, 50 a page: reminders queued since may have pushed it to a later page.
  for (let pageNo = 1; pageNo <= 5; pageNo++) {
    await expect(admin.getByText(new RegExp(`e-mail · halaman ${pageNo} dari`))).toBeVisible();
    if ((await row.count()) > 0) break;
    await admin.getByRole("link", { name: "Berikutnya" }).click();
  }
  await expect(row).toContainText("Terkirim");
  await admin.screenshot({ path: `${screenshotDir}/admin-outbox-1280.png` });
});
