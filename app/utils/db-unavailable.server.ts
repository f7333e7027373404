import { json } from "@remix-run/node";
import type { KeptField, UnavailableData } from "~/components/kept-form";
import type { MessageKey } from "~/i18n";
import { getLang, plainTextAnswer, serverTranslator } from "./i18n.server";

// postgres.js / Node socket codes and SQLSTATEs that mean "no database right now", not "bad query".
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown (server stopping or restarting)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, recovery)
  "53300", // too_many_connections
]);

/** True when `error` (or anything in its cause chain) says the database cannot be reached. */
export function isDbUnavailable(error: unknown): boolean {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === "string" && /PGlite is closed/i.test(message)) return true;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}

const RETRY_AFTER = "5";

/**
 * The 503 answer (rendered by the root ErrorBoundary), optionally carrying the posted form back.
 * `message` overrides what it says (default: "nothing typed is lost" with a form, "try again" without).
 */
export function dbUnavailable(request: Request, form: UnavailableData["form"] = null, message?: MessageKey): Response {
  const lang = getLang(request);
  const t = serverTranslator(lang);
  const data: UnavailableData = {
    unavailable: true,
    lang,
    messages: { unavailable: t(message ?? (form ? "error.unavailable" : "error.unavailableRetry")), resubmit: t("error.resubmit"), back: t("error.back") },
    form,
  };
  return json(data, { status: 503, headers: { "Retry-After": RETRY_AFTER, "Cache-Control": "no-store" } });
}

/** A download's 503 (CSV, PDF): no page renders it, so it is one translated line of text. */
export function downloadUnavailable(request: Request): Response {
  return plainTextAnswer(request, "error.unavailableDownload", { status: 503, headers: { "Retry-After": RETRY_AFTER, "Cache-Control": "no-store" } });
}

export type ShownFields = Record<string, { show: NonNullable<KeptField["show"]>; label: MessageKey }>;

/** The posted fields for the kept form: those in `shown` visible (passwords blanked), the rest hidden. */
export function keptForm(request: Request, form: FormData, shown: ShownFields, multipart = false): NonNullable<UnavailableData["form"]> {
  const t = serverTranslator(getLang(request));
  const fields: KeptField[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const spec = shown[name];
    const secret = spec?.show === "password" || spec?.show === "new-password";
    fields.push(spec ? { name, value: secret ? "" : value, show: spec.show, label: t(spec.label) } : { name, value });
  }
  const url = new URL(request.url);
  return { action: url.pathname + url.search, fields, ...(multipart ? { multipart } : {}) };
}
