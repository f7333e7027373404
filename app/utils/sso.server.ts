/**
 * "Masuk dengan SSO ASN": OpenID Connect authorization code flow with PKCE, state and nonce
 * (openid-client v6; decision 017). BKN's SSO is Keycloak, so any standard OpenID provider works.
 * The flow's secrets wait in a short-lived httpOnly cookie scoped to /masuk/sso; the sign-in
 * itself ends in `startSession`, exactly like a password sign-in. No account is ever created here.
 */
import * as oidc from "openid-client";
import { audit } from "~/models/audit.server";
import { findSsoCandidates } from "~/models/user.server";
import { startSession } from "./auth.server";
import { getDb } from "./db.server";
import { env, publicOrigin, type OidcSettings } from "./env.server";
import { clientIp, isSsoBlocked, recordSsoFailure } from "./rate-limit.server";
import { safeRedirect } from "./safe-redirect";
import { isHttps } from "./session.server";
import { identityFromClaims, linkAccount, type SsoProblemKind } from "./sso-link";

export const SSO_START_PATH = "/masuk/sso";
export const SSO_CALLBACK_PATH = "/masuk/sso/kembali";
const FLOW_COOKIE = "sigap_sso";
/** Long enough to type a password at the provider, short enough that a stale tab cannot finish. */
const FLOW_MAX_AGE_S = 10 * 60;
const SCOPE = "openid profile email";

/** Whether the SSO button shows and /masuk/sso answers. */
export function ssoEnabled(): boolean {
  return env.oidc !== null;
}

let cached: { key: string; config: Promise<oidc.Configuration> } | null = null;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The provider's discovered metadata, fetched once per settings and kept; a failed discovery is
 * forgotten so the next sign-in tries again. Plain http is allowed only on a loopback issuer
 * (the test provider): anywhere else the tokens would cross the network in clear.
 */
function configuration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = JSON.stringify(settings);
  if (cached?.key === key) return cached.config;
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
  const config = oidc.discovery(issuer, settings.clientId, settings.clientSecret, settings.clientSecret ? undefined : oidc.None(), {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
  cached = { key, config };
  config.catch(() => {
    if (cached?.config === config) cached = null;
  });
  return config;
}

type Flow = { state: string; nonce: string; verifier: string; ke: string };

function flowCookie(request: Request, value: string, maxAge: number): string {
  return `${FLOW_COOKIE}=${value}; Path=${SSO_START_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${isHttps(request) ? "; Secure" : ""}`;
}

function readFlow(request: Request): Flow | null {
  const match = (request.headers.get("cookie") ?? "").match(/(?:^|;\s*)sigap_sso=([A-Za-z0-9_-]{1,2000})/);
  if (!match) return null;
  try {
    const flow = JSON.parse(Buffer.from(match[1]!, "base64url").toString("utf8")) as Partial<Flow>;
    if ([flow.state, flow.nonce, flow.verifier, flow.ke].every((v) => typeof v === "string")) return flow as Flow;
  } catch {
    // A mangled cookie is an expired flow.
  }
  return null;
}

/** The address the provider sends the browser back to: on PUBLIC_URL behind a proxy, else this request's origin. */
function callbackUrl(request: Request): URL {
  return new URL(SSO_CALLBACK_PATH, publicOrigin(request));
}

export class SsoUnavailable extends Error {}

/**
 * Starts a sign-in: the provider's authorization URL and the cookie holding state, nonce and the
 * PKCE verifier. `ke` is where to go afterwards (checked again by `safeRedirect` on return).
 * Throws SsoUnavailable when the provider cannot be reached.
 */
export async function startSso(request: Request, ke: string | null): Promise<{ url: string; cookie: string }> {
  const settings = env.oidc;
  if (!settings) throw new Error("SSO ASN is not configured");
  let config: oidc.Configuration;
  try {
    config = await configuration(settings);
  } catch (error) {
    console.error(`[sigap] SSO ASN discovery at ${settings.issuer} failed: ${(error as Error).message}`);
    throw new SsoUnavailable();
  }
  const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), ke: safeRedirect(ke) };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(request).href,
    scope: SCOPE,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, cookie: flowCookie(request, Buffer.from(JSON.stringify(flow)).toString("base64url"), FLOW_MAX_AGE_S) };
}

export type SsoOutcome =
  | { ok: true; location: string; cookies: string[] }
  /** `nip`: what the provider said, so the person can quote it to their training manager. */
  | { ok: false; problem: SsoProblemKind; nip: string | null; cookies: string[] };

/**
 * Finishes a sign-in on the callback: checks state, exchanges the code with the PKCE verifier,
 * checks the ID token's nonce, reads the claims (ID token, then userinfo), links an existing
 * account (sso-link.ts), starts the session and audits it. Failures from one address are counted
 * like failed password sign-ins and refused past the same limit.
 */
export async function finishSso(request: Request): Promise<SsoOutcome> {
  const settings = env.oidc;
  if (!settings) throw new Error("SSO ASN is not configured");
  const ip = clientIp(request);
  const clear = [flowCookie(request, "", 0)];
  const refuse = async (problem: SsoProblemKind, nip: string | null = null): Promise<SsoOutcome> => {
    if (problem !== "unavailable" && problem !== "limited") await recordSsoFailure(ip);
    return { ok: false, problem, nip, cookies: clear };
  };
  if (await isSsoBlocked(ip)) return refuse("limited");

  const flow = readFlow(request);
  const here = new URL(request.url);
  // The provider's own refusal (the person pressed cancel) or a flow that expired: start again.
  if (!flow || here.searchParams.has("error")) return refuse("failed");

  let config: oidc.Configuration;
  try {
    config = await configuration(settings);
  } catch (error) {
    console.error(`[sigap] SSO ASN discovery at ${settings.issuer} failed: ${(error as Error).message}`);
    return refuse("unavailable");
  }

  let claims: Record<string, unknown>;
  try {
    const current = callbackUrl(request);
    for (const [name, value] of here.searchParams) if (name !== "_data") current.searchParams.append(name, value);
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return refuse("failed");
    claims = { ...idClaims };
    // Keycloak and others often put custom claims such as the NIP only in userinfo.
    if (config.serverMetadata().userinfo_endpoint) {
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...claims, ...userinfo };
    }
  } catch (error) {
    console.error(`[sigap] SSO ASN sign-in refused: ${(error as Error).message}`);
    return refuse("failed");
  }

  const identity = identityFromClaims(claims, settings.nipClaim);
  const db = await getDb();
  const link = linkAccount(identity, await findSsoCandidates(db, identity));
  if (!link.ok) return refuse(link.reason === "ambiguous" ? "conflict" : link.reason, identity.nip);

  const session = await startSession(request, link.userId);
  await audit(db, { actorId: link.userId, action: "user.sso-signin", targetType: "user", targetId: link.userId, details: { via: link.via } });
  return { ok: true, location: safeRedirect(flow.ke), cookies: [...clear, session] };
}
