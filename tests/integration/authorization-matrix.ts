/**
 * Who may do what, per route file in app/routes/: the expectations behind
 * authorization-matrix.test.ts. Every route file needs a line here; a new route without one
 * fails the test. Expectations follow the product rules (docs/decisions/003-auth.md), not
 * whatever the code happens to answer:
 * - anonymous visitors are sent to /masuk on every signed-in page;
 * - /kelola is for managers (their agency subtree) and admins (everything);
 * - /studio is for instructors (attempts of their agency subtree) and admins;
 * - /admin is for admins; /saya and ?percobaan= show only the signed-in person's own things;
 * - a wrong role answers 403, an object outside the scope 404 (its existence is not revealed).
 *
 * Every signed-in test user belongs to agency A. Routes with a scoped `target` are called twice:
 * with an object of agency A ("own") and one of agency B ("other"). A plain outcome then holds
 * for both; `{ own, other }` tells them apart. Actions get a minimal, harmless body (most fail
 * validation with 400 after passing authorization, which is what the cell shows).
 */

export const ROLES = ["anonymous", "learner", "instructor", "manager", "admin"] as const;
export type MatrixRole = (typeof ROLES)[number];
export type Scope = "own" | "other";

/** A status, or `status→location` for redirects; `{here}` stands for the requested path, URL-encoded. */
export type Outcome = number | `${number}→${string}`;
export type Cell = Outcome | { own: Outcome; other: Outcome };
export type Row = Record<MatrixRole, Cell>;

/** Which real object fills the URL's parameters (or query) — see `targetFor` in the test. */
export type Target =
  | "token" // a set-password token that does not exist
  | "course" // a published course (content is not agency-bound)
  | "lesson" // a published lesson
  | "media" // a lesson image
  | "user" // scoped: a learner account of agency A / B (the signed-in learner is the one of A)
  | "batch" // scoped: a staff-import batch made by the signed-in manager of A / by the manager of B
  | "certificate" // scoped: the certificate of the learner of A / of B
  | "attempt" // scoped: a DM attempt of the learner of A / of B
  | "reviewAttempt" // scoped: a finished DM attempt waiting in the review queue, of the learner of A / of B
  | "attemptView" // scoped: /latihan/<slug>?percobaan=<attempt of the learner of A / of B>
  | "unitFilter" // scoped: ?unit=<unit of A / of B> on the learner table and its CSV
  | "unitField" // scoped: the form names a unit of A / of B (the URL stays the same)
  | "credentialFile" // scoped: <code>.jwt of the certificate of the learner of A / of B
  | "statusList"; // a status list: /status/revocation/0

export const SCOPED_TARGETS: readonly Target[] = [
  "user",
  "batch",
  "certificate",
  "attempt",
  "reviewAttempt",
  "attemptView",
  "unitFilter",
  "unitField",
  "credentialFile",
];

/** Fixture values an action body may need. */
export type BodyFixtures = {
  firstTurnId: string;
  courseId: string;
  dueDate: string;
  certificateId: Record<Scope, string>;
  unitId: Record<Scope, string>;
};

export type Entry = {
  target?: Target;
  loader?: Row;
  action?: Row;
  /** Form fields for the action (urlencoded via `post()`); default `{}`. */
  body?: Record<string, string> | ((fx: BodyFixtures, scope: Scope) => Record<string, string>);
  /** The action reads multipart form data. */
  multipart?: true;
  /** The action ends the session: call it with a throwaway session so the shared cookies survive. */
  endsSession?: true;
  /** The page is public by design and shows a person's name (certificate verification): no leak check. */
  publicData?: true;
};

export const SIGN_IN: Outcome = "302→/masuk?ke={here}";
export const HOME: Outcome = "302→/";

/** Shorthands for the common role sets. */
const everyone = (o: Outcome): Row => ({ anonymous: o, learner: o, instructor: o, manager: o, admin: o });
const signedIn = (o: Outcome): Row => ({ anonymous: SIGN_IN, learner: o, instructor: o, manager: o, admin: o });
// Admins see every agency: a split cell becomes its "own" outcome for them unless given.
const managers = (o: Cell, admin: Outcome = typeof o === "object" ? o.own : o): Row => ({
  anonymous: SIGN_IN,
  learner: 403,
  instructor: 403,
  manager: o,
  admin,
});
const studio = (o: Cell, admin: Outcome = typeof o === "object" ? o.own : o): Row => ({ anonymous: SIGN_IN, learner: 403, instructor: o, manager: 403, admin });
const admins = (o: Outcome): Row => ({ anonymous: SIGN_IN, learner: 403, instructor: 403, manager: 403, admin: o });
const scoped = { own: 200, other: 404 } as const;

export const matrix: Record<string, Entry> = {
  // The deployment's DID document: public keys only.
  "[.well-known].did[.]json.ts": { loader: everyone(200) },
  "admin.penerbit.tsx": { loader: admins(200), action: admins(400) },
  "_index.tsx": { loader: everyone(200) },
  "admin._index.tsx": { loader: admins(200) },
  "admin.audit.tsx": { loader: admins(200) },
  "admin.kotak-keluar.tsx": { loader: admins(200) },
  "admin.instansi.tsx": { loader: admins(200), action: admins(400) },
  "admin.pengguna.tsx": { loader: admins(200), action: admins(400) },
  "akun.kata-sandi.tsx": { loader: signedIn(200), action: signedIn(400) },
  "atur-sandi.$token.tsx": { target: "token", loader: everyone(200), action: everyone(400) },
  "bahasa.tsx": { loader: everyone(HOME), action: everyone("302→/kursus"), body: { lang: "en", ke: "/kursus" } },
  "healthz.ts": { loader: everyone(200) },
  "kelola._index.tsx": { loader: managers(200) },
  "kelola.impor.$batch._index.tsx": { target: "batch", loader: managers(scoped) },
  "kelola.impor.$batch.tautan[.]csv.ts": { target: "batch", loader: managers(scoped) },
  "kelola.impor.$batch.tautan[.]xlsx.ts": { target: "batch", loader: managers(scoped) },
  "kelola.impor.templat[.]csv.ts": { loader: managers(200) },
  "kelola.impor.templat[.]xlsx.ts": { loader: managers(200) },
  "kelola.impor._index.tsx": { loader: managers(200), action: managers(400), multipart: true },
  // A unit filter outside the subtree gives an empty table, not an error (the leak check proves it empty).
  "kelola.laporan-pimpinan.tsx": { loader: managers(200) },
  "kelola.laporan-pimpinan[.]pdf.ts": { loader: managers(200) },
  "kelola.laporan[.]csv.ts": { target: "unitFilter", loader: managers(200) },
  "kelola.laporan[.]xlsx.ts": { target: "unitFilter", loader: managers(200) },
  // Re-issuing a set-password link: the test accounts chose their passwords, so there is nothing to re-issue anywhere.
  // The JP ledger and its files: a unit outside the subtree gives nobody (the leak check proves it empty).
  "kelola.jp.tsx": { target: "unitFilter", loader: managers(200) },
  // Training evaluation (survey means, action plans) and its files: scoped in SQL, no parameter to point elsewhere.
  "kelola.evaluasi.tsx": { loader: managers(200) },
  "kelola.evaluasi[.]csv.ts": { loader: managers(200) },
  "kelola.evaluasi[.]xlsx.ts": { loader: managers(200) },
  "kelola.jp[.]csv.ts": { target: "unitFilter", loader: managers(200) },
  "kelola.jp[.]xlsx.ts": { target: "unitFilter", loader: managers(200) },
  "kelola.jp[.]zip.ts": { target: "unitFilter", loader: managers(200) },
  "kelola.pengguna.$id.tsx": { target: "user", loader: managers(scoped), action: managers(404) },
  "kelola.pengguna._index.tsx": { loader: managers(200) },
  // Writes naming a unit outside the subtree are refused as a form error on the unit field.
  "kelola.pengguna.baru.tsx": {
    target: "unitField",
    loader: managers(200),
    action: managers({ own: 200, other: 400 }),
    body: (fx, scope) => ({
      name: "Akun Uji Matriks",
      email: `matriks-${crypto.randomUUID().slice(0, 8)}@uji.sigap.id`,
      nip: "",
      agencyId: fx.unitId[scope],
      role: "learner",
      password: `Matriks-${crypto.randomUUID()}`,
    }),
  },
  "kelola.penugasan.tsx": {
    target: "unitField",
    loader: managers(200),
    action: managers({ own: 200, other: 400 }),
    body: (fx, scope) => ({ courseId: fx.courseId, agencyId: fx.unitId[scope], dueDate: fx.dueDate }),
  },
  "kelola.peserta.$id.tsx": {
    target: "user",
    loader: managers(scoped),
    action: managers({ own: 400, other: 404 }),
    body: (fx, scope) => ({ certificateId: fx.certificateId[scope], reason: "" }),
  },
  "kelola.peserta._index.tsx": { target: "unitFilter", loader: managers(200) },
  "keluar.tsx": { loader: everyone(HOME), action: everyone("302→/masuk?keluar=1"), endsSession: true },
  "kursus.$course.$lesson.tsx": { target: "lesson", loader: signedIn(200), action: signedIn(400) },
  "kursus.$course._index.tsx": { target: "course", loader: signedIn(200) },
  // The course evaluation: anyone signed in opens their own; an empty form fails validation.
  // The curriculum is public: a training agency files it without an account.
  "kursus.$course.kurikulum.tsx": { target: "course", loader: everyone(200) },
  "kursus.$course.evaluasi.tsx": { target: "course", loader: signedIn(200), action: signedIn(400) },
  "kursus._index.tsx": { loader: signedIn(200) },
  "kursus.verifikasi-hoaks.cek-list.tsx": { loader: signedIn(200) },
  // Only the learner's own attempt can be reopened; staff read attempts in /studio.
  "latihan.$exercise.tsx": { target: "attemptView", loader: { ...signedIn(404), learner: scoped }, action: signedIn(400) },
  "masuk.tsx": { loader: { ...everyone(HOME), anonymous: 200 }, action: everyone(400) },
  // SSO ASN is not configured in these tests: nothing to start or finish (tests/integration/sso.test.ts runs it against a provider).
  "masuk_.sso.tsx": { loader: { ...everyone(HOME), anonymous: 404 } },
  "masuk_.sso_.kembali.tsx": { loader: everyone(404) },
  "akun.email.tsx": { loader: signedIn(200), action: signedIn(200), body: { reminders: "ya", digestDay: "3" } },
  "lupa-sandi.tsx": { loader: { ...everyone(HOME), anonymous: 200 }, action: { ...everyone(HOME), anonymous: 200 }, body: { email: "tidak-ada@uji.sigap.id" } },
  "media.$course.$file.ts": { target: "media", loader: everyone(200) },
  // /saya is the signed-in person's own: nobody, admins included, downloads someone else's PDF here.
  "saya.sertifikat.$code.pdf.ts": { target: "certificate", loader: { ...signedIn(404), learner: scoped } },
  // The signed Open Badges credential: only its holder downloads it.
  "saya.sertifikat.$file.ts": { target: "credentialFile", loader: { ...signedIn(404), learner: scoped } },
  "saya.sertifikat._index.tsx": { loader: signedIn(200), action: signedIn("302→/saya/sertifikat") },
  // Public verification of any certificate, no sign-in: showing the holder's name is its purpose.
  "sertifikat.$code.tsx": { target: "certificate", loader: everyone(200), publicData: true },
  // Checking a pasted credential is public; an empty one is a form error.
  "sertifikat._index.tsx": { loader: everyone(200), action: everyone(400) },
  // Status lists are public bitstrings: nothing about any person.
  "status.$purpose.$list.ts": { target: "statusList", loader: everyone(200) },
  "studio.$course.$lesson.tsx": { target: "lesson", loader: studio(200) },
  "studio._index.tsx": { loader: studio(200) },
  "studio.latihan.$attempt.tsx": { target: "attempt", loader: studio(scoped), action: studio({ own: 400, other: 404 }) },
  "studio.latihan._index.tsx": { loader: studio(200), action: studio(200), body: { slug: "dm-syarat-ktp" } },
  // The review queue lists only the subtree's attempts (the leak check proves it); deciding one outside it is a 404.
  "studio.tinjauan.$attempt.tsx": { target: "reviewAttempt", loader: studio(scoped), action: studio({ own: 400, other: 404 }) },
  "studio.tinjauan._index.tsx": { loader: studio(200) },
  "studio.kesepakatan.tsx": { loader: studio(200) },
  "studio.uji-rubrik.tsx": {
    loader: studio(200),
    action: studio(200),
    body: (fx) => ({ target: `dm-syarat-ktp#${fx.firstTurnId}`, reply: "Selamat pagi Kak, terima kasih sudah bertanya." }),
  },
};
