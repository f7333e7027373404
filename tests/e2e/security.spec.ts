import { expect, test } from "./fixtures";
import { demo, signIn } from "./helpers";

test("documents carry the security headers, and every script runs under the CSP nonce", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const response = (await page.goto("/masuk"))!;
  const headers = response.headers();
  const csp = headers["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e server is plain http on localhost with no PUBLIC_URL: browsers ignore HSTS there, and
  // sending it would only mislead (it is set over https; see the session tests for isHttps).
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Remix's inline scripts must carry the nonce of this response, or the browser blocks them.
  const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
  const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  for (const n of inline) expect(n).toBe(nonce);

  await signIn(page, demo.learner);
  await page.goto("/kursus/etika-merespons-warga");
  await page.getByRole("link").filter({ hasText: /./ }).first().focus();
  expect(violations).toEqual([]);
});

test("the session cookie is httpOnly and SameSite, and a cross-site POST is refused", async ({ page, context, baseURL }) => {
  await signIn(page, demo.learner);
  const cookie = (await context.cookies()).find((c) => c.name === "sigap_session")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("sigap_session");

  const forged = await page.request.post(`${baseURL}/keluar`, { headers: { origin: "https://evil.example" }, form: { scope: "semua" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  await page.goto("/saya/sertifikat");
  await expect(page).toHaveURL(/\/saya\/sertifikat$/);
});
