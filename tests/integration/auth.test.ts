import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "../../db/schema";
import { action as signInAction } from "~/routes/masuk";
import { action as signOutAction } from "~/routes/keluar";
import { action as passwordAction } from "~/routes/akun.kata-sandi";
import { loader as catalogLoader } from "~/routes/kursus._index";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { SIGN_IN_LIMITS, signInDelayMs } from "~/utils/rate-limit.server";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, sessionIdOf } from "~/utils/session.server";
import { BASE, createAccount, createTwoAgencies, get, post, run, sessionCookieFor, TEST_PASSWORD } from "../setup/factories";

let agencyId: string;
beforeAll(async () => {
  agencyId = (await createTwoAgencies()).unitA.id;
});

const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";

/**
 * The limits count in fixed 15-minute windows: a test that makes N attempts and expects the
 * next one refused would see the count restart if a window ended mid-test. These tests start
 * just after a window begins (the clock still runs; only Date is moved).
 */
function startOfAWindow() {
  const windowMs = SIGN_IN_LIMITS.windowMs;
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true, now: Math.floor(Date.now() / windowMs) * windowMs + 1000 });
}
afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in", () => {
  it("signs in with the right password and sets an httpOnly SameSite=Lax cookie", async () => {
    const user = await createAccount(agencyId);
    const res = await run(signInAction, post("/masuk", { email: user.email.toUpperCase(), password: TEST_PASSWORD, ke: "/kursus" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kursus");
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await getUser(get("/", cookieOf(res))))?.id).toBe(user.id);
  });

  it("answers a wrong password and an unknown email with the same generic message and keeps the email", async () => {
    const user = await createAccount(agencyId);
    for (const email of [user.email, "tidak-ada@uji.sigap.id"]) {
      const res = await run(signInAction, post("/masuk", { email, password: "salah-sekali" }));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ failed: true, email });
    }
  });

  it("refuses an off-site redirect target", async () => {
    const user = await createAccount(agencyId);
    const res = await run(signInAction, post("/masuk", { email: user.email, password: TEST_PASSWORD, ke: "//evil.example" }));
    expect(res.headers.get("location")).toBe("/");
  });

  it("a stranger cannot lock the owner out: failures block that address for that account only (probe finding 4, failed on main)", async () => {
    startOfAWindow();
    const owner = await createAccount(agencyId);
    const attacker = { clientAddress: "203.0.113.66" };
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
      expect((await run(signInAction, post("/masuk", { email: owner.email, password: "tebakan" }), {}, attacker)).status).toBe(401);
    }
    // The attacker's address is refused even with the right password…
    expect((await run(signInAction, post("/masuk", { email: owner.email, password: TEST_PASSWORD }), {}, attacker)).status).toBe(401);
    // …the owner, from their own address, signs in at once.
    expect((await run(signInAction, post("/masuk", { email: owner.email, password: TEST_PASSWORD }), {}, { clientAddress: "198.51.100.20" })).status).toBe(302);
  });

  it("many failures on one account from many addresses slow attempts down instead of locking it", async () => {
    startOfAWindow();
    const owner = await createAccount(agencyId);
    for (let i = 0; i < SIGN_IN_LIMITS.slowAfter + 1; i++) {
      await run(signInAction, post("/masuk", { email: owner.email, password: "tebakan" }), {}, { clientAddress: `203.0.113.${100 + i}` });
    }
    expect(await signInDelayMs(owner.email)).toBeGreaterThan(0);
    const started = Date.now();
    const res = await run(signInAction, post("/masuk", { email: owner.email, password: TEST_PASSWORD }), {}, { clientAddress: "198.51.100.21" });
    expect(res.status).toBe(302);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it("X-Forwarded-For from a client is not trusted without TRUSTED_PROXIES (probe finding 3, failed on main)", async () => {
    startOfAWindow();
    const owner = await createAccount(agencyId);
    const socket = { clientAddress: "203.0.113.77" };
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
      await run(signInAction, post("/masuk", { email: owner.email, password: "tebakan" }, undefined, { "x-forwarded-for": `10.9.${i}.1` }), {}, socket);
    }
    const res = await run(
      signInAction,
      post("/masuk", { email: owner.email, password: TEST_PASSWORD }, undefined, { "x-forwarded-for": "10.99.0.1" }),
      {},
      socket,
    );
    expect(res.status).toBe(401);
  });

  it("rate-limits one IP across accounts", async () => {
    startOfAWindow();
    const victim = await createAccount(agencyId);
    const socket = { clientAddress: "203.0.113.9" };
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await run(signInAction, post("/masuk", { email: `coba${i}@uji.sigap.id`, password: "x" }), {}, socket);
    }
    expect((await run(signInAction, post("/masuk", { email: victim.email, password: TEST_PASSWORD }), {}, socket)).status).toBe(401);
    expect((await run(signInAction, post("/masuk", { email: victim.email, password: TEST_PASSWORD }), {}, { clientAddress: "198.51.100.4" })).status).toBe(302);
  });

  it("refuses a cross-origin POST", async () => {
    const user = await createAccount(agencyId);
    const res = await run(signInAction, post("/masuk", { email: user.email, password: TEST_PASSWORD }, undefined, { origin: "https://evil.example" }));
    expect(res.status).toBe(403);
  });
});

describe("sessions", () => {
  it("stores only a hash of the token and sets a browser-session cookie (probe finding 7, failed on main)", async () => {
    const user = await createAccount(agencyId);
    const res = await run(signInAction, post("/masuk", { email: user.email, password: TEST_PASSWORD }));
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    expect(setCookie).not.toMatch(/Secure/);
    const token = cookieOf(res).split("=")[1]!;
    const db = await getDb();
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.id).toBe(sessionIdOf(token));
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(ABSOLUTE_TIMEOUT_MS);
  });

  it("marks the cookie Secure over HTTPS only, so sign-in works on http://<lan-ip>:3000", async () => {
    const user = await createAccount(agencyId);
    const https = new Request("https://sigap.example.go.id/masuk", {
      method: "POST",
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://sigap.example.go.id", host: "sigap.example.go.id" },
    });
    expect((await run(signInAction, https)).headers.get("set-cookie")).toMatch(/; Secure/);
    const lan = new Request("http://192.168.1.20:3000/masuk", {
      method: "POST",
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://192.168.1.20:3000", host: "192.168.1.20:3000" },
    });
    const res = await run(signInAction, lan);
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).not.toMatch(/Secure/);
  });

  it("ends an idle session and deletes it", async () => {
    const user = await createAccount(agencyId);
    const cookie = await sessionCookieFor(user.email);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - IDLE_TIMEOUT_MS - 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await getUser(get("/", cookie))).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("a non-form body to /keluar still signs out and answers 415, not 500 (probe finding 7, failed on main)", async () => {
    const user = await createAccount(agencyId);
    const cookie = await sessionCookieFor(user.email);
    const res = await run(
      signOutAction,
      new Request("http://localhost:3000/keluar", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", cookie, origin: BASE, host: "localhost:3000" },
      }),
    );
    expect(res.status).toBe(415);
    expect(res.headers.get("set-cookie")).toMatch(/sigap_session=;/);
    expect(await getUser(get("/", cookie))).toBeNull();
  });

  it("looks the session up once for all loaders of one HTTP request, though each gets its own Request copy", async () => {
    const user = await createAccount(agencyId);
    const cookie = await sessionCookieFor(user.email);
    // What app/cli/serve.ts hands Remix for one HTTP request; Remix gives each loader a new Request.
    const request = { clientAddress: "198.51.100.9", perRequest: true as const };
    expect((await run(catalogLoader, get("/kursus", cookie), {}, request)).status).toBe(200);
    const db = await getDb();
    await db.delete(sessions).where(eq(sessions.userId, user.id));
    // The same HTTP request's next loader: no second lookup, so it still sees the user.
    expect((await run(catalogLoader, get("/kursus", cookie), {}, request)).status).toBe(200);
    // Another HTTP request looks again and finds the session gone.
    const next = await run(catalogLoader, get("/kursus", cookie), {}, { clientAddress: "198.51.100.9", perRequest: true });
    expect(next.status).toBe(302);
    expect(next.headers.get("location")).toMatch(/^\/masuk\?ke=/);
    // A context without the mark (a test's, another server's) shares nothing.
    const unmarked = { clientAddress: "198.51.100.9" };
    const again = await sessionCookieFor(user.email);
    expect((await run(catalogLoader, get("/kursus", again), {}, unmarked)).status).toBe(200);
    await db.delete(sessions).where(eq(sessions.userId, user.id));
    expect((await run(catalogLoader, get("/kursus", again), {}, unmarked)).status).toBe(302);
  });

  it("treats an expired session as signed out", async () => {
    const user = await createAccount(agencyId);
    const cookie = await sessionCookieFor(user.email);
    expect(await getUser(get("/", cookie))).not.toBeNull();
    const db = await getDb();
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await getUser(get("/", cookie))).toBeNull();
  });

  it("signs out: the session row is gone and the cookie cleared", async () => {
    const user = await createAccount(agencyId);
    const cookie = await sessionCookieFor(user.email);
    const res = await run(signOutAction, post("/keluar", {}, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toMatch(/sigap_session=;/);
    expect(await getUser(get("/", cookie))).toBeNull();
  });

  it("changing the password ends other sessions and keeps this device signed in", async () => {
    const user = await createAccount(agencyId);
    const phone = await sessionCookieFor(user.email);
    const laptop = await sessionCookieFor(user.email);
    const bad = await run(passwordAction, post("/akun/kata-sandi", { current: "salah", next: "sandi-baru-123", confirm: "sandi-baru-123" }, laptop));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({ current: "error.passwordWrong" });
    const res = await run(passwordAction, post("/akun/kata-sandi", { current: TEST_PASSWORD, next: "sandi-baru-123", confirm: "sandi-baru-123" }, laptop));
    expect(res.status).toBe(200);
    expect(await getUser(get("/", phone))).toBeNull();
    expect(await getUser(get("/", laptop))).toBeNull();
    expect(await getUser(get("/", cookieOf(res)))).not.toBeNull();
    await expect(sessionCookieFor(user.email, "sandi-baru-123")).resolves.toMatch(/sigap_session=/);
  });

  it("signs out on every device: all sessions of the account end, other accounts keep theirs", async () => {
    const user = await createAccount(agencyId);
    const other = await createAccount(agencyId);
    const phone = await sessionCookieFor(user.email);
    const laptop = await sessionCookieFor(user.email);
    const colleague = await sessionCookieFor(other.email);
    const res = await run(signOutAction, post("/keluar", { scope: "semua" }, laptop));
    expect(res.headers.get("location")).toBe("/masuk?keluar=semua");
    expect(res.headers.get("set-cookie")).toMatch(/sigap_session=;/);
    expect(await getUser(get("/", phone))).toBeNull();
    expect(await getUser(get("/", laptop))).toBeNull();
    expect((await getUser(get("/", colleague)))?.id).toBe(other.id);
  });

  it("refuses common, breached and personal passwords with a translated error and keeps the old one", async () => {
    const user = await createAccount(agencyId, "learner", "Ratna Kusumawati");
    const cookie = await sessionCookieFor(user.email);
    for (const [next, error] of [
      ["password123", "error.passwordCommon"],
      ["Indonesia2025!", "error.passwordCommon"],
      ["kusumawati2025", "error.passwordPersonal"],
    ] as const) {
      const res = await run(passwordAction, post("/akun/kata-sandi", { current: TEST_PASSWORD, next, confirm: next }, cookie));
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toEqual({ next: error });
    }
    expect((await getUser(get("/", cookie)))?.id).toBe(user.id);
    await expect(sessionCookieFor(user.email)).resolves.toMatch(/sigap_session=/);
  });
});
