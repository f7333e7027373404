import { json } from "@remix-run/node";
import type { KeptField, UnavailableData } from "~/components/kept-form";
import type { MessageKey } from "~/i18n";
import { getLang, serverTranslator } from "./i18n.server";

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

/** The 503 answer (rendered by the root ErrorBoundary), optionally carrying the posted form back. */
export function dbUnavailable(request: Request, form: UnavailableData["form"] = null): Response {
  const lang = getLang(request);
  const t = serverTranslator(lang);
  const data: UnavailableData = {
    unavailable: true,
    lang,
    messages: { unavailable: t("error.unavailable"), resubmit: t("error.resubmit"), back: t("error.back") },
    form,
  };
  return json(data, { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } });
}

/** Runs `fn`; a database outage becomes a thrown 503 page instead of a 500. */
export async function unavailableAs503<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDbUnavailable(error)) throw dbUnavailable(request);
    throw error;
  }
}

export type ShownFields = Record<string, { show: NonNullable<KeptField["show"]>; label: MessageKey }>;

/**
 * Every form action that stores what a learner typed goes through here: it reads the form, runs
 * `handle`, and when the database is unavailable throws a 503 that carries the form back (visible
 * fields as given in `shown`, the rest hidden; passwords never echoed). The idempotency key rides
 * along, so sending the kept form again cannot store anything twice.
 */
export async function keepFormOnOutage<T>(request: Request, shown: ShownFields, handle: (form: FormData) => Promise<T>): Promise<T> {
  const form = await request.formData();
  try {
    return await handle(form);
  } catch (error) {
    if (!isDbUnavailable(error)) throw error;
    const t = serverTranslator(getLang(request));
    const fields: KeptField[] = [];
    for (const [name, value] of form.entries()) {
      if (typeof value !== "string") continue;
      const spec = shown[name];
      fields.push(spec ? { name, value: spec.show === "password" ? "" : value, show: spec.show, label: t(spec.label) } : { name, value });
    }
    const url = new URL(request.url);
    throw dbUnavailable(request, { action: url.pathname + url.search, fields });
  }
}
