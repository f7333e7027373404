import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn } from "./helpers";
import { mailAppURL, startMailApp, startSmtpSink } from "./mailbox";

// peserta17 is used by no other spec: this one changes its password.
const LEARNER = "peserta17@demo.sigap.id";
const NEW_PASSWORD = "sandi-baru-lewat-tautan-2026";

test("forgot password without SMTP: the request in the admin outbox and with the manager, whose one-use link sets a new password", async ({
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
  // Other specs' mail (reminders, certificates) can push it past the first page: look it up by recipient.
  await admin.getByLabel("Penerima (alamat e-mail)").fill(LEARNER);
  await admin.getByRole("button", { name: "Tampilkan" }).click();
  await expect(admin).toHaveURL(/kepada=/);
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

// peserta18 is used by no other spec: the test below changes its password (on its own server).
const MAILED_LEARNER = "peserta18@demo.sigap.id";
const MAILED_PASSWORD = "sandi-baru-lewat-surel-2026";

test.describe("with a mail server", () => {
  // A second Sigap with SMTP_URL and a real SMTP server on loopback (see ./mailbox.ts).
  test.use({ baseURL: mailAppURL });
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: Awaited<ReturnType<typeof startMailApp>> | undefined;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    smtp = await startSmtpSink();
    app = await startMailApp(smtp.url);
  });
  test.afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  test("forgot password through the local SMTP server: the mailed one-use link sets a new password and ends the old session", async ({ page, browser }) => {
    test.setTimeout(120_000);
    // A session from before the reset, on another device.
    const before = await (await browser.newContext({ baseURL: mailAppURL })).newPage();
    await signIn(before, MAILED_LEARNER);

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/masuk");
    await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
    // Wait for the new page: /masuk has an Email field too.
    await expect(page.getByRole("heading", { name: "Lupa kata sandi" })).toBeVisible();
    await page.getByLabel("Email").fill(MAILED_LEARNER);
    await page.getByRole("button", { name: "Minta tautan" }).click();
    const requested = Date.now();
    await expect(page.getByRole("status")).toContainText("sudah dikirim ke sana");
    await page.screenshot({ path: `${screenshotDir}/forgot-password-mailed-360.png`, fullPage: true });

    // The message arrives at the SMTP server within seconds, whatever reminders the tick queued.
    const resets = () => smtp.mailTo(MAILED_LEARNER).filter((m) => m.subject === "Atur ulang kata sandi Sigap");
    await expect.poll(() => resets().length, { timeout: 15_000 }).toBe(1);
    const mail = resets()[0]!;
    console.log(`[mail] reset mail received ${mail.receivedAt - requested} ms after the request`);
    expect(mail.from).toContain("sigap-e2e@sigap.test");
    const link = /https?:\/\/\S+\/atur-sandi\/[\w-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeTruthy();
    expect(new URL(link!).origin).toBe(mailAppURL);

    await page.goto(link!);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill(MAILED_PASSWORD);
    await page.getByLabel("Ulangi kata sandi baru").fill(MAILED_PASSWORD);
    await page.getByRole("button", { name: "Simpan dan masuk" }).click();
    await expect(page.getByText("Kata sandi tersimpan. Silakan masuk.")).toBeVisible();
    await signIn(page, MAILED_LEARNER, MAILED_PASSWORD);

    // One use: the same link is refused now.
    await page.goto(link!);
    await expect(page.getByText("Tautan ini tidak berlaku")).toBeVisible();
    // The session from before the reset has ended.
    await before.goto("/saya/sertifikat");
    await expect(before).toHaveURL(/\/masuk/);

    // The admins' outbox page lists the message as sent.
    const admin = await (await browser.newContext({ baseURL: mailAppURL, viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(admin, demo.admin);
    await admin.goto("/admin/kotak-keluar");
    const row = admin.locator("article", { hasText: MAILED_LEARNER }).filter({ hasText: "Atur ulang kata sandi Sigap" });
    // Newest first, 50 a page: reminders queued since may have pushed it to a later page.
    for (let pageNo = 1; pageNo <= 5; pageNo++) {
      await expect(admin.getByText(new RegExp(`e-mail · halaman ${pageNo} dari`))).toBeVisible();
      if ((await row.count()) > 0) break;
      await admin.getByRole("link", { name: "Berikutnya" }).click();
    }
    await expect(row.first()).toContainText("Terkirim");
  });
});
