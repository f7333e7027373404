import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, exerciseAttempts, lessonProgress } from "../../db/schema";
import { getDmEntry } from "~/exercises/entries.server";
import { submitExercise } from "~/exercises/registry.server";
import { getSyncedContent } from "~/content/sync.server";
import { refreshEnrollment } from "~/models/certificate.server";
import { assignCourse } from "~/models/enrollment.server";
import { commitStaffImport, previewStaffImport } from "~/models/staff-import.server";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { BASE, createAccount, createTwoAgencies, get, post, run, sessionCookieFor, signedInRoles } from "../setup/factories";
import { routeFiles, routesDir, urlPattern } from "../setup/routes";
import {
  matrix,
  ROLES,
  SCOPED_TARGETS,
  type BodyFixtures,
  type Cell,
  type Entry,
  type MatrixRole,
  type Outcome,
  type Scope,
  type Target,
} from "./authorization-matrix";

/**
 * Every route file × every role × own/other agency, loader and action, against the real test
 * database. The route list is read from app/routes/, so a new route without a line in
 * authorization-matrix.ts fails here.
 */

const SLUG = "dm-syarat-ktp";
const COURSE = "tata-kelola-media-sosial";
const REPLY =
  "Selamat malam Kak, terima kasih sudah bertanya. Untuk KTP-el cukup bawa Kartu Keluarga (KK) asli, lalu datang langsung ke Disdukcapil. Semua layanan gratis.";
// People and units of agency B: none of them may appear in what agency A's staff and learners get.
const LEARNER_B = "Budi Luar Wilayah";
const MANAGER_B = "Bambang Pengelola Luar";
const IMPORTED_B = "Bayu Impor Luar";
const foreignNames = [LEARNER_B, MANAGER_B, IMPORTED_B, "Provinsi B", "Diskominfo B", "Bidang B1"];
const foreignPattern = new RegExp(`(?<![\\w-])(${foreignNames.join("|")})(?![\\w-])`);

type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
let tree: Tree;
const emails = {} as Record<Exclude<MatrixRole, "anonymous">, string>;
const cookies = {} as Record<MatrixRole, string | undefined>;
let fx: {
  learner: Record<Scope, string>;
  batch: Record<Scope, string>;
  certificate: Record<Scope, { id: string; code: string }>;
  attempt: Record<Scope, string>;
  reviewAttempt: Record<Scope, string>;
  unit: Record<Scope, string>;
  body: BodyFixtures;
};

const originalContentDir = process.env.CONTENT_DIR;
const signedInUser = async (cookie: string): Promise<SessionUser> => (await getUser(get("/", cookie)))!;

beforeAll(async () => {
  const db = await getDb();
  process.env.CONTENT_DIR = path.resolve("content");
  const { ids, tree: content } = await getSyncedContent();
  tree = await createTwoAgencies();

  const signedIn = await signedInRoles(tree, "Rina Peserta Sendiri");
  Object.assign(emails, signedIn.emails);
  Object.assign(cookies, signedIn.cookies);
  const learnerB = await createAccount(tree.unitB.id, "learner", LEARNER_B);
  const managerB = await createAccount(tree.agencyB.id, "manager", MANAGER_B);
  const learners = { own: await signedInUser(cookies.learner!), other: await signedInUser(await sessionCookieFor(learnerB.email)) };
  const managerUsers = { own: await signedInUser(cookies.manager!), other: await signedInUser(await sessionCookieFor(managerB.email)) };

  // Both agencies have a course assignment, so dashboards and tables have rows that could leak.
  const courseId = ids.get(`${COURSE}/${content.courses.find((c) => c.slug === COURSE)!.lessons[0]!.slug}`)!.courseId;
  const due = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
  await assignCourse(db, managerUsers.own.id, { courseId, agency: tree.agencyA, dueDate: due });
  await assignCourse(db, managerUsers.other.id, { courseId, agency: tree.agencyB, dueDate: due });

  // A certificate for each learner: every lesson of the course completed, then the real issuing path.
  const course = content.courses.find((c) => c.slug === COURSE)!;
  const certificate = {} as Record<Scope, { id: string; code: string }>;
  for (const scope of ["own", "other"] as const) {
    const userId = learners[scope].id;
    const issued = await db.transaction(async (tx) => {
      await tx.insert(lessonProgress).values(
        course.lessons.map((l) => ({
          id: crypto.randomUUID(),
          userId,
          lessonId: ids.get(`${COURSE}/${l.slug}`)!.lessonId,
          courseId,
          status: "completed" as const,
          courseVersion: course.meta.version,
          completedAt: new Date(),
        })),
      );
      return refreshEnrollment(tx, userId, courseId);
    });
    if (!issued) throw new Error("fixture certificate was not issued");
    certificate[scope] = { id: issued.id, code: issued.code };
  }

  // A DM attempt (first turn answered) for each learner.
  const firstTurnId = (await getDmEntry(SLUG))!.exercise.turns[0]!.id;
  const attempt = {} as Record<Scope, string>;
  for (const scope of ["own", "other"] as const) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "reply", turnId: firstTurnId, reply: REPLY, key: `matriks-${scope}-0001` })) form.set(k, v);
    await submitExercise(learners[scope], SLUG, form);
    const [row] = await db.select({ id: exerciseAttempts.id }).from(exerciseAttempts).where(eq(exerciseAttempts.userId, learners[scope].id));
    attempt[scope] = row!.id;
  }

  // A finished attempt waiting in the review queue for each learner.
  const reviewAttempt = {} as Record<Scope, string>;
  const dmEntry = (await getDmEntry(SLUG))!;
  for (const scope of ["own", "other"] as const) {
    reviewAttempt[scope] = crypto.randomUUID();
    await db.insert(exerciseAttempts).values({
      id: reviewAttempt[scope],
      userId: learners[scope].id,
      lessonId: dmEntry.ids.lessonId,
      exerciseSlug: SLUG,
      status: "completed",
      score: 90,
      passed: true,
      graderVersion: "matriks",
      courseVersion: "1.0.0",
      completedAt: new Date(),
      reviewStatus: "pending",
      reviewReasons: ["low-similarity"],
    });
  }

  // A staff-import batch made by each agency's manager.
  const batch = {} as Record<Scope, string>;
  const units = { own: tree.unitA, other: tree.unitB };
  for (const scope of ["own", "other"] as const) {
    const name = scope === "own" ? "Dewi Impor Sendiri" : IMPORTED_B;
    const csv = `nama,email,nip,kode_unit,peran\n${name},${scope}.${crypto.randomUUID().slice(0, 8)}@impor.id,,${units[scope].code},learner\n`;
    const preview = await previewStaffImport(db, managerUsers[scope], csv);
    if (!preview.ok || preview.result.validCount !== 1) throw new Error("fixture import preview failed");
    batch[scope] = await commitStaffImport(db, managerUsers[scope], preview.result);
  }

  fx = {
    learner: { own: learners.own.id, other: learners.other.id },
    batch,
    certificate,
    attempt,
    reviewAttempt,
    unit: { own: tree.unitA.id, other: tree.unitB.id },
    body: {
      firstTurnId,
      courseId,
      dueDate: due,
      certificateId: { own: certificate.own.id, other: certificate.other.id },
      unitId: { own: tree.unitA.id, other: tree.unitB.id },
    },
  };
}, 120_000);

afterAll(() => {
  process.env.CONTENT_DIR = originalContentDir;
});

/** The URL parameters and query string for a route's target object. */
function targetFor(target: Target | undefined, scope: Scope): { params: Record<string, string>; search?: string } {
  switch (target) {
    case undefined:
      return { params: {} };
    case "token":
      return { params: { token: "tautan-yang-tidak-pernah-ada-0000000000000" } };
    case "course":
      return { params: { course: COURSE } };
    case "lesson":
      return { params: { course: "etika-merespons-warga", lesson: "sapaan-dan-salam" } };
    case "media":
      return { params: { course: "verifikasi-hoaks", file: "foto-banjir-editan.svg" } };
    case "user":
      return { params: { id: fx.learner[scope] } };
    case "batch":
      return { params: { batch: fx.batch[scope] } };
    case "certificate":
      return { params: { code: fx.certificate[scope].code } };
    case "attempt":
      return { params: { attempt: fx.attempt[scope] } };
    case "reviewAttempt":
      return { params: { attempt: fx.reviewAttempt[scope] } };
    case "attemptView":
      return { params: { exercise: SLUG }, search: `?percobaan=${fx.attempt[scope]}` };
    case "unitFilter":
      return { params: {}, search: `?unit=${fx.unit[scope]}` };
    case "unitField":
      return { params: {} };
    case "credentialFile":
      return { params: { file: `${fx.certificate[scope].code}.jwt` } };
    case "statusList":
      return { params: { purpose: "revocation", list: "0" } };
  }
}

function expectedOutcome(cell: Cell, scope: Scope | null): Outcome {
  return typeof cell === "object" ? cell[scope ?? "own"] : cell;
}

/** The difference between what the matrix expects and what the route answered, or null. */
function mismatch(expected: Outcome, res: Response, here: string): string | null {
  const [status, location] = typeof expected === "number" ? [expected, null] : (expected.split("→") as [string, string]);
  const wantLocation = location?.replace("{here}", encodeURIComponent(here)) ?? null;
  const got = res.status;
  const gotLocation = res.headers.get("location");
  if (got !== Number(status)) return `expected ${expected}, got ${got}${gotLocation ? `→${gotLocation}` : ""}`;
  if (wantLocation !== null && gotLocation !== wantLocation) return `expected redirect to ${wantLocation}, got ${gotLocation}`;
  return null;
}

function actionRequest(entry: Entry, url: string, scope: Scope, cookie: string | undefined): Request {
  const fields = typeof entry.body === "function" ? entry.body(fx.body, scope) : (entry.body ?? {});
  if (!entry.multipart) return post(url, fields, cookie);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(`${BASE}${url}`, { method: "POST", body: form, headers: { origin: BASE, host: "localhost:3000", ...(cookie ? { cookie } : {}) } });
}

let cells = 0;
afterAll(() => {
  if (cells) console.info(`authorization matrix: ${routeFiles.length} route files, ${cells} cells checked`);
});

describe("authorization matrix", () => {
  const entries = Object.keys(matrix);
  for (const file of [...new Set([...routeFiles, ...entries])].sort()) {
    it(file, async () => {
      if (!routeFiles.includes(file)) throw new Error(`authorization-matrix.ts has an entry for "${file}", but app/routes/${file} does not exist`);
      const entry = matrix[file];
      if (!entry) throw new Error(`app/routes/${file} has no entry in tests/integration/authorization-matrix.ts: add who may load it and post to it`);

      const mod = (await import(path.join(routesDir, file))) as { loader?: (args: never) => unknown; action?: (args: never) => unknown };
      const pattern = urlPattern(file);
      const problems: string[] = [];
      if (!!mod.loader !== !!entry.loader)
        problems.push(`loader: module ${mod.loader ? "exports one" : "has none"}, the matrix ${entry.loader ? "has a row" : "has none"}`);
      if (!!mod.action !== !!entry.action)
        problems.push(`action: module ${mod.action ? "exports one" : "has none"}, the matrix ${entry.action ? "has a row" : "has none"}`);
      if (pattern.includes(":") && !entry.target) problems.push(`${pattern} has parameters but no target`);
      const isScoped = !!entry.target && SCOPED_TARGETS.includes(entry.target);
      const split = [entry.loader, entry.action].some((row) => row && Object.values(row).some((c) => typeof c === "object"));
      if (split && !isScoped) problems.push("own/other outcomes need a scoped target");
      expect(problems, file).toEqual([]);

      for (const kind of ["loader", "action"] as const) {
        const row = entry[kind];
        const fn = mod[kind];
        if (!row || !fn) continue;
        for (const scope of isScoped ? (["own", "other"] as const) : [null]) {
          const { params, search = "" } = targetFor(entry.target, scope ?? "own");
          const pathname = pattern.replace(/:(\w+)/g, (_, name: string) => {
            if (!(name in params)) throw new Error(`${file}: target ${entry.target} gives no :${name}`);
            return encodeURIComponent(params[name]!);
          });
          const url = pathname + search;
          for (const role of ROLES) {
            let cookie = cookies[role];
            // Signing out invalidates the session: use a throwaway one so the shared cookies keep working.
            if (kind === "action" && entry.endsSession && role !== "anonymous") cookie = await sessionCookieFor(emails[role]);
            const request = kind === "loader" ? get(url, cookie) : actionRequest(entry, url, scope ?? "own", cookie);
            const res = await run(fn, request, params);
            cells++;
            const label = `${kind} ${role}${scope ? ` ${scope}` : ""} ${request.method} ${url}`;
            const wrong = mismatch(expectedOutcome(row[role], scope), res, url);
            if (wrong) problems.push(`${label}: ${wrong}`);
            if (role !== "admin" && !entry.publicData) {
              const leak = foreignPattern.exec(await res.text());
              if (leak) problems.push(`${label}: response shows "${leak[1]}" of agency B`);
            }
          }
        }
      }
      expect(problems, file).toEqual([]);
    });
  }
});

describe("the matrix's own checks can fail", () => {
  it("derives the URLs Remix serves", () => {
    expect(urlPattern("kelola.peserta.$id.tsx")).toBe("/kelola/peserta/:id");
    expect(urlPattern("kelola.laporan[.]csv.ts")).toBe("/kelola/laporan.csv");
    expect(urlPattern("saya.sertifikat.$code.pdf.ts")).toBe("/saya/sertifikat/:code/pdf");
    expect(urlPattern("_index.tsx")).toBe("/");
  });

  it("sees agency B's people when an admin looks (the leak check is not vacuous)", async () => {
    const { loader } = await import("~/routes/kelola.peserta.$id");
    const body = await (await run(loader, get(`/kelola/peserta/${fx.learner.other}`, cookies.admin), { id: fx.learner.other })).text();
    expect(foreignPattern.exec(body)?.[1]).toBe(LEARNER_B);
    const list = await (await run((await import("~/routes/kelola.peserta._index")).loader, get("/kelola/peserta", cookies.admin))).text();
    expect(list).toMatch(foreignPattern);
  });

  it("refuses a manager revoking another agency's certificate through their own learner's page", async () => {
    const { action } = await import("~/routes/kelola.peserta.$id");
    const res = await run(
      action,
      post(`/kelola/peserta/${fx.learner.own}`, { certificateId: fx.certificate.other.id, reason: "Percobaan lintas instansi" }, cookies.manager),
      { id: fx.learner.own },
    );
    expect(res.status).toBe(404);
    const db = await getDb();
    const [cert] = await db
      .select({ revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(inArray(certificates.id, [fx.certificate.other.id]));
    expect(cert!.revokedAt).toBeNull();
  });
});
