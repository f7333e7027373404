/**
 * The test SSO ASN provider of the end-to-end run: a fixed loopback port next to the app's
 * (E2E_PORT + 1000, so parallel runs on other E2E_PORTs do not collide). The app is started
 * with these settings (playwright.config.ts); sso.spec.ts starts the provider itself, so the
 * other specs only see the button on /masuk and never talk to it.
 */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

export const ssoIdp = {
  port: e2ePort + 1000,
  issuer: `http://127.0.0.1:${e2ePort + 1000}`,
  clientId: "sigap-e2e",
  clientSecret: "rahasia-klien-e2e",
  redirectUri: `http://localhost:${e2ePort}/masuk/sso/kembali`,
};
