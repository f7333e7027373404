import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
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
    command: `rm -rf ${dataDir} && ${content} && npm run build && DATA_DIR=${dataDir} CONTENT_DIR=${contentDir} npm run setup && DATA_DIR=${dataDir} CONTENT_DIR=${contentDir} PORT=${PORT} npm run serve`,
    cwd: "..",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
