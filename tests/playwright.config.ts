import { defineConfig, devices } from "@playwright/test";
import { e2ePort, ssoIdp } from "./e2e/sso-idp";

const PORT = e2ePort;
// SSO ASN points at the test provider that sso.spec.ts starts (decision 017).
const oidcEnv = `OIDC_ISSUER=${ssoIdp.issuer} OIDC_CLIENT_ID=${ssoIdp.clientId} OIDC_CLIENT_SECRET=${ssoIdp.clientSecret}`;
const dataDir = `data/e2e-${PORT}`;
// The shipped courses plus a draft course of deliberate mistakes for the studio preview
// (tests/fixtures/content-studio): content:check keeps such files out of content/ itself.
const contentDir = `${dataDir}-content`;
const content = `rm -rf ${contentDir} && mkdir -p ${contentDir} && cp -R content/. ${contentDir}/ && cp -R tests/fixtures/content-studio/courses/. ${contentDir}/courses/`;

/**
 * End-to-end suite against a production build on a fresh PGlite data directory
 * (or DATABASE_URL when set), in Debian's Chromium — no browser downloads here.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  // Sign-in and grading pages answer in well under a second on a quiet machine; the 2-core CI box
  // also builds and runs the other suites, so a 5 s default turned load into failures.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `rm -rf ${dataDir} && ${content} && npm run build && DATA_DIR=${dataDir} CONTENT_DIR=${contentDir} npm run setup && DATA_DIR=${dataDir} CONTENT_DIR=${contentDir} PORT=${PORT} ${oidcEnv} npm run serve`,
    cwd: "..",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
