/**
 * `tsx tests/e2e/smtp-sink.ts`: the end-to-end run's SMTP server (see ./mailbox.ts). Accepts every
 * message on loopback without authentication and writes it, decoded, as one JSON file.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { smtpSink, type ReceivedMail } from "./mailbox";

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

rmSync(smtpSink.dir, { recursive: true, force: true });
mkdirSync(smtpSink.dir, { recursive: true });
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const mail: ReceivedMail = {
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        ...decode(Buffer.concat(chunks).toString("utf8")),
        receivedAt: new Date().toISOString(),
      };
      // Written whole, then renamed: a reader never sees half a file.
      const file = path.join(smtpSink.dir, `${String(++count).padStart(6, "0")}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify(mail, null, 2));
      renameSync(`${file}.tmp`, file);
      callback();
    });
  },
});
server.listen(smtpSink.port, "127.0.0.1", () => console.log(`[smtp-sink] ${smtpSink.url} → ${smtpSink.dir}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));
