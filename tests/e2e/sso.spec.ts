import type { BrowserContext } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../setup/oidc-provider";
import { screenshotDir, signOut } from "./helpers";
import { ssoIdp } from "./sso-idp";
import { expect, test, type Page } from "./fixtures";

/**
 * "Masuk dengan SSO ASN" against a real OpenID provider on a loopback port (decision 017). The
 * app runs with OIDC_* pointing there (playwright.config.ts); this file starts the provider.
 */

// The seeded demo learner peserta@demo.sigap.id (Rina Marlina) has db/seed.ts's demoNip(4).
const RINA_NIP = "198405052014091004";
const accounts = new Map<string, Record<string, unknown>>([
  ["rina", { nip: RINA_NIP, name: "Rina Marlina", email: "rina.marlina@sso.bkn.example", email_verified: false }],
  ["asing", { nip: "199912312020121001", name: "Pegawai Asing", email: "asing@sso.bkn.example", email_verified: true }],
]);

let idp: TestOidcProvider;
test.beforeAll(async () => {
  idp = await startOidcProvider({
    port: ssoIdp.port,
    clientId: ssoIdp.clientId,
    clientSecret: ssoIdp.clientSecret,
    redirectUris: [ssoIdp.redirectUri],
    accounts,
  });
});
test.afterAll(async () => {
  await idp?.close();
});

/** The provider's development login page imports a web font; there is no internet here. */
async function offlineFonts(context: BrowserContext) {
  await context.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
}

/** On the provider's login page: its development login takes any password; the login names the account. */
async function providerLogin(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${ssoIdp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("sandi-sso-apa-saja");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a demo learner signs in through SSO ASN by NIP, lands where she was going, and signs out", async ({ page, context }) => {
  await offlineFonts(context);
  await page.goto("/masuk?ke=%2Fsaya%2Fsertifikat");
  const button = page.getByRole("link", { name: "Masuk dengan SSO ASN" });
  await expect(button).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${screenshotDir}/sso-masuk-${width}.png`, fullPage: true });
  }
  await button.click();
  await providerLogin(page, "rina");

  await expect(page).toHaveURL(/\/saya\/sertifikat$/);
  await expect(page.getByRole("heading", { name: "Sertifikat saya" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Selamat datang, Rina Marlina" })).toBeVisible();
  await signOut(page);
  await page.goto("/saya/sertifikat");
  await expect(page).toHaveURL(/\/masuk\?ke=/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an unknown NIP gets the 'not registered' page and is not signed in", async ({ page, context }) => {
    await offlineFonts(context);
    await page.goto("/masuk");
    await page.getByRole("link", { name: "Masuk dengan SSO ASN" }).click();
    await providerLogin(page, "asing");

    await expect(page).toHaveURL(/\/masuk\/sso\/kembali\?/);
    await expect(page.getByRole("heading", { name: "Akun belum terdaftar" })).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("Akun belum terdaftar, hubungi pengelola pelatihan");
    await expect(page.getByText("NIP yang dikirim SSO ASN: 199912312020121001")).toBeVisible();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${screenshotDir}/sso-belum-terdaftar-360.png`, fullPage: true });

    await page.getByRole("link", { name: "Kembali ke halaman masuk" }).click();
    await expect(page.getByRole("heading", { name: "Masuk ke Sigap" })).toBeVisible();
  });
});
