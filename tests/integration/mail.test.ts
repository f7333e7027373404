import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailMessages, passwordHelpRequests, passwordTokens, sessions, users } from "../../db/schema";
import { BULK_QUEUE, createMailWorker, deliverMail, enqueueMail, routeOf, runMailTick, SEND_QUEUE, useMailWorker, type MailWorker } from "~/mail/queue.server";
import { closeSmtpTransport } from "~/mail/transport.server";
import { insertMail } from "~/models/mail.server";
import { listPasswordHelpRequests, requestPasswordReset } from "~/models/password-reset.server";
import { consumePasswordToken, findPasswordToken, reissuePasswordLink } from "~/models/staff-import.server";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/atur-sandi.$token";
import { action as userDetailAction, loader as userDetailLoader } from "~/routes/kelola.pengguna.$id";
import { action as forgotAction } from "~/routes/lupa-sandi";
import { loader as outboxLoader } from "~/routes/admin.kotak-keluar";
import { getUser } from "~/utils/auth.server";
import { currentDbHandle, getDb } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

type Received = { to: string[]; subject: string; text: string; at: number };

/** A real SMTP server on a loopback port; the first `failFirst` messages are refused with 451 (try later). */
async function startSmtp(opts: { failFirst?: number } = {}) {
  const received: Received[] = [];
  const refusedAt: number[] = [];
  let failures = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failures > 0) {
          failures--;
          refusedAt.push(Date.now());
          return callback(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const [head = "", ...rest] = raw.split("\r\n\r\n");
        const subject = /^Subject: (.*)$/m.exec(head)?.[1] ?? "";
        // Quoted-printable: join soft line breaks, decode =XX.
        const body = rest.join("\r\n\r\n");
        const text = /quoted-printable/i.test(head)
          ? Buffer.from(
              body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              "latin1",
            ).toString("utf8")
          : body;
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, text, at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => {
    // Sigap's pooled connections first: the server waits for open connections before it closes.
    closeSmtpTransport();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { received, refusedAt, url: `smtp://127.0.0.1:${port}`, close };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

const rowsOf = async (ids: string[]) => (await getDb()).select().from(mailMessages).where(inArray(mailMessages.id, ids));
const mail = (key: string, to: string) => ({
  key,
  userId: null,
  to,
  lang: "id" as const,
  content: { kind: "suspended" as const, name: "Sari", course: "Layanan DM", code: "SGP-TEST", link: "http://localhost/kursus/dm" },
});

let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
const workers: MailWorker[] = [];
beforeAll(async () => {
  tree = await createTwoAgencies();
});
afterEach(async () => {
  useMailWorker(null);
  delete process.env.SMTP_URL;
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => {
  delete process.env.SMTP_URL;
});

describe("the admins' outbox", () => {
  it("filters by recipient (any case), keeps the filter in its page links' data, and is for admins only", async () => {
    const db = await getDb();
    const admin = await createAccount(tree.provA.id, "admin");
    const manager = await createAccount(tree.provA.id, "manager");
    for (let i = 0; i < 3; i++) await insertMail(db, mail(`filter-a-${i}`, "cari.saya@uji.sigap.id"));
    await insertMail(db, mail("filter-b", "orang.lain@uji.sigap.id"));
    const adminCookie = await sessionCookieFor(admin.email);
    const filtered = (await (await run(outboxLoader, get("/admin/kotak-keluar?kepada=%20Cari.Saya@uji.sigap.id", adminCookie))).json()) as {
      total: number;
      to: string | null;
      messages: { to: string }[];
    };
    expect(filtered.to).toBe("cari.saya@uji.sigap.id");
    expect(filtered.total).toBe(3);
    expect(filtered.messages.map((m) => m.to)).toEqual(["cari.saya@uji.sigap.id", "cari.saya@uji.sigap.id", "cari.saya@uji.sigap.id"]);
    const none = (await (await run(outboxLoader, get("/admin/kotak-keluar?kepada=tidak.ada@uji.sigap.id", adminCookie))).json()) as { total: number };
    expect(none.total).toBe(0);
    const all = (await (await run(outboxLoader, get("/admin/kotak-keluar", adminCookie))).json()) as { total: number; to: string | null };
    expect(all.to).toBeNull();
    expect(all.total).toBeGreaterThanOrEqual(4);
    const refused = await run(outboxLoader, get("/admin/kotak-keluar?kepada=cari.saya@uji.sigap.id", await sessionCookieFor(manager.email)));
    expect(refused.status).toBe(403);
  });
});

describe("mail queue (pg-boss on this engine)", () => {
  it("a message's key is unique: enqueueing it twice records one message", async () => {
    const db = await getDb();
    const first = await enqueueMail(db, mail("dup-key", "a@uji.sigap.id"));
    const second = await enqueueMail(db, mail("dup-key", "a@uji.sigap.id"));
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(await db.select().from(mailMessages).where(eq(mailMessages.key, "dup-key"))).toHaveLength(1);
  });

  it("without SMTP_URL the worker keeps messages in the outbox", async () => {
    const worker = await createMailWorker(await currentDbHandle(), { pollingIntervalSeconds: 0.5, schedule: false });
    workers.push(worker);
    useMailWorker(worker);
    const id = (await enqueueMail(await getDb(), mail("outbox-1", "b@uji.sigap.id")))!;
    await waitFor(async () => (await rowsOf([id]))[0]?.status === "outbox");
    const [row] = await rowsOf([id]);
    expect(row).toMatchObject({ status: "outbox", attempts: 1, lastError: null, subject: "Sertifikat ditangguhkan: Layanan DM" });
    expect(row!.body).toContain("SGP-TEST");
  });

  it("two workers on two connections send each message exactly once, even with duplicate jobs", async () => {
    const smtp = await startSmtp();
    try {
      process.env.SMTP_URL = smtp.url;
      const handle = await currentDbHandle();
      const a = await createMailWorker(handle, { pollingIntervalSeconds: 0.5, schedule: false });
      const b = await createMailWorker(handle, { pollingIntervalSeconds: 0.5, schedule: false });
      workers.push(a, b);
      const db = await getDb();
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await insertMail(db, mail(`twice-${i}`, `p${i}@uji.sigap.id`)))!);
      // Both instances enqueue every message (as two ticks would): 24 jobs for 12 messages.
      for (const id of ids) {
        await a.boss.send(SEND_QUEUE, { id });
        await b.boss.send(SEND_QUEUE, { id });
      }
      await waitFor(async () => (await rowsOf(ids)).every((r) => r.status === "sent"));
      await new Promise((r) => setTimeout(r, 1500)); // let any duplicate job run
      expect(smtp.received).toHaveLength(12);
      expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(12);
      expect((await rowsOf(ids)).every((r) => r.attempts === 1 && r.sentAt)).toBe(true);
    } finally {
      await smtp.close();
    }
  });

  it("an SMTP failure is recorded and retried with backoff; the last failure marks the message failed", async () => {
    const smtp = await startSmtp({ failFirst: 1 });
    try {
      process.env.SMTP_URL = smtp.url;
      const worker = await createMailWorker(await currentDbHandle(), { pollingIntervalSeconds: 0.5, schedule: false, retry: { retryLimit: 2, retryDelay: 1 } });
      workers.push(worker);
      useMailWorker(worker);
      const id = (await enqueueMail(await getDb(), mail("retry-1", "c@uji.sigap.id")))!;
      await waitFor(async () => (await rowsOf([id]))[0]?.attempts === 1 && (await rowsOf([id]))[0]?.status === "queued");
      expect((await rowsOf([id]))[0]!.lastError).toMatch(/try later/);
      await waitFor(async () => (await rowsOf([id]))[0]?.status === "sent");
      expect((await rowsOf([id]))[0]).toMatchObject({ status: "sent", attempts: 2 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.at - smtp.refusedAt[0]!).toBeGreaterThanOrEqual(900); // waited the retry delay
    } finally {
      await smtp.close();
    }
    // A server that never answers: the final attempt gives up and says so.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const db = await getDb();
    const id = (await insertMail(db, mail("retry-dead", "d@uji.sigap.id")))!;
    await expect(deliverMail(db, id, false)).rejects.toThrow();
    expect((await rowsOf([id]))[0]).toMatchObject({ status: "queued", attempts: 1 });
    await deliverMail(db, id, true);
    expect((await rowsOf([id]))[0]).toMatchObject({ status: "failed", attempts: 2 });
    expect((await rowsOf([id]))[0]!.lastError).toMatch(/ECONNREFUSED/);
  });
});

describe("what a person waits for goes first", () => {
  it("links have their own queue; notices go before reminders and digests", () => {
    expect(routeOf("reset")).toEqual({ queue: SEND_QUEUE, priority: 10 });
    expect(routeOf("setPassword")).toEqual({ queue: SEND_QUEUE, priority: 10 });
    for (const kind of ["certificateIssued", "suspended", "assigned"]) expect(routeOf(kind)).toEqual({ queue: BULK_QUEUE, priority: 5 });
    for (const kind of ["dueSoon", "dueToday", "overdue", "expires", "digest"]) expect(routeOf(kind)).toEqual({ queue: BULK_QUEUE, priority: 0 });
  });

  it("a reset link requested behind 200 queued reminders arrives first, within seconds; the reminders all follow", async () => {
    const smtp = await startSmtp();
    try {
      process.env.SMTP_URL = smtp.url;
      const learner = await createAccount(tree.unitA.id, "learner");
      // The server's own settings (1 s and 2 s polls, 20 a batch), as `npm run serve` runs them.
      const worker = await createMailWorker(await currentDbHandle(), { schedule: false });
      workers.push(worker);
      useMailWorker(worker);
      const db = await getDb();
      const reminder = (i: number) => ({
        key: `backlog-${i}`,
        userId: null,
        to: `r${i}@uji.sigap.id`,
        lang: "id" as const,
        content: {
          kind: "overdue" as const,
          name: "Sari",
          course: "Layanan DM",
          due: "2026-01-05",
          link: "http://localhost/kursus/dm",
          settingsLink: "http://localhost/akun/email",
        },
      });
      // As the minute tick does: 200 reminders queued at once, in one transaction.
      const backlog: string[] = [];
      await db.transaction(async (tx) => {
        for (let i = 0; i < 200; i++) backlog.push((await enqueueMail(tx, reminder(i)))!);
      });
      // A tick two minutes on finds them all still queued and hands them over again: their jobs
      // carry the messages' ids, so that adds no job (before, each became a second job to poll).
      await runMailTick(db, new Date(Date.now() + 120_000));
      const jobs = (await db.execute(sql`select count(*)::int as n from pgboss.job where data->>'id' in ${backlog}`)) as unknown as
        { n: number }[] | { rows: { n: number }[] };
      expect((Array.isArray(jobs) ? jobs : jobs.rows)[0]).toEqual({ n: 200 });
      const requested = Date.now();
      await requestPasswordReset(db, learner.email, "https://sigap.test", "id");
      await waitFor(async () => smtp.received.some((m) => m.to[0] === learner.email), 15_000);
      const waited = Date.now() - smtp.received.find((m) => m.to[0] === learner.email)!.at;
      const arrivedAfter = Date.now() - requested - waited;
      const position = smtp.received.filter((m) => /^r\d+@/.test(m.to[0]!) || m.to[0] === learner.email).findIndex((m) => m.to[0] === learner.email);
      console.log(`[mail] reset link delivered ${arrivedAfter} ms after the request, after ${position} of 200 reminders`);
      expect(arrivedAfter).toBeLessThan(5_000);
      expect(position).toBeLessThan(100);
      const notice = (await enqueueMail(db, mail("notice-behind-backlog", "n@uji.sigap.id")))!;
      // Only this test's messages (a message queued by an earlier test in this file goes out too).
      const ours = new Set([learner.email, "n@uji.sigap.id", ...Array.from({ length: 200 }, (_, i) => `r${i}@uji.sigap.id`)]);
      const order = () => smtp.received.map((m) => m.to[0]!).filter((to) => ours.has(to));
      await waitFor(async () => order().length >= 202, 60_000);
      // A certificate notice queued behind the reminders goes out with the next batch, before most of them (priority).
      expect(order().indexOf("n@uji.sigap.id")).toBeLessThan(60);
      expect((await rowsOf([notice]))[0]).toMatchObject({ status: "sent", attempts: 1 });
      expect(order()).toHaveLength(202);
      expect(new Set(order()).size).toBe(202);
      console.log(`[mail] 200 reminders and 2 other messages delivered ${Date.now() - requested} ms after the request`);
    } finally {
      await smtp.close();
    }
  }, 120_000);
});

describe("forgot password", () => {
  it("the same answer for an unknown e-mail; only a real account gets a link, in the outbox and as a manager request", async () => {
    const learner = await createAccount(tree.unitA.id, "learner");
    const known = await run(
      forgotAction,
      post("/lupa-sandi", { email: learner.email.toUpperCase() }, undefined, { "x-test": "1" }),
      {},
      { clientAddress: "10.0.0.1" },
    );
    const unknown = await run(forgotAction, post("/lupa-sandi", { email: "tidak-ada@uji.sigap.id" }), {}, { clientAddress: "10.0.0.2" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    const db = await getDb();
    const sent = await db.select().from(mailMessages).where(eq(mailMessages.userId, learner.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!).toMatchObject({ kind: "reset", toAddress: learner.email, subject: "Atur ulang kata sandi Sigap" });
    expect(await db.select().from(mailMessages).where(eq(mailMessages.toAddress, "tidak-ada@uji.sigap.id"))).toHaveLength(0);
    expect(await db.select().from(passwordHelpRequests).where(eq(passwordHelpRequests.userId, learner.id))).toHaveLength(1);
  });

  it("is rate-limited per e-mail and per address", async () => {
    const learner = await createAccount(tree.unitA.id, "learner");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await run(forgotAction, post("/lupa-sandi", { email: learner.email }), {}, { clientAddress: `10.1.0.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const fromOne: number[] = [];
    for (let i = 0; i < 11; i++)
      fromOne.push((await run(forgotAction, post("/lupa-sandi", { email: `x${i}@uji.sigap.id` }), {}, { clientAddress: "10.2.0.1" })).status);
    expect(fromOne.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(fromOne[10]).toBe(429);
  });

  it("the mailed link sets a new password once, ends every session, and is refused after", async () => {
    const db = await getDb();
    const smtp = await startSmtp();
    try {
      process.env.SMTP_URL = smtp.url;
      const learner = await createAccount(tree.unitA.id, "learner");
      const cookie = await sessionCookieFor(learner.email);
      const worker = await createMailWorker(await currentDbHandle(), { pollingIntervalSeconds: 0.5, schedule: false });
      workers.push(worker);
      useMailWorker(worker);
      await requestPasswordReset(db, learner.email, "https://sigap.test", "en");
      await waitFor(async () => smtp.received.length === 1);
      const arrived = smtp.received[0]!;
      expect(arrived.to).toEqual([learner.email]);
      expect(arrived.subject).toBe("Reset your Sigap password");
      const token = /https:\/\/sigap\.test\/atur-sandi\/([\w-]+)/.exec(arrived.text)?.[1];
      expect(token).toBeTruthy();
      // With e-mail configured, no manager request is made.
      expect(await (await getDb()).select().from(passwordHelpRequests).where(eq(passwordHelpRequests.userId, learner.id))).toHaveLength(0);
      expect(await findPasswordToken(db, token!)).toMatchObject({ userId: learner.id });
      expect(await consumePasswordToken(db, token!, await hashPassword("kata-sandi-baru-yang-panjang"))).toBe(true);
      expect(await getUser(get("/", cookie))).toBeNull();
      expect(await (await getDb()).select().from(sessions).where(eq(sessions.userId, learner.id))).toHaveLength(0);
      expect(await consumePasswordToken(db, token!, await hashPassword("lagi-kata-sandi-lain-123"))).toBe(false);
      await sessionCookieFor(learner.email, "kata-sandi-baru-yang-panjang");
      const [audit] = await (await getDb()).select().from(auditLog).where(eq(auditLog.action, "user.password-reset"));
      expect(audit?.targetId).toBe(learner.id);
    } finally {
      await smtp.close();
    }
  });

  it("without SMTP_URL, through the pages: the request waits on the manager's user page, whose one-use link sets the password and ends the old session", async () => {
    // The e2e server sends through a real SMTP server; this is the same story on a deployment without one.
    const learner = await createAccount(tree.unitA.id, "learner");
    const oldSession = await sessionCookieFor(learner.email);
    const manager = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
    const otherManager = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
    const asked = await run(forgotAction, post("/lupa-sandi", { email: learner.email }), {}, { clientAddress: "10.3.0.1" });
    expect(await asked.json()).toMatchObject({ state: "sentManager" });

    const page = async (cookie: string) => run(userDetailLoader, get(`/kelola/pengguna/${learner.id}`, cookie), { id: learner.id });
    const shown = await (await page(manager)).json();
    expect(shown).toMatchObject({ canReissue: true });
    expect(shown.helpRequestedAt).toBeTruthy();
    expect((await page(otherManager)).status).toBe(404);
    expect((await run(userDetailAction, post(`/kelola/pengguna/${learner.id}`, {}, otherManager), { id: learner.id })).status).toBe(404);

    const issued = await run(userDetailAction, post(`/kelola/pengguna/${learner.id}`, {}, manager), { id: learner.id });
    const link = (await issued.json()).link as string;
    const token = /\/atur-sandi\/([\w-]+)$/.exec(link)?.[1];
    expect(token).toBeTruthy();
    // The request is answered: the page no longer offers a link for an account with a password.
    expect(await (await page(manager)).json()).toMatchObject({ canReissue: false, helpRequestedAt: null });

    expect(await (await run(setPasswordLoader, get(`/atur-sandi/${token}`), { token: token! })).json()).toEqual({ i18n: null, name: learner.name });
    const fields = { next: "dari-halaman-manajer-2026", confirm: "dari-halaman-manajer-2026" };
    const saved = await run(setPasswordAction, post(`/atur-sandi/${token}`, fields), { token: token! });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/masuk?sandi=1");
    expect(await getUser(get("/", oldSession))).toBeNull();
    await sessionCookieFor(learner.email, fields.next);
    // One use.
    expect(await (await run(setPasswordLoader, get(`/atur-sandi/${token}`), { token: token! })).json()).toEqual({ i18n: null, name: null });
    expect((await run(setPasswordAction, post(`/atur-sandi/${token}`, fields), { token: token! })).status).toBe(400);
  });

  it("without e-mail the learner's manager issues a one-use reset link (audited); other agencies cannot", async () => {
    const db = await getDb();
    const learner = await createAccount(tree.unitA.id, "learner");
    const managerA = (await getUser(get("/", await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email))))!;
    const managerB = (await getUser(get("/", await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email))))!;
    // No request yet: the account has a password, so no link.
    expect(await reissuePasswordLink(db, managerA, learner.id)).toBeNull();
    await requestPasswordReset(db, learner.email, "https://sigap.test", "id");
    // The request shows on the manager's user list, only in their scope.
    expect((await listPasswordHelpRequests(db, managerA)).map((r) => r.userId)).toContain(learner.id);
    expect((await listPasswordHelpRequests(db, managerB)).map((r) => r.userId)).not.toContain(learner.id);
    expect(await reissuePasswordLink(db, managerB, learner.id)).toBeNull();
    const token = await reissuePasswordLink(db, managerA, learner.id);
    expect(token).toBeTruthy();
    expect(await db.select().from(passwordHelpRequests).where(eq(passwordHelpRequests.userId, learner.id))).toHaveLength(0);
    const [row] = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, learner.id));
    expect(row).toMatchObject({ purpose: "reset", issuedBy: managerA.id });
    expect(await consumePasswordToken(db, token!, await hashPassword("dari-manajer-kata-sandi"))).toBe(true);
    expect(await consumePasswordToken(db, token!, await hashPassword("dari-manajer-kata-sandi"))).toBe(false);
    const [user] = await db.select({ passwordSetAt: users.passwordSetAt }).from(users).where(eq(users.id, learner.id));
    expect(user?.passwordSetAt).toBeTruthy();
  });
});
