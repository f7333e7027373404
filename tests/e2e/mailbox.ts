/**
 * E-mail in the end-to-end run (decision 019). The shared e2e server runs without SMTP_URL, as a
 * deployment without a mail server does (its specs read set-password links from the manager's
 * CSV, and a forgotten password goes to the manager). mail.spec.ts also starts, for itself:
 * a real SMTP server on loopback (E2E_PORT + 2000) that keeps what it receives, and a second Sigap
 * on E2E_PORT + 2001 from the same build, with its own demo database and SMTP_URL pointing there.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { SMTPServer } from "smtp-server";
import { e2ePort } from "./sso-idp";

export const smtpPort = e2ePort + 2000;
export const mailAppPort = e2ePort + 2001;
export const mailAppURL = `http://localhost:${mailAppPort}`;

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; receivedAt: number };

/** A real SMTP server on loopback that accepts everything without authentication and keeps it, decoded. */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        received.push({ to, ...decode(Buffer.concat(chunks).toString("utf8")), receivedAt: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", resolve);
  });
  return {
    url: `smtp://127.0.0.1:${smtpPort}`,
    /** Everything received for this address, oldest first. */
    mailTo: (address: string) => received.filter((m) => m.to.includes(address.toLowerCase())),
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The second Sigap: `npm run setup` on a fresh data directory, then the server, from the build and
 * content directory the shared e2e server made. Resolves when /healthz answers.
 */
export async function startMailApp(smtpUrl: string): Promise<{ stop: () => Promise<void> }> {
  const dataDir = `data/e2e-${e2ePort}-smtp`;
  rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    CONTENT_DIR: `data/e2e-${e2ePort}-content`,
    PORT: String(mailAppPort),
    SMTP_URL: smtpUrl,
    SMTP_FROM: "sigap-e2e@sigap.test",
  };
  const tsx = ["node_modules/tsx/dist/cli.mjs"];
  await new Promise<void>((resolve, reject) => {
    const setup = spawn(process.execPath, [...tsx, "app/cli/setup.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    setup.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`setup exited with ${code}`))));
  });
  // Its own process group, so stopping it also stops the node process tsx starts.
  const server: ChildProcess = spawn(process.execPath, [...tsx, "app/cli/serve.ts"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the mail app exited with ${server.exitCode}`);
    const ok = await fetch(`${mailAppURL}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the mail app did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    stop: async () => {
      if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (!process.env.KEEP_MAIL_APP) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A single-part text message as nodemailer writes it: headers, then a quoted-printable, base64 or 7bit body. */
function decode(raw: string): { subject: string; from: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(head)?.[1]?.trim() ?? "";
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
    );
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text = encoding === "quoted-printable" ? qp(body.replace(/=\r\n/g, "")) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { subject: words(header("Subject")), from: header("From"), text: text.replace(/\r\n/g, "\n") };
}

function qp(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === "=" ? /^[0-9A-F]{2}$/i.exec(value.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(value[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
