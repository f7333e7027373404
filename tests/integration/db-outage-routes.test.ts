import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateCertificateCode } from "~/certificates/code";
import { isUnavailableData, type UnavailableData } from "~/components/kept-form";
import { getDmEntry } from "~/exercises/entries.server";
import { getSyncedContent } from "~/content/sync.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { BASE, createTwoAgencies, get, post, run, sessionCookieFor, signedInRoles } from "../setup/factories";
import { databaseBack, databaseDown } from "../setup/outage";
import { routeFiles, routesDir, urlPattern } from "../setup/routes";

/**
 * Every loader and action of every route file in app/routes/, called as the role that uses it,
 * with the database down: each answers the translated 503 (the page, or plain text for a
 * download), or — when it needs no database — what it always answers; never a 500. Each call is
 * made twice: with the database down from the start (for signed-in roles the session lookup is
 * what fails) and down right after the session check passed (the root loader validated the
 * session on the same Request, then the connection dropped), which reaches the route's own
 * queries. Forms come back with the 503 (passwords blank). A route file without an entry here
 * fails, so a new route has to say what it does during an outage. (The simulated outage is a new
 * database handle, and the synced-content cache belongs to a handle, so here content lookups
 * need the database too; on a real outage of the same pool they would not.)
 */

type Role = "anonymous" | "learner" | "instructor" | "manager" | "admin";

/**
 * "page": a 503 with Retry-After whose data the root ErrorBoundary renders (the translated words,
 * any kept form); "download": a plain-text 503 with Retry-After; a number: the status the route
 * answers without a database.
 */
type Outcome = "page" | "download" | number;

type Fixtures = { firstTurnId: string };
type Fields = Record<string, string | File>;

type Call = {
  as: Role;
  /** Database down from the start. */
  expect: Outcome;
  /** Database down right after the session check (signed-in roles only); default `expect`. */
  afterSession?: Outcome;
};

type ActionCall = Call & {
  body?: Fields | ((fx: Fixtures) => Fields);
  /** Sent as multipart/form-data. */
  multipart?: true;
  /** Fields the kept form shows, editable; every other posted field rides along hidden. */
  shown?: string[];
  /** Shown as password inputs and never echoed. */
  passwords?: string[];
};

type Entry = { params?: Record<string, string>; loader?: Call; action?: ActionCall };

const SLUG = "dm-syarat-ktp";
const COURSE = "tata-kelola-media-sosial";
const LESSON = { course: "etika-merespons-warga", lesson: "sapaan-dan-salam" };
const id = () => randomUUID();
const future = () => new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
const newPassword = () => `Gangguan-sandi-${randomUUID()}`;
const csvFile = () =>
  new File([`nama,email,nip,kode_unit,peran\nDewi Gangguan,dewi.${id().slice(0, 8)}@impor.id,,UNIT-X,learner\n`], "staf.csv", { type: "text/csv" });

const outages: Record<string, Entry> = {
  // The DID document reads the keys from the database.
  "[.well-known].did[.]json.ts": { loader: { as: "anonymous", expect: "download" } },
  "admin.penerbit.tsx": {
    loader: { as: "admin", expect: "page" },
    action: {
      as: "admin",
      expect: "page",
      body: {
        intent: "save",
        agencyId: "",
        institution: "BPSDM Gangguan",
        signatoryName: "Dr. Sari Gangguan",
        signatoryNip: "",
        signatoryTitle: "Kepala BPSDM",
      },
      shown: ["institution", "signatoryName", "signatoryNip", "signatoryTitle"],
    },
  },
  "_index.tsx": { loader: { as: "learner", expect: "page" } },
  // Pages that need the database only for the session check.
  "admin._index.tsx": { loader: { as: "admin", expect: "page", afterSession: 200 } },
  "admin.audit.tsx": { loader: { as: "admin", expect: "page" } },
  "admin.kotak-keluar.tsx": { loader: { as: "admin", expect: "page" } },
  "admin.instansi.tsx": {
    loader: { as: "admin", expect: "page" },
    action: {
      as: "admin",
      expect: "page",
      body: { intent: "create", name: "Unit Uji Gangguan", code: "UJI.GANGGUAN", kind: "unit", parentId: "" },
      shown: ["name", "code"],
    },
  },
  "admin.pengguna.tsx": {
    loader: { as: "admin", expect: "page" },
    action: { as: "admin", expect: "page", body: { userId: id(), role: "instructor", agencyId: id(), disabled: "on" } },
  },
  "akun.kata-sandi.tsx": {
    loader: { as: "learner", expect: "page", afterSession: 200 },
    action: {
      as: "learner",
      expect: "page",
      body: () => {
        const next = newPassword();
        return { current: "kata-sandi-lama-123", next, confirm: next };
      },
      shown: ["current", "next", "confirm"],
      passwords: ["current", "next", "confirm"],
    },
  },
  "atur-sandi.$token.tsx": {
    params: { token: "tautan-yang-tidak-pernah-ada-0000000000000" },
    loader: { as: "anonymous", expect: "page" },
    action: {
      as: "anonymous",
      expect: "page",
      body: () => {
        const next = newPassword();
        return { next, confirm: next };
      },
      shown: ["next", "confirm"],
      passwords: ["next", "confirm"],
    },
  },
  // Language choice is a cookie.
  "bahasa.tsx": { loader: { as: "anonymous", expect: 302 }, action: { as: "anonymous", expect: 302, body: { lang: "en", ke: "/kursus" } } },
  // The health check reports the outage itself.
  "healthz.ts": { loader: { as: "anonymous", expect: 503 } },
  "kelola._index.tsx": { loader: { as: "manager", expect: "page" } },
  "kelola.impor.$batch._index.tsx": { params: { batch: id() }, loader: { as: "manager", expect: "page" } },
  "kelola.impor.$batch.tautan[.]csv.ts": { params: { batch: id() }, loader: { as: "manager", expect: "download" } },
  "kelola.impor.$batch.tautan[.]xlsx.ts": { params: { batch: id() }, loader: { as: "manager", expect: "download" } },
  "kelola.impor.templat[.]csv.ts": { loader: { as: "manager", expect: "download", afterSession: 200 } },
  "kelola.impor.templat[.]xlsx.ts": { loader: { as: "manager", expect: "download" } },
  // An uploaded file cannot be carried back: the page asks for it again (the confirm step is kept, see below).
  "kelola.impor._index.tsx": {
    loader: { as: "manager", expect: "page" },
    action: { as: "manager", expect: "page", multipart: true, body: () => ({ intent: "preview", berkas: csvFile() }) },
  },
  "kelola.jp.tsx": { loader: { as: "manager", expect: "page" } },
  "kelola.evaluasi.tsx": { loader: { as: "manager", expect: "page" } },
  "kelola.evaluasi[.]csv.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.evaluasi[.]xlsx.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.jp[.]csv.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.jp[.]xlsx.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.jp[.]zip.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.laporan-pimpinan.tsx": { loader: { as: "manager", expect: "page" } },
  "kelola.laporan-pimpinan[.]pdf.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.laporan[.]csv.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.laporan[.]xlsx.ts": { loader: { as: "manager", expect: "download" } },
  "kelola.pengguna.$id.tsx": { params: { id: id() }, loader: { as: "manager", expect: "page" }, action: { as: "manager", expect: "page" } },
  "kelola.pengguna._index.tsx": { loader: { as: "manager", expect: "page" } },
  "kelola.pengguna.baru.tsx": {
    loader: { as: "manager", expect: "page" },
    action: {
      as: "manager",
      expect: "page",
      body: () => ({
        name: "Sari Gangguan",
        email: `sari.${id().slice(0, 8)}@uji.sigap.id`,
        nip: "",
        agencyId: id(),
        role: "learner",
        password: newPassword(),
      }),
      shown: ["name", "email", "nip", "password"],
      passwords: ["password"],
    },
  },
  "kelola.penugasan.tsx": {
    loader: { as: "manager", expect: "page" },
    action: { as: "manager", expect: "page", body: () => ({ courseId: id(), agencyId: id(), dueDate: future() }), shown: ["dueDate"] },
  },
  "kelola.peserta.$id.tsx": {
    params: { id: id() },
    loader: { as: "manager", expect: "page" },
    action: { as: "manager", expect: "page", body: () => ({ certificateId: id(), reason: "Nilai hasil perjokian" }), shown: ["reason"] },
  },
  "kelola.peserta._index.tsx": { loader: { as: "manager", expect: "page" } },
  // GET only redirects; signing out deletes the session row.
  "keluar.tsx": { loader: { as: "learner", expect: 302 }, action: { as: "learner", expect: "page", body: { scope: "semua" } } },
  "kursus.$course.$lesson.tsx": {
    params: LESSON,
    loader: { as: "learner", expect: "page" },
    action: { as: "learner", expect: "page", body: { intent: "complete" } },
  },
  "kursus.$course._index.tsx": { params: { course: COURSE }, loader: { as: "learner", expect: "page" } },
  // Built from the content files alone: it needs no database.
  "kursus.$course.kurikulum.tsx": { params: { course: COURSE }, loader: { as: "anonymous", expect: 200 } },
  "kursus.$course.evaluasi.tsx": {
    params: { course: COURSE },
    loader: { as: "learner", expect: "page" },
    action: {
      as: "learner",
      expect: "page",
      body: {
        relevance: "4",
        clarity: "4",
        practice: "5",
        time: "3",
        recommend: "4",
        comment: "Bagus",
        planChange: "Menjawab DM di hari yang sama",
        planDue: "2099-01-01",
        planEvidence: "Rekap bulanan",
      },
      shown: ["comment", "planChange", "planDue", "planEvidence"],
    },
  },
  "kursus._index.tsx": { loader: { as: "learner", expect: "page" } },
  "kursus.verifikasi-hoaks.cek-list.tsx": { loader: { as: "learner", expect: "page", afterSession: 200 } },
  "latihan.$exercise.tsx": {
    params: { exercise: SLUG },
    loader: { as: "learner", expect: "page" },
    action: {
      as: "learner",
      expect: "page",
      body: (fx) => ({ intent: "reply", turnId: fx.firstTurnId, reply: "Selamat pagi Kak, cukup bawa KK asli.", key: id() }),
      shown: ["reply"],
    },
  },
  // A stale session cookie on the sign-in page needs the database to be recognised.
  "masuk.tsx": {
    loader: { as: "learner", expect: "page", afterSession: 302 },
    action: {
      as: "anonymous",
      expect: "page",
      body: { email: "rina@uji.sigap.id", password: "kata-sandi-uji-123", ke: "/kursus" },
      shown: ["email", "password"],
      passwords: ["password"],
    },
  },
  // SSO ASN unconfigured here: a visitor without a session cookie gets the 404 without the database.
  "masuk_.sso.tsx": { loader: { as: "anonymous", expect: 404 } },
  "masuk_.sso_.kembali.tsx": { loader: { as: "anonymous", expect: 404 } },
  "akun.email.tsx": { loader: { as: "learner", expect: "page" }, action: { as: "learner", expect: "page", body: { reminders: "ya" } } },
  "lupa-sandi.tsx": {
    loader: { as: "learner", expect: "page", afterSession: 302 },
    action: { as: "anonymous", expect: "page", body: { email: "rina@uji.sigap.id" }, shown: ["email"] },
  },
  // Files shipped with the content.
  "media.$course.$file.ts": { params: { course: "verifikasi-hoaks", file: "foto-banjir-editan.svg" }, loader: { as: "anonymous", expect: 200 } },
  "saya.sertifikat.$code.pdf.ts": { params: { code: "SGP-0000-0000" }, loader: { as: "learner", expect: "download" } },
  "saya.sertifikat._index.tsx": {
    loader: { as: "learner", expect: "page" },
    action: { as: "learner", expect: "page", body: () => ({ courseId: id(), confirm: "ya" }) },
  },
  "saya.sertifikat.$file.ts": { params: { file: "SGP-0000-0000-0000.jwt" }, loader: { as: "learner", expect: "download" } },
  // Public: the per-address rate limit is the first query.
  // A well-formed code is looked up (the per-address limit is in memory, issue 18); a malformed one is answered without the database.
  "sertifikat.$code.tsx": { params: { code: generateCertificateCode() }, loader: { as: "anonymous", expect: "page" } },
  // Checking a pasted credential that does not even parse needs no database (the limit is in memory).
  "sertifikat._index.tsx": {
    loader: { as: "anonymous", expect: 200 },
    action: { as: "anonymous", expect: 200, body: { credential: "eyJhbGciOiJFZERTQSJ9.e30.c2ln" } },
  },
  "status.$purpose.$list.ts": { params: { purpose: "revocation", list: "0" }, loader: { as: "anonymous", expect: "download" } },
  "studio.$course.$lesson.tsx": { params: LESSON, loader: { as: "instructor", expect: "page" } },
  "studio._index.tsx": { loader: { as: "instructor", expect: "page" } },
  "studio.latihan.$attempt.tsx": {
    params: { attempt: id() },
    loader: { as: "instructor", expect: "page" },
    action: {
      as: "instructor",
      expect: "page",
      body: { score: "85", passed: "ya", comment: "Sapaan sudah tepat, tambahkan sumber resmi." },
      shown: ["score", "comment"],
    },
  },
  "studio.latihan._index.tsx": { loader: { as: "instructor", expect: "page" }, action: { as: "instructor", expect: "page", body: { slug: SLUG } } },
  "studio.kesepakatan.tsx": { loader: { as: "instructor", expect: "page" } },
  "studio.tinjauan.$attempt.tsx": {
    params: { attempt: id() },
    loader: { as: "instructor", expect: "page" },
    action: {
      as: "instructor",
      expect: "page",
      body: { decision: "change", score: "60", passed: "tidak", comment: "Fakta jam layanan keliru." },
      shown: ["score", "comment"],
    },
  },
  "studio.tinjauan._index.tsx": { loader: { as: "instructor", expect: "page" } },
  "studio.uji-rubrik.tsx": {
    loader: { as: "instructor", expect: "page" },
    action: {
      as: "instructor",
      expect: "page",
      body: (fx) => ({ target: `${SLUG}#${fx.firstTurnId}`, reply: "Selamat pagi Kak, terima kasih." }),
      shown: ["reply"],
    },
  },
};

let fx: Fixtures;
const cookies = {} as Record<Exclude<Role, "anonymous">, string>;
const emails = {} as Record<Exclude<Role, "anonymous">, string>;
const originalContentDir = process.env.CONTENT_DIR;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("content");
  await getSyncedContent();
  const tree = await createTwoAgencies();
  const signedIn = await signedInRoles(tree);
  Object.assign(emails, signedIn.emails);
  Object.assign(cookies, signedIn.cookies);
  fx = { firstTurnId: (await getDmEntry(SLUG))!.exercise.turns[0]!.id };
}, 120_000);

afterEach(databaseBack);
afterAll(() => {
  process.env.CONTENT_DIR = originalContentDir;
});

function request(kind: "loader" | "action", url: string, call: ActionCall, cookie: string | undefined): Request {
  if (kind === "loader") return get(url, cookie);
  const fields = typeof call.body === "function" ? call.body(fx) : (call.body ?? {});
  if (!call.multipart) return post(url, fields as Record<string, string>, cookie);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(`${BASE}${url}`, { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000", ...(cookie ? { cookie } : {}) } });
}

/** What is wrong with the answer, or null. A thrown error is what Remix would turn into a 500. */
async function problemWith(expected: Outcome, answer: () => Promise<Response>): Promise<{ problem: string | null; res: Response | null }> {
  let res: Response;
  try {
    res = await answer();
  } catch (error) {
    return { problem: `threw ${String(error).slice(0, 120)} — a 500`, res: null };
  }
  if (typeof expected === "number") return { problem: res.status === expected ? null : `expected ${expected}, got ${res.status}`, res };
  if (res.status !== 503) return { problem: `expected the 503 ${expected}, got ${res.status}`, res };
  if (res.headers.get("retry-after") !== "5") return { problem: "503 without Retry-After", res };
  if (expected === "download") {
    const ok = /^text\/plain/.test(res.headers.get("content-type") ?? "") && /tidak tersedia/.test(await res.clone().text());
    return { problem: ok ? null : "download 503 is not the translated plain-text line", res };
  }
  const body: unknown = await res
    .clone()
    .json()
    .catch(() => null);
  return { problem: isUnavailableData(body) && /tidak tersedia/.test(body.messages.unavailable) ? null : "503 without the data of the outage page", res };
}

/** The posted form must come back: every field, passwords blank and shown as password inputs. */
function keptFormProblems(call: ActionCall, request: Request, sent: Fields, body: UnavailableData): string[] {
  const problems: string[] = [];
  const hasFile = Object.values(sent).some((v) => typeof v !== "string");
  if (hasFile) {
    if (body.form !== null) problems.push("an upload cannot be kept, but a form came back");
    if (!/unggah lagi/.test(body.messages.unavailable)) problems.push("an upload's 503 does not ask for the file again");
    return problems;
  }
  if (!body.form) return ["no form came back"];
  const url = new URL(request.url);
  if (body.form.action !== url.pathname + url.search) problems.push(`kept form posts to ${body.form.action}`);
  for (const [name, value] of Object.entries(sent) as [string, string][]) {
    const kept = body.form.fields.filter((f) => f.name === name);
    const secret = call.passwords?.includes(name);
    if (kept.length !== 1) problems.push(`field ${name} came back ${kept.length} times`);
    else if (kept[0]!.value !== (secret ? "" : value)) problems.push(`field ${name} came back as ${JSON.stringify(kept[0]!.value)}`);
    else if (!!kept[0]!.show !== !!call.shown?.includes(name)) problems.push(`field ${name} is ${kept[0]!.show ? "shown" : "hidden"}`);
    else if (secret && !/password/.test(kept[0]!.show ?? "")) problems.push(`field ${name} is not a password input`);
    if (secret && JSON.stringify(body).includes(value)) problems.push(`password field ${name} was echoed`);
  }
  return problems;
}

let calls = 0;
afterAll(() => {
  if (calls) console.info(`outage: ${routeFiles.length} route files, ${calls} calls with the database down`);
});

describe("every route during a database outage", () => {
  for (const file of [...new Set([...routeFiles, ...Object.keys(outages)])].sort()) {
    it(file, async () => {
      if (!routeFiles.includes(file)) throw new Error(`db-outage-routes.test.ts has an entry for "${file}", but app/routes/${file} does not exist`);
      const entry = outages[file];
      if (!entry)
        throw new Error(
          `app/routes/${file} has no entry in tests/integration/db-outage-routes.test.ts: say what its loader and action answer while the database is down`,
        );
      const mod = (await import(path.join(routesDir, file))) as Record<"loader" | "action", ((args: never) => unknown) | undefined>;
      const problems: string[] = [];
      for (const kind of ["loader", "action"] as const) {
        if (!!mod[kind] !== !!entry[kind])
          problems.push(`${kind}: module ${mod[kind] ? "exports one" : "has none"}, the entry ${entry[kind] ? "has one" : "has none"}`);
      }
      const params = entry.params ?? {};
      const url = urlPattern(file).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));

      for (const kind of ["loader", "action"] as const) {
        const call = entry[kind] as ActionCall | undefined;
        const fn = mod[kind];
        if (!call || !fn) continue;
        const phases = call.as === "anonymous" ? (["down"] as const) : (["down", "afterSession"] as const);
        for (const phase of phases) {
          // Signing out ends the session: a throwaway one keeps the shared cookies usable.
          const cookie = call.as === "anonymous" ? undefined : file === "keluar.tsx" ? await sessionCookieFor(emails[call.as]) : cookies[call.as];
          const req = request(kind, url, call, cookie);
          const sent: Fields = kind === "action" ? Object.fromEntries((await req.clone().formData()).entries()) : {};
          if (phase === "afterSession") expect(await getUser(req), `${file}: ${call.as} is signed in`).not.toBeNull();
          await databaseDown();
          const expected = phase === "afterSession" ? (call.afterSession ?? call.expect) : call.expect;
          const { problem, res } = await problemWith(expected, () => run(fn, req, params));
          calls++;
          await databaseBack();
          const label = `${kind} as ${call.as}, database down ${phase === "down" ? "from the start" : "after the session check"}`;
          if (problem) problems.push(`${label}: ${problem}`);
          else if (kind === "action" && expected === "page" && res) {
            for (const p of keptFormProblems(call, req, sent, (await res.json()) as UnavailableData)) problems.push(`${label}: ${p}`);
          }
        }
      }
      expect(problems, file).toEqual([]);
    });
  }
});

describe("the outage checks can fail", () => {
  it("reports a loader without the wrapper as a 500", async () => {
    const bare = async ({ request }: { request: Request }) => {
      await requireUser(request);
      return new Response("ok");
    };
    await databaseDown();
    const { problem } = await problemWith("page", () => run(bare, get("/", cookies.learner)));
    expect(problem).toMatch(/a 500$/);
  });

  it("reports an echoed password and a lost field", () => {
    const req = post("/akun/kata-sandi", {});
    const body: UnavailableData = {
      unavailable: true,
      lang: "id",
      messages: { unavailable: "Layanan sedang tidak tersedia", resubmit: "Kirim ulang", back: "Kembali" },
      form: { action: "/akun/kata-sandi", fields: [{ name: "current", value: "rahasia-sekali-123", show: "password", label: "Kata sandi" }] },
    };
    const problems = keptFormProblems(
      { as: "learner", expect: "page", shown: ["current"], passwords: ["current"] },
      req,
      { current: "rahasia-sekali-123", next: "x" },
      body,
    );
    expect(problems).toEqual(['field current came back as "rahasia-sekali-123"', "password field current was echoed", "field next came back 0 times"]);
  });
});

describe("outage answers in detail", () => {
  it("keeps the staff import's confirm step (the CSV text) and posts it back as multipart", async () => {
    const csv = `nama,email,nip,kode_unit,peran\nDewi Gangguan,dewi.konfirmasi@impor.id,,UNIT-X,learner\n`;
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "confirm", expected: "1", csv })) form.set(k, v);
    const req = new Request(`${BASE}/kelola/impor`, { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000", cookie: cookies.manager } });
    await getUser(req);
    await databaseDown();
    const { action } = await import("~/routes/kelola.impor._index");
    const res = await run(action, req);
    expect(res.status).toBe(503);
    const body = (await res.json()) as UnavailableData;
    expect(body.form).toEqual({
      action: "/kelola/impor",
      multipart: true,
      fields: [
        { name: "intent", value: "confirm" },
        { name: "expected", value: "1" },
        // Multipart sends line breaks as CRLF, as browsers do.
        { name: "csv", value: csv.replace(/\n/g, "\r\n") },
      ],
    });
    expect(body.messages.unavailable).toMatch(/Isian Anda tidak hilang/);
  });

  it("answers a download in the reader's language, and a page without a form says to try again", async () => {
    await databaseDown();
    const { loader: report } = await import("~/routes/kelola.laporan[.]csv");
    const csv = await run(report, get("/kelola/laporan.csv", `${cookies.manager}; sigap_lang=en`));
    expect(csv.status).toBe(503);
    expect(csv.headers.get("content-disposition")).toBeNull();
    expect(await csv.text()).toMatch(/^The service is briefly unavailable, so the file cannot be downloaded yet/);
    const { loader: dashboard } = await import("~/routes/kelola._index");
    const page = (await (await run(dashboard, get("/kelola", cookies.manager))).json()) as UnavailableData;
    expect(page).toMatchObject({ form: null, messages: { unavailable: "Layanan sedang tidak tersedia sebentar. Coba lagi dalam beberapa saat." } });
  });
});
