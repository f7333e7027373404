import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { loader as masukLoader } from "~/routes/masuk";
import { loader as startLoader } from "~/routes/masuk_.sso";
import { loader as callbackLoader } from "~/routes/masuk_.sso_.kembali";
import { action as signOutAction } from "~/routes/keluar";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { SIGN_IN_LIMITS } from "~/utils/rate-limit.server";
import { BASE, createAccount, createTwoAgencies, get, post, run } from "../setup/factories";
import { startOidcProvider, type TestOidcProvider } from "../setup/oidc-provider";

/**
 * SSO ASN against a real OpenID provider on a loopback port: the browser's part (following the
 * provider's redirects, its login form) is done here with fetch and a small cookie jar; the app's
 * part goes through the real route loaders and database.
 */
const accounts = new Map<string, Record<string, unknown>>();
let idp: TestOidcProvider;
let agencyId: string;
const saved = { ...process.env };

beforeAll(async () => {
  agencyId = (await createTwoAgencies()).unitA.id;
  idp = await startOidcProvider({
    port: 0,
    clientId: "sigap-uji",
    clientSecret: "rahasia-klien-uji",
    redirectUris: [`${BASE}/masuk/sso/kembali`],
    accounts,
  });
  Object.assign(process.env, { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: "sigap-uji", OIDC_CLIENT_SECRET: "rahasia-klien-uji" });
});

afterAll(async () => {
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NIP_CLAIM"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await idp?.close();
});

let nipSeq = 0;
const newNip = () => `19850101201001${String(1000 + nipSeq++).padStart(4, "0")}`;

async function accountWithNip(nip: string | null) {
  const user = await createAccount(agencyId);
  if (nip) await (await getDb()).update(users).set({ nip }).where(eq(users.id, user.id));
  return user;
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

/** Goes through the provider as `login` and returns the app's answer on the callback. */
async function ssoSignIn(login: string, opts: { ke?: string; clientAddress?: string; appCookie?: string; flowCookie?: string } = {}) {
  const context = { clientAddress: opts.clientAddress ?? "198.51.100.7" };
  const start = await run(startLoader, get(`/masuk/sso${opts.ke ? `?ke=${encodeURIComponent(opts.ke)}` : ""}`), {}, context);
  expect(start.status).toBe(302);
  const flowCookie = cookiePair(start.headers.get("set-cookie")!);
  expect(start.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax; Max-Age=600/);
  const authorize = new URL(start.headers.get("location")!);
  expect(authorize.origin).toBe(idp.issuer);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${BASE}/masuk/sso/kembali`);

  const jar = new Map<string, string>();
  const idpFetch = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(url, idp.issuer), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  };
  let res = await idpFetch(authorize.href);
  const interaction = res.headers.get("location")!;
  expect(interaction).toMatch(/^\/interaction\//);
  res = await idpFetch(interaction, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "apa-saja" }),
  });
  res = await idpFetch(res.headers.get("location")!);
  const back = new URL(res.headers.get("location")!);
  expect(back.href.startsWith(`${BASE}/masuk/sso/kembali?`)).toBe(true);
  const cookie = [opts.flowCookie ?? flowCookie, opts.appCookie].filter(Boolean).join("; ");
  return run(callbackLoader, get(back.pathname + back.search, cookie), {}, context);
}

const sessionOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map(cookiePair)
    .find((c) => c.startsWith("sigap_session="));

describe("SSO ASN sign-in", () => {
  it("shows the button on /masuk only when configured", async () => {
    expect(await (await run(masukLoader, get("/masuk"))).json()).toEqual({ i18n: null, sso: true });
    const issuer = process.env.OIDC_ISSUER;
    delete process.env.OIDC_ISSUER;
    try {
      expect(await (await run(masukLoader, get("/masuk"))).json()).toEqual({ i18n: null, sso: false });
      expect((await run(startLoader, get("/masuk/sso"))).status).toBe(404);
      expect((await run(callbackLoader, get("/masuk/sso/kembali?code=x&state=y"))).status).toBe(404);
    } finally {
      process.env.OIDC_ISSUER = issuer;
    }
  });

  it("signs in the account with the provider's NIP, goes on to ?ke=, audits it, and sign-out ends the session", async () => {
    const nip = newNip();
    const user = await accountWithNip(nip);
    accounts.set("pemilik-nip", { nip: `${nip.slice(0, 8)} ${nip.slice(8)}`, email: "lain@bkn.go.id", email_verified: true, name: "Siapa Saja" });
    const res = await ssoSignIn("pemilik-nip", { ke: "/kursus" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kursus");
    // The flow cookie is cleared; the session cookie is the same kind a password sign-in sets.
    expect(res.headers.getSetCookie().some((c) => /^sigap_sso=;.*Max-Age=0/.test(c))).toBe(true);
    const session = sessionOf(res)!;
    expect(res.headers.getSetCookie().find((c) => c.startsWith("sigap_session="))).toMatch(/HttpOnly; SameSite=Lax$/);
    expect((await getUser(get("/", session)))?.id).toBe(user.id);
    const [entry] = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.sso-signin"), eq(auditLog.targetId, user.id)));
    expect(entry?.details).toEqual({ via: "nip" });

    const out = await run(signOutAction, post("/keluar", {}, session));
    expect(out.headers.get("location")).toBe("/masuk?keluar=1");
    expect(await getUser(get("/", session))).toBeNull();
  });

  it("links by e-mail only when the provider verified it", async () => {
    const user = await accountWithNip(null);
    accounts.set("email-terverifikasi", { email: user.email.toUpperCase(), email_verified: true });
    accounts.set("email-belum", { email: user.email, email_verified: false });
    const verified = await ssoSignIn("email-terverifikasi");
    expect(verified.status).toBe(302);
    expect((await getUser(get("/", sessionOf(verified))))?.id).toBe(user.id);

    const unverified = await ssoSignIn("email-belum");
    expect(unverified.status).toBe(403);
    expect(await unverified.json()).toEqual({ i18n: null, problem: "unknown", nip: null });
    expect(sessionOf(unverified)).toBeUndefined();
  });

  it("an unknown NIP gets the 'not registered' page and no account is created", async () => {
    const db = await getDb();
    const before = (await db.select({ id: users.id }).from(users)).length;
    const nip = newNip();
    accounts.set("asing", { nip, email: `asing-${nip}@bkn.go.id`, email_verified: true });
    const res = await ssoSignIn("asing");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ i18n: null, problem: "unknown", nip });
    expect((await db.select({ id: users.id }).from(users)).length).toBe(before);
  });

  it("refuses a disabled account", async () => {
    const nip = newNip();
    const user = await accountWithNip(nip);
    await (await getDb()).update(users).set({ disabled: true }).where(eq(users.id, user.id));
    accounts.set("nonaktif", { nip });
    const res = await ssoSignIn("nonaktif");
    expect(res.status).toBe(403);
    expect((await res.json()).problem).toBe("disabled");
    expect(sessionOf(res)).toBeUndefined();
  });

  it("refuses a callback without the flow cookie or with a forged state, and never follows an off-site ?ke=", async () => {
    const nip = newNip();
    await accountWithNip(nip);
    accounts.set("pengalih", { nip });
    const offsite = await ssoSignIn("pengalih", { ke: "//evil.example/x" });
    expect(offsite.headers.get("location")).toBe("/");

    const noCookie = await run(callbackLoader, get("/masuk/sso/kembali?code=abc&state=xyz"), {}, { clientAddress: "198.51.100.8" });
    expect(noCookie.status).toBe(400);
    expect((await noCookie.json()).problem).toBe("failed");

    // Another flow's cookie (login CSRF: an attacker's code in the victim's browser): the state does not match.
    const other = cookiePair((await run(startLoader, get("/masuk/sso"))).headers.get("set-cookie")!);
    const forged = await ssoSignIn("pengalih", { flowCookie: other });
    expect(forged.status).toBe(400);
    expect(sessionOf(forged)).toBeUndefined();
  });

  it("counts failed callbacks per address like failed sign-ins and refuses past the limit", async () => {
    const clientAddress = "203.0.113.99";
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      expect((await run(callbackLoader, get("/masuk/sso/kembali?error=access_denied"), {}, { clientAddress })).status).toBe(400);
    }
    const nip = newNip();
    await accountWithNip(nip);
    accounts.set("terlambat", { nip });
    const res = await ssoSignIn("terlambat", { clientAddress });
    expect(res.status).toBe(429);
    expect(sessionOf(res)).toBeUndefined();
    // Another address is not affected.
    expect((await ssoSignIn("terlambat", { clientAddress: "198.51.100.9" })).status).toBe(302);
  });

  it("reads the NIP from the claim OIDC_NIP_CLAIM names", async () => {
    const nip = newNip();
    const user = await accountWithNip(nip);
    accounts.set("klaim-lain", { nip: "199901012020011999", nip_asn: nip });
    process.env.OIDC_NIP_CLAIM = "nip_asn";
    try {
      const res = await ssoSignIn("klaim-lain");
      expect(res.status).toBe(302);
      expect((await getUser(get("/", sessionOf(res))))?.id).toBe(user.id);
    } finally {
      delete process.env.OIDC_NIP_CLAIM;
    }
  });
});
