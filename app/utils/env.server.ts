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

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["production", "development", "test"]).optional(),
    /** postgres://… — without it, embedded PGlite under DATA_DIR. */
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
    /** postgres://… of a streaming replica: report reads go there (docs/operations/scale-out.md). Needs DATABASE_URL. */
    DATABASE_REPLICA_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
    /** After a form post, this browser's report reads stay on the primary this long (read-your-writes). */
    READ_YOUR_WRITES_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    DATA_DIR: optionalText,
    CONTENT_DIR: optionalText,
    BUILD_DIR: optionalText,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: optionalText,
    /** The address people use to reach Sigap (QR codes, links in CSVs and e-mails); https here also marks cookies Secure. */
    PUBLIC_URL: optionalText.pipe(z.string().url("must be a full URL such as https://sigap.example.go.id").optional()),
    /** Proxies in front of the app that append to X-Forwarded-For; 0 = browsers connect directly. */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    /** "Masuk dengan SSO ASN" (OpenID Connect): the provider's issuer URL, e.g. BKN's Keycloak realm. Unset = no SSO button. */
    OIDC_ISSUER: optionalText.pipe(z.string().url("must be the issuer URL, such as https://sso.example.go.id/realms/asn").optional()),
    OIDC_CLIENT_ID: optionalText,
    /** Secret of a confidential client; leave unset for a public client (PKCE alone). */
    OIDC_CLIENT_SECRET: optionalText,
    /** The claim carrying the 18-digit NIP (default `nip`). */
    OIDC_NIP_CLAIM: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "must be a claim name such as nip")
        .optional(),
    ),
    /** smtp://user:pass@host:587 or smtps://… — without it, e-mails stay in the admins' outbox (/admin/kotak-keluar). */
    SMTP_URL: optionalText.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
        .optional(),
    ),
    /** The From address of Sigap's e-mails, e.g. "Sigap <sigap@bkpsdm.example.go.id>". */
    SMTP_FROM: optionalText,
  })
  .superRefine((v, ctx) => {
    // Half a configuration is a typo, not a choice: say so at boot instead of hiding the button.
    if (!!v.OIDC_ISSUER !== !!v.OIDC_CLIENT_ID)
      ctx.addIssue({ code: "custom", path: [v.OIDC_ISSUER ? "OIDC_CLIENT_ID" : "OIDC_ISSUER"], message: "OIDC_ISSUER and OIDC_CLIENT_ID are set together" });
    if (v.DATABASE_REPLICA_URL && !v.DATABASE_URL)
      ctx.addIssue({ code: "custom", path: ["DATABASE_REPLICA_URL"], message: "needs DATABASE_URL (the primary it replicates)" });
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
  /** Only with DATABASE_URL: a replica of an embedded PGlite makes no sense. */
  get databaseReplicaUrl() {
    return (process.env.DATABASE_URL && process.env.DATABASE_REPLICA_URL) || undefined;
  },
  get readYourWritesSeconds() {
    const n = Number(process.env.READ_YOUR_WRITES_SECONDS ?? 10);
    return Number.isFinite(n) && n >= 0 ? n : 10;
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
  /** Compiled lessons are cached under here; `npm run dev` (NODE_ENV=development) keeps its own next to its build. */
  get buildDir() {
    return process.env.BUILD_DIR || path.resolve(process.env.NODE_ENV === "development" ? ".cache/dev/build" : "build");
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
  /** The SSO ASN provider, or null when it is not configured (no button, /masuk/sso answers 404). */
  get oidc(): OidcSettings | null {
    const issuer = process.env.OIDC_ISSUER?.trim();
    const clientId = process.env.OIDC_CLIENT_ID?.trim();
    if (!issuer || !clientId) return null;
    return { issuer, clientId, clientSecret: process.env.OIDC_CLIENT_SECRET?.trim() || undefined, nipClaim: process.env.OIDC_NIP_CLAIM?.trim() || "nip" };
  },
};

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string | undefined; nipClaim: string };

/** The origin links and QR codes point to: PUBLIC_URL, else the request's own. */
export function publicOrigin(request: Request): string {
  return env.publicUrl ? new URL(env.publicUrl).origin : new URL(request.url).origin;
}

/** The origin of links in e-mails sent in the background (no request at hand): PUBLIC_URL, else this machine. */
export function mailOrigin(): string {
  return env.publicUrl ? new URL(env.publicUrl).origin : `http://localhost:${process.env.PORT || 3000}`;
}
