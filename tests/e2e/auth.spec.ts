import { expect, test } from "./fixtures";
import { demo, screenshotDir, signIn, signOut } from "./helpers";

const roles: { email: string; role: string; nav: string[] }[] = [
  { email: demo.admin, role: "Administrator", nav: ["Kelola", "Studio"] },
  { email: demo.instructor, role: "Instruktur", nav: ["Studio"] },
  { email: demo.manager, role: "Manajer pelatihan", nav: ["Kelola"] },
  { email: demo.managerBanten, role: "Manajer pelatihan", nav: ["Kelola"] },
  { email: demo.learner, role: "Peserta", nav: [] },
];

for (const { email, role, nav } of roles) {
  test(`signs in and out as ${email}`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByText(`Peran Anda: ${role}`)).toBeVisible();
    const navigation = page.getByRole("navigation", { name: "Navigasi utama" });
    for (const item of ["Kelola", "Studio"]) {
      await expect(navigation.getByRole("link", { name: item })).toHaveCount(nav.includes(item) ? 1 : 0);
    }
    await signOut(page);
    await page.goto("/akun/kata-sandi");
    await expect(page).toHaveURL(/\/masuk\?ke=/);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signs in, keeps the email after a wrong password, and signs out", async ({ page }) => {
    await page.goto("/masuk");
    await page.getByLabel("Email").fill(demo.manager);
    await page.getByLabel("Kata sandi").fill("salah-kata-sandi");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("Email atau kata sandi salah");
    await expect(page.getByLabel("Email")).toHaveValue(demo.manager);
    await signIn(page, demo.manager);
    await page.getByRole("link", { name: "Kelola" }).first().click();
    await expect(page.getByRole("heading", { name: "Dasbor pelatihan" })).toBeVisible();
    await page.getByRole("navigation", { name: "Kelola" }).getByRole("link", { name: "Akun" }).click();
    await expect(page.getByRole("heading", { name: "Pengguna" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Rina Marlina" })).toBeVisible();
    await signOut(page);
  });
});

test("a Banten manager cannot see OKU users", async ({ page }) => {
  await signIn(page, demo.managerBanten);
  await page.goto("/kelola/pengguna");
  await expect(page.getByRole("cell", { name: "Diskominfo Pandeglang" }).first()).toBeVisible();
  await expect(page.getByText("Rina Marlina")).toHaveCount(0);
  await expect(page.getByText("Disdukcapil OKU")).toHaveCount(0);
});

test("switches to English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  // The sign-in page's strings are a route part (decision 025): its English comes with its loader data.
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Sigap" })).toBeVisible();
  await expect(page).toHaveTitle(/Sign in to Sigap/);
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.getByRole("heading", { name: "Masuk ke Sigap" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Masuk", exact: true })).toBeVisible();
});

test("home page on a 360×740 phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demo.learner);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${screenshotDir}/home-360.png`, fullPage: true });
});

test("refuses a common password, then signs out on every device", async ({ page, browser }) => {
  const email = "peserta15@demo.sigap.id";
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, email);
  await signIn(page, email);
  await page.goto("/akun/kata-sandi");
  await page.getByLabel("Kata sandi saat ini").fill("sigap-demo-2026");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("Indonesia2025!");
  await page.getByLabel("Ulangi kata sandi baru").fill("Indonesia2025!");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByText("Kata sandi ini terlalu umum atau pernah bocor.")).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/account-password-sessions.png`, fullPage: true });
  await page.getByRole("button", { name: "Keluar dari semua perangkat" }).click();
  await expect(page.getByText("Anda sudah keluar dari semua perangkat.")).toBeVisible();
  await phonePage.goto("/kursus");
  await expect(phonePage).toHaveURL(/\/masuk\?ke=/);
  await phone.close();
});
