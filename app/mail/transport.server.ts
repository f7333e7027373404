import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/utils/env.server";

let cached: { url: string; transport: Transporter } | null = null;

/**
 * The SMTP transport for SMTP_URL (one per URL, reused), or null when Sigap has no mail server:
 * messages then stay in the outbox. Pooled: a batch of messages goes over one open connection
 * instead of a new connection, greeting and (for smtps) TLS handshake each — on loopback that was
 * ~110 ms a message. `?pool=false` in SMTP_URL turns it off (the URL's settings win).
 */
export function smtpTransport(): Transporter | null {
  const url = env.smtpUrl;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport({ url, pool: true, maxConnections: 2 }, { from: env.smtpFrom }) };
  }
  return cached.transport;
}

/** Closes the pooled connections (on shutdown, and in tests before their SMTP server stops). */
export function closeSmtpTransport() {
  cached?.transport.close();
  cached = null;
}

export async function sendViaSmtp(transport: Transporter, message: { to: string; subject: string; text: string; id: string }) {
  await transport.sendMail({
    from: env.smtpFrom,
    to: message.to,
    subject: message.subject,
    text: message.text,
    // The same message id on a retry lets a mail server recognise the duplicate.
    messageId: `<${message.id}@sigap>`,
  });
}
