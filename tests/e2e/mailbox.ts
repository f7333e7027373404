/**
 * The end-to-end run's mail server (decision 019): a real SMTP server on a loopback port next to
 * the app's (E2E_PORT + 2000), started by Playwright as the first web server (tests/e2e/smtp-sink.ts).
 * The app is started with SMTP_URL pointing at it; every message it accepts is written as one JSON
 * file in `dir`, which specs read with `mailTo`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { e2ePort } from "./sso-idp";

export const smtpSink = {
  port: e2ePort + 2000,
  url: `smtp://127.0.0.1:${e2ePort + 2000}`,
  dir: path.resolve(`data/e2e-${e2ePort}-mail`),
};

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; receivedAt: string };

/** Everything the mail server received for this address, oldest first. */
export function mailTo(address: string): ReceivedMail[] {
  if (!existsSync(smtpSink.dir)) return [];
  return readdirSync(smtpSink.dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(smtpSink.dir, f), "utf8")) as ReceivedMail)
    .filter((m) => m.to.includes(address.toLowerCase()));
}
