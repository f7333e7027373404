/**
 * `npm run build && DATABASE_URL=postgres://… npm run bench:two-instances`
 *
 * Two app processes (production build) on different ports sharing one fresh PostgreSQL
 * database `sigap_two_<pid>` (dropped at the end), as behind a load balancer:
 *   1. a session created on A works on B, and signing out on B ends it on A;
 *   2. failed sign-ins split across A and B lock the account at the same total as on one process
 *      (5), and the per-address limit (30, from X-Forwarded-For) holds across both;
 *   3. a DM reply sent on A is on B's page, and the next turn can be answered on B;
 *   4. the same lesson renders identically on both (content is synced from the same files;
 *      per-request form keys aside), so no process-local cache changes what anyone sees.
 * Both run with TRUSTED_PROXIES=1, as behind the balancer: check 2 sends X-Forwarded-For itself.
 * Prints each check and exits 0 when all hold. Knobs: BENCH_PORT (3421; B = +1).
 */
import { loadContentTree } from "../../app/content/repository.server";
import { Browser, field, formWith } from "./client";
import { scratchDatabase, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3421);
const PASSWORD = "sigap-demo-2026";
const DM = "dm-syarat-ktp";
const LESSON = "/kursus/tata-kelola-media-sosial/konten-yang-melayani";

const scratch = await scratchDatabase("sigap_two");

const results: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail: string) {
  results.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
}

const servers: Awaited<ReturnType<typeof startServer>>[] = [];
try {
  const t0 = Date.now();
  // A migrates and seeds; B starts on the already migrated database (its migrations are no-ops).
  servers.push(await startServer(PORT, { DATABASE_URL: scratch.url, TRUSTED_PROXIES: "1" }));
  servers.push(await startServer(PORT + 1, { DATABASE_URL: scratch.url, TRUSTED_PROXIES: "1" }));
  const [A, B] = servers.map((s) => new Browser(s.base)) as [Browser, Browser];
  console.log(`two instances on :${PORT} and :${PORT + 1}, one database ${scratch.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);

  const signIn = (on: Browser, email: string, password: string, headers: Record<string, string> = {}) =>
    on.request("POST /masuk", "/masuk", {
      fields: [
        ["ke", ""],
        ["email", email],
        ["password", password],
      ],
      headers,
    });

  // 1. Sessions live in Postgres.
  {
    const res = await signIn(A, "peserta@demo.sigap.id", PASSWORD);
    const cookie = res.setCookie?.split(";")[0] ?? "";
    const onB = await B.request("GET /kursus", "/kursus", { cookie });
    check(
      "session made on A works on B",
      res.status === 302 && onB.status === 200 && onB.text.includes("/saya/sertifikat"),
      `sign-in on A ${res.status}, /kursus on B ${onB.status}`,
    );
    const out = await B.request("POST /keluar", "/keluar", { cookie, fields: [] });
    const afterOnA = await A.request("GET /kursus", "/kursus", { cookie });
    check(
      "sign-out on B ends the session on A",
      afterOnA.status === 302 && (afterOnA.location ?? "").startsWith("/masuk"),
      `sign-out on B ${out.status}, /kursus on A then ${afterOnA.status} → ${afterOnA.location}`,
    );
  }

  // 2. Sign-in limits count in Postgres: 5 failures per account, 30 per client address.
  {
    const email = "peserta01@demo.sigap.id";
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(i % 2 ? B : A, email, `salah-${i}`)).status);
    const rightOnB = await signIn(B, email, PASSWORD);
    const rightOnA = await signIn(A, email, PASSWORD);
    check(
      "account lockout after 5 failures split A,B,A,B,A",
      statuses.every((s) => s === 401) && rightOnB.status === 401 && rightOnA.status === 401,
      `failures ${statuses.join(",")}; then the right password on B ${rightOnB.status}, on A ${rightOnA.status}`,
    );
    const control = "peserta02@demo.sigap.id";
    for (let i = 0; i < 4; i++) await signIn(i % 2 ? A : B, control, `salah-${i}`);
    const allowed = await signIn(A, control, PASSWORD);
    check("4 failures split across both do not lock", allowed.status === 302, `right password after 4 failures: ${allowed.status}`);

    const ip = { "x-forwarded-for": "203.0.113.77" };
    const ipStatuses: number[] = [];
    for (let i = 0; i < 30; i++) ipStatuses.push((await signIn(i % 2 ? B : A, `tidak-ada-${i}@contoh.id`, "salah", ip)).status);
    const victimA = await signIn(A, "peserta03@demo.sigap.id", PASSWORD, ip);
    const victimB = await signIn(B, "peserta03@demo.sigap.id", PASSWORD, ip);
    const elsewhere = await signIn(B, "peserta03@demo.sigap.id", PASSWORD, { "x-forwarded-for": "198.51.100.9" });
    check(
      "address limit (30) across both",
      ipStatuses.every((s) => s === 401) && victimA.status === 401 && victimB.status === 401 && elsewhere.status === 302,
      `30 failures from one address split A/B; then a valid sign-in from it on A ${victimA.status}, on B ${victimB.status}; from another address ${elsewhere.status}`,
    );
  }

  // 3. DM attempts are rows: answered on A, continued on B.
  {
    const res = await signIn(A, "peserta04@demo.sigap.id", PASSWORD);
    const cookie = res.setCookie?.split(";")[0] ?? "";
    const tree = await loadContentTree();
    const dm = tree.courses.flatMap((c) => c.lessons).find((l) => l.slug === DM)!;
    const answers = new Map((dm.data.turns as { id: string; modelAnswer: string }[]).map((t) => [t.id, t.modelAnswer]));
    const pageA = await A.request("GET /latihan", `/latihan/${DM}`, { cookie });
    const formA = formWith(pageA.text, "intent", "reply")!;
    const turn1 = field(formA, "turnId")!;
    const reply1 = answers.get(turn1)!;
    const sentA = await A.request("POST /latihan", `/latihan/${DM}`, { cookie, fields: formA.fields.map(([k, v]) => [k, k === "reply" ? reply1 : v]) });
    const pageB = await B.request("GET /latihan", `/latihan/${DM}`, { cookie });
    const formB = formWith(pageB.text, "intent", "reply");
    const turn2 = field(formB, "turnId");
    const seen = pageB.text.includes(escapeHtml(reply1).slice(0, 60));
    check(
      "DM reply sent on A is on B's page",
      sentA.status === 302 && seen && !!turn2 && turn2 !== turn1,
      `sent on A ${sentA.status}; B shows the reply: ${seen}; B asks turn ${turn2} (was ${turn1})`,
    );
    if (formB && turn2) {
      const sentB = await B.request("POST /latihan", `/latihan/${DM}`, {
        cookie,
        fields: formB.fields.map(([k, v]) => [k, k === "reply" ? answers.get(turn2)! : v]),
      });
      // The last turn completes the attempt: its result page (?percobaan=…) is opened on A.
      const again = await A.request("GET /latihan", (sentB.location ?? `/latihan/${DM}`).replace(/#.*$/, ""), { cookie });
      const both = again.text.includes(escapeHtml(reply1).slice(0, 60)) && again.text.includes(escapeHtml(answers.get(turn2)!).slice(0, 60));
      check("next turn answered on B is on A's page", sentB.status === 302 && both, `sent on B ${sentB.status}; A shows both replies: ${both}`);
    }

    // 4. Same content, same page, whichever process answers.
    const strip = (html: string) =>
      html
        .replace(/name="key" value="[^"]*"/g, "")
        .replace(/<script[\s\S]*?<\/script>/g, "")
        .replace(/nonce="[^"]*"/g, "");
    const [la, lb] = [await A.request("GET lesson", LESSON, { cookie }), await B.request("GET lesson", LESSON, { cookie })];
    check(
      "lesson page identical on A and B",
      la.status === 200 && lb.status === 200 && strip(la.text) === strip(lb.text),
      `${la.status}/${lb.status}, ${la.text.length} bytes`,
    );
  }
} catch (error) {
  console.error(error);
  results.push({ name: "run", ok: false, detail: String(error) });
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await scratch.drop();
}
const ok = results.length > 0 && results.every((r) => r.ok);
console.log(`\n${results.filter((r) => r.ok).length}/${results.length} checks passed — ${ok ? "PASS" : "FAIL"}`);
process.exit(ok ? 0 : 1);

function escapeHtml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}
