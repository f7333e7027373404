import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable Sigap reads, checked once at boot (`loadEnv`, called by the server
 * and the CLIs) so a typo stops the start with one line naming the variable, not a stack trace
 * minutes later. `env` reads the live values on each access, so tests and CLIs can point the app
 * elsewhere after boot.
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).optional(),
  /** postgres://… — without it, embedded PGlite under DATA_DIR. */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATA_DIR: optionalText,
  CONTENT_DIR: optionalText,
  BUILD_DIR: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: optionalText,
  /** The address people use to reach Sigap (QR codes, links in CSVs and e-mails); https here also marks cookies Secure. */
  PUBLIC_URL: optionalText.pipe(z.string().url("must be a full URL such as https://sigap.example.go.id").optional()),
  /** Proxies in front of the app that append to X-Forwarded-For; 0 = browsers connect directly. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** smtp://user:pass@host:587 or smtps://… — without it, e-mails stay in the admins' outbox (/admin/kotak-keluar). */
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
  ),
  /** The From address of Sigap's e-mails, e.g. "Sigap <sigap@bkpsdm.example.go.id>". */
  SMTP_FROM: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Validates process.env; throws EnvError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
  throw new EnvError(`Invalid environment variable${lines.length > 1 ? "s" : ""}:\n${lines.join("\n")}`);
}

/** For entry points: validate or print the problem and exit 1. */
export function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[sigap] ${error.message}`);
    process.exit(1);
  }
}

/** Read on every access so tests and CLIs can point the app at other directories. */
export const env = {
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
  },
  get dataDir() {
    return process.env.DATA_DIR || path.resolve("data");
  },
  get isProduction() {
    return process.env.NODE_ENV === "production";
  },
  get contentDir() {
    return process.env.CONTENT_DIR || path.resolve("content");
  },
  get buildDir() {
    return process.env.BUILD_DIR || path.resolve("build");
  },
  get publicUrl() {
    return process.env.PUBLIC_URL || undefined;
  },
  get smtpUrl() {
    return process.env.SMTP_URL || undefined;
  },
  get smtpFrom() {
    return process.env.SMTP_FROM || "Sigap <no-reply@sigap.invalid>";
  },
  /** Proxy hops in front of the app that append to X-Forwarded-For (default 0: trust the socket only). */
  get trustedProxies() {
    return Math.max(0, Number(process.env.TRUSTED_PROXIES ?? 0) || 0);
  },
};

/** The origin links and QR codes point to: PUBLIC_URL, else the request's own. */
export function publicOrigin(request: Request): string {
  return env.publicUrl ? new URL(env.publicUrl).origin : new URL(request.url).origin;
}

/** The origin of links in e-mails sent in the background (no request at hand): PUBLIC_URL, else this machine. */
export function mailOrigin(): string {
  return env.publicUrl ? new URL(env.publicUrl).origin : `http://localhost:${process.env.PORT || 3000}`;
}
