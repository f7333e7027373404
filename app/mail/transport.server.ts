import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/utils/env.server";

let cached: { url: string; transport: Transporter } | null = null;

/** The SMTP transport for SMTP_URL (one per URL, reused), or null when Sigap has no mail server: messages then stay in the outbox. */
export function smtpTransport(): Transporter | null {
  const url = env.smtpUrl;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url, { from: env.smtpFrom }) };
  }
  return cached.transport;
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
