/**
 * Every spec imports `test` from here: a page that throws (an uncaught error, a failed hydration)
 * or logs a console error fails the test that opened it. Pages also work without JavaScript, so
 * a broken client bundle went unnoticed for weeks; this makes it impossible to miss.
 * A 4xx/5xx document or resource a test asked for on purpose logs "Failed to load resource";
 * those are allowed by default, anything else needs `test.use({ allowedConsoleErrors: [...] })`.
 */
import { expect, test as base } from "@playwright/test";

export { expect };
export type { Page } from "@playwright/test";

type Fixtures = { allowedConsoleErrors: RegExp[]; pageErrors: string[] };

const EXPECTED_STATUS = /^Failed to load resource: the server responded with a status of (4\d\d|503)/;

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  pageErrors: [
    async ({ context, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      context.on("page", (page) => {
        page.on("pageerror", (error) => errors.push(`pageerror on ${page.url()}: ${error.message}`));
        page.on("console", (msg) => {
          if (msg.type() !== "error") return;
          const text = msg.text();
          if (EXPECTED_STATUS.test(text) || allowedConsoleErrors.some((r) => r.test(text))) return;
          errors.push(`console error on ${page.url()}: ${text}`);
        });
      });
      await use(errors);
      expect(errors, "the page threw or logged an error").toEqual([]);
    },
    { auto: true },
  ],
});
