/**
 * The learner load of `bench:load-attempts`, shared with `bench:instances`: simulated learners,
 * each a no-JavaScript browser (urlencoded posts with an Origin header), who sign in through the
 * real form, read the lessons of "Tata Kelola Media Sosial", mark them complete, play the DM
 * exercise with the model answers, answer the final quiz (which issues the certificate), submit a
 * hoax-lab case and open "my certificates". Some forms are deliberately sent twice at once (same
 * idempotency key). `runLoad` records every response the clients saw as accepted; `checkDatabase`
 * then requires the database to hold each accepted submission exactly once, nothing the clients
 * did not see, and at most one current certificate per learner and course, matching what each
 * learner's certificate page showed. `restart` restarts PostgreSQL in the middle (see
 * load-attempts.ts).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type postgres from "postgres";
import { loadContentTree, type LessonSource } from "../../app/content/repository.server";
import { Browser, decode, field, formAt, formWith, percentile, routeTable, sleep, type Fields } from "./client";

export const PASSWORD = "sandi-beban-2026";
export const COURSE = "tata-kelola-media-sosial";
const HOAX = "hoaks-blanko-ktp-habis";

export type Learner = { id: string; email: string };
export type LoadOptions = {
  /** Give up after this many seconds. */
  maxSeconds: number;
  /** Restart (or stop, wait `outageSeconds`, start) the PostgreSQL cluster after `after` requests. */
  restart?: { after: number; outageSeconds: number; pgVersion: string; pgCluster: string };
};

// ---- content: what a diligent learner would answer (read from the course files) ----
const tree = await loadContentTree();
const course = tree.courses.find((c) => c.slug === COURSE)!;
const lessons = course.lessons.filter((l) => !l.meta.draft);
const reading = lessons.filter((l) => l.meta.kind === "lesson");
// Every DM exercise of the course (each must be passed for the certificate).
const dmLessons = lessons.filter((l) => l.meta.kind === "dm");
// Every post rewrite of the course (each must be passed too): the model rewrite, caption and alt text in one field.
const postLessons = lessons.filter((l) => l.meta.kind === "post");
const finalQuiz = lessons.find((l) => l.meta.kind === "quiz")!;
const hoaxLesson = tree.courses.flatMap((c) => c.lessons).find((l) => l.slug === HOAX)!;
type Turn = { id: string; modelAnswer: string };
const modelAnswers = new Map(dmLessons.map((l) => [l.slug, new Map(((l.data.turns as Turn[]) ?? []).map((t) => [t.id, t.modelAnswer]))]));
/** The right answers of the drawn items as shown positions, read from the page (a final quiz draws items and shuffles options per attempt). */
function quizAnswers(lesson: LessonSource, html: string): Fields {
  const quiz = lesson.meta.quizzes[0]!;
  const fields: Fields = [];
  for (const q of quiz.questions) {
    for (const m of html.matchAll(new RegExp(`name="q:${q.id}" value="(\\d+)"/><label for="[^"]*">([^<]*)</label>`, "g"))) {
      if (q.options.some((o) => o.correct && o.text === decode(m[2]!))) fields.push([`q:${q.id}`, m[1]!]);
    }
  }
  return fields;
}
const hoaxData = hoaxLesson.data as {
  facts: { verdict: string; type: string };
  redFlags: { present: string[] };
  verification: { steps: string[] };
  clarification: { modelAnswer: string };
};
const hoaxFields: Fields = [
  ["verdict", hoaxData.facts.verdict],
  ["type", hoaxData.facts.type],
  ...hoaxData.redFlags.present.map((f) => ["flag", f] as [string, string]),
  ...hoaxData.verification.steps.map((s, i) => [`step:${s}`, String(i + 1)] as [string, string]),
  ["clarification", hoaxData.clarification.modelAnswer],
];

// ---------------------------------------------------------------------------------------------

export type Accepted = { kind: "complete" | "dm" | "quiz" | "hoax"; userId: string; key: string };

export async function runLoad(base: string, learners: Learner[], options: LoadOptions) {
  const MAX_SECONDS = options.maxSeconds;
  const RESTART = !!options.restart;
  const {
    after: RESTART_AFTER,
    outageSeconds: OUTAGE_SECONDS,
    pgVersion: PG_VERSION,
    pgCluster: PG_CLUSTER,
  } = options.restart ?? {
    after: 0,
    outageSeconds: 0,
    pgVersion: "",
    pgCluster: "",
  };
  const browser = new Browser(base);
  const accepted: Accepted[] = [];
  const certificatesSeen = new Map<string, number>();
  const problems: string[] = [];
  const doubles = { sent: 0, bothAccepted: 0, oneRefused: 0 };
  const outage = { start: 0, end: 0, healthDown: 0, healthUpAfter: false, pages503: 0, keptForms: 0, keptMismatch: 0, resent: 0, other5xx: 0 };
  const deadline = Date.now() + MAX_SECONDS * 1000;
  let restarted = false;
  let loadDone = false;
  const signedIn: { id: string; email: string; cookie: string }[] = [];
  const duringOutage = { posts: 0, kept503: 0, accepted: 0 };

  /** One request as a browser user would retry it: on the 503 page, read the kept form and send it again. */
  async function send(route: string, path: string, init: { cookie?: string; fields?: Fields }, typed: string[] = []) {
    let fields = init.fields;
    let kept = 0;
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await browser.request(route, path, { ...init, fields });
      } catch (error) {
        problems.push(`${route}: network error ${(error as Error).message}`);
        await sleep(500);
        if (Date.now() > deadline) throw new Error("deadline");
        continue;
      }
      if (res.status < 500) return Object.assign(res, { kept });
      if (res.status !== 503 || !/tidak tersedia|unavailable/i.test(res.text)) {
        outage.other5xx++;
        problems.push(`${route}: ${res.status} ${res.text.slice(0, 120).replace(/\s+/g, " ")}`);
      } else outage.pages503++;
      if (fields) {
        // The page must hand back what was typed (password excepted), with the same key.
        const keptForm = formAt(res.text, path);
        const keptOk =
          !!keptForm &&
          typed.every((name) => field(keptForm, name) === fields!.find(([k]) => k === name)?.[1]) &&
          (!field(keptForm, "key") || field(keptForm, "key") === fields.find(([k]) => k === "key")?.[1]);
        if (res.status === 503) {
          if (keptOk) {
            outage.keptForms++;
            kept++;
          } else {
            outage.keptMismatch++;
            problems.push(`${route}: 503 page without the typed form`);
          }
        }
        if (keptForm && keptOk) {
          // What the kept form would post (the learner retypes the password).
          const again: Fields = keptForm.fields.map(([k, v]) => [k, k === "password" ? fields!.find(([n]) => n === "password")![1] : v]);
          fields = [...again, ...fields.filter(([k]) => !again.some(([n]) => n === k))];
          outage.resent++;
        }
      }
      if (Date.now() > deadline) throw new Error(`deadline reached while ${route} kept failing`);
      await sleep(300 + attempt * 200);
    }
  }

  /** The same form twice at once (double click): both answers recorded. */
  async function sendTwice(route: string, path: string, cookie: string, fields: Fields, typed: string[]) {
    doubles.sent++;
    const [a, b] = await Promise.all([send(route, path, { cookie, fields }, typed), send(route, path, { cookie, fields }, typed)]);
    const ok = [a, b].filter((r) => r.status === 302 || r.status === 303).length;
    if (ok === 2) doubles.bothAccepted++;
    else if (ok === 1) doubles.oneRefused++;
    return ok > 0 ? (a.status < 400 ? a : b) : a;
  }

  async function learner(index: number, who: { id: string; email: string }) {
    await sleep(Math.random() * 3000);
    const double = (n: number) => index % n === 0;
    // Sign in through the real form.
    await send("GET /masuk", "/masuk", {});
    const signIn = await send(
      "POST /masuk",
      "/masuk",
      {
        fields: [
          ["ke", ""],
          ["email", who.email],
          ["password", PASSWORD],
        ],
      },
      ["email"],
    );
    const cookie = signIn.setCookie?.split(";")[0];
    if (signIn.status !== 302 || !cookie) throw new Error(`sign-in of ${who.email} answered ${signIn.status}`);
    signedIn.push({ ...who, cookie });
    await send("GET /kursus", "/kursus", { cookie });

    // Reading lessons: read, then "Tandai selesai" (the last one is saved for the race below).
    const race = double(5);
    for (const [i, lesson] of reading.entries()) {
      const path = `/kursus/${COURSE}/${lesson.slug}`;
      await send("GET lesson", path, { cookie });
      if (race && i === reading.length - 1) continue;
      const fields: Fields = [["intent", "complete"]];
      const res =
        i === 0 && double(4) ? await sendTwice("POST lesson complete", path, cookie, fields, []) : await send("POST lesson complete", path, { cookie, fields });
      if (res.status === 302) accepted.push({ kind: "complete", userId: who.id, key: lesson.slug });
    }

    // DM exercises, turn by turn with the model answers.
    for (const [d, dmLesson] of dmLessons.entries()) {
      const dmPath = `/latihan/${dmLesson.slug}`;
      for (let turn = 0; turn < 10; turn++) {
        const page = await send("GET /latihan (DM)", dmPath, { cookie });
        const form = formWith(page.text, "intent", "reply");
        if (!form) throw new Error(`${who.email}: no reply form on ${dmPath}`);
        const turnId = field(form, "turnId")!;
        const fields: Fields = form.fields.map(([k, v]) => [k, k === "reply" ? modelAnswers.get(dmLesson.slug)!.get(turnId)! : v]);
        const key = field(form, "key")!;
        const res =
          d === 0 && ((turn === 0 && double(3)) || (turn === 1 && double(7)))
            ? await sendTwice("POST /latihan (DM reply)", dmPath, cookie, fields, ["reply"])
            : await send("POST /latihan (DM reply)", dmPath, { cookie, fields }, ["reply"]);
        if (res.status !== 302) throw new Error(`${who.email}: DM reply answered ${res.status}`);
        accepted.push({ kind: "dm", userId: who.id, key });
        if (res.location?.includes("percobaan=")) break;
      }
    }

    // Post rewrites: stored as one-turn attempts like a DM reply (the "dm" integrity count includes them).
    for (const postLesson of postLessons) {
      const postPath = `/latihan/${postLesson.slug}`;
      const page = await send("GET /latihan (post)", postPath, { cookie });
      const form = formWith(page.text, "intent", "rewrite");
      if (!form) throw new Error(`${who.email}: no rewrite form on ${postPath}`);
      const fields: Fields = form.fields.map(([k, v]) => [k, k === "rewrite" ? String(postLesson.data.modelAnswer) : v]);
      const res = await send("POST /latihan (post)", postPath, { cookie, fields }, ["rewrite"]);
      if (res.status !== 302) throw new Error(`${who.email}: post rewrite answered ${res.status}`);
      accepted.push({ kind: "dm", userId: who.id, key: field(form, "key")! });
    }

    // Final quiz (completes the course → certificate). Some learners send it twice at once,
    // others together with the last "mark complete" so two completions race for the certificate.
    const quizPath = `/kursus/${COURSE}/${finalQuiz.slug}`;
    const quizPage = await send("GET lesson", quizPath, { cookie });
    const quizForm = formWith(quizPage.text, "intent", "quiz");
    if (!quizForm) throw new Error(`${who.email}: no quiz form`);
    const quizKey = field(quizForm, "key")!;
    const quizFields: Fields = [...quizForm.fields, ...quizAnswers(finalQuiz, quizPage.text)];
    const last = `/kursus/${COURSE}/${reading.at(-1)!.slug}`;
    const [quizRes, lastRes] = await Promise.all([
      double(2) ? sendTwice("POST quiz", quizPath, cookie, quizFields, []) : send("POST quiz", quizPath, { cookie, fields: quizFields }),
      race ? send("POST lesson complete", last, { cookie, fields: [["intent", "complete"]] }) : Promise.resolve(null),
    ]);
    if (quizRes.status === 302) accepted.push({ kind: "quiz", userId: who.id, key: quizKey });
    if (lastRes?.status === 302) accepted.push({ kind: "complete", userId: who.id, key: reading.at(-1)!.slug });

    // Hoax lab: all four parts in one post.
    const hoaxPath = `/latihan/${HOAX}`;
    const hoaxPage = await send("GET /latihan (hoax)", hoaxPath, { cookie });
    const hoaxKey = field(formWith(hoaxPage.text, "key"), "key");
    if (!hoaxKey) throw new Error(`${who.email}: no hoax form`);
    const hf: Fields = [["key", hoaxKey], ...hoaxFields];
    const hoaxRes = double(2)
      ? await sendTwice("POST /latihan (hoax)", hoaxPath, cookie, hf, ["clarification"])
      : await send("POST /latihan (hoax)", hoaxPath, { cookie, fields: hf }, ["clarification"]);
    if (hoaxRes.status === 302) accepted.push({ kind: "hoax", userId: who.id, key: hoaxKey });

    const certs = await send("GET /saya/sertifikat", "/saya/sertifikat", { cookie });
    certificatesSeen.set(who.id, new Set(certs.text.match(/SGP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g) ?? []).size);
  }

  async function watchHealth() {
    while (!loadDone) {
      const res = await browser.request("GET /healthz", "/healthz").catch(() => ({ status: 0 }));
      if (outage.start && !outage.end) {
        if (res.status === 503) outage.healthDown++;
      }
      if (outage.end && res.status === 200) outage.healthUpAfter = true;
      await sleep(250);
    }
  }

  async function restartWhenDue() {
    while (!loadDone && browser.samples.length < RESTART_AFTER) await sleep(100);
    if (loadDone) return;
    // Learners who have a hoax form open (key from a page loaded before the outage) send it
    // just as the database goes away; others sign in again then. Both must get the 503 page
    // with their input, and succeed by sending the kept form again once it is back.
    const posters = await Promise.all(
      signedIn.slice(0, 20).map(async (who) => {
        const page = await browser.request("GET /latihan (hoax)", `/latihan/${HOAX}`, { cookie: who.cookie });
        return { who, key: field(formWith(page.text, "key"), "key")! };
      }),
    );
    restarted = true;
    outage.start = Date.now();
    const run = promisify(execFile);
    const postDuringOutage = () =>
      Promise.all([
        ...posters.map(async ({ who, key }) => {
          duringOutage.posts++;
          const res = await send("POST /latihan (hoax)", `/latihan/${HOAX}`, { cookie: who.cookie, fields: [["key", key], ...hoaxFields] }, ["clarification"]);
          if (res.kept) duringOutage.kept503++;
          if (res.status === 302) {
            duringOutage.accepted++;
            accepted.push({ kind: "hoax", userId: who.id, key });
          }
        }),
        ...signedIn.slice(20, 30).map(async (who) => {
          duringOutage.posts++;
          const res = await send(
            "POST /masuk",
            "/masuk",
            {
              fields: [
                ["ke", ""],
                ["email", who.email],
                ["password", PASSWORD],
              ],
            },
            ["email"],
          );
          if (res.kept) duringOutage.kept503++;
          if (res.status === 302) duringOutage.accepted++;
        }),
      ]);
    let posted: Promise<unknown>;
    if (OUTAGE_SECONDS > 0) {
      await run("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, "stop", "-m", "fast"]);
      posted = postDuringOutage().catch((e: Error) => problems.push(`posting during the outage: ${e.message}`));
      await sleep(OUTAGE_SECONDS * 1000);
      await run("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, "start"]);
    } else {
      const restarting = run("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, "restart"]);
      await sleep(200);
      posted = postDuringOutage().catch((e: Error) => problems.push(`posting during the outage: ${e.message}`));
      await restarting;
    }
    // Back when the app's own health check says so (it reconnects by itself; nobody restarts it).
    for (;;) {
      const res = await fetch(`${base}/healthz`).catch(() => null);
      if (res?.status === 200) break;
      await sleep(100);
    }
    outage.end = Date.now();
    await posted;
  }

  const started = Date.now();
  const health = watchHealth();
  const restart = RESTART ? restartWhenDue() : Promise.resolve();
  const results = await Promise.allSettled(learners.map((who, i) => learner(i, who)));
  const wall = (Date.now() - started) / 1000;
  loadDone = true;
  await Promise.all([health, restart]);
  for (const r of results) if (r.status === "rejected") problems.push(String((r.reason as Error)?.message ?? r.reason));

  const samples = browser.samples.filter((s) => s.route !== "GET /healthz");
  console.log(
    `\n${learners.length} learners, ${samples.length} requests in ${wall.toFixed(1)} s = ${(samples.length / wall).toFixed(0)} req/s (healthz probes not counted)`,
  );
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`all routes: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms\n`);
  console.log(routeTable(browser.samples));
  console.log(`\ndouble submits: ${doubles.sent} pairs, both answered as accepted ${doubles.bothAccepted}, one refused ${doubles.oneRefused}`);
  const finished = results.filter((r) => r.status === "fulfilled").length;
  console.log(`learners finished: ${finished}/${learners.length}`);

  // A 5xx is allowed only for requests whose time in flight overlapped the outage.
  const outside = browser.samples.filter((s) => s.status >= 500 && !(restarted && s.at >= outage.start && s.start <= outage.end));
  let clean = outside.length === 0 && outage.other5xx === 0 && outage.keptMismatch === 0 && finished === learners.length;
  if (RESTART) {
    const secs = ((outage.end - outage.start) / 1000).toFixed(1);
    console.log(
      `outage: ${restarted ? `${secs} s until /healthz answered 200 again` : "restart never happened"}; /healthz said 503 ${outage.healthDown}× during it, 200 after: ${outage.healthUpAfter}; ` +
        `503 pages ${outage.pages503}, forms kept ${outage.keptForms} (mismatch ${outage.keptMismatch}), kept forms sent again ${outage.resent}, other 5xx ${outage.other5xx}`,
    );
    console.log(
      `forms posted as the database went away: ${duringOutage.posts}, answered 503 with the form kept: ${duringOutage.kept503}, accepted after sending the kept form again: ${duringOutage.accepted}`,
    );
    clean &&= restarted && outage.healthDown > 0 && outage.healthUpAfter;
  }
  if (outside.length) console.log(`5xx outside an outage: ${outside.length}`);
  for (const p of [...new Set(problems)].slice(0, 15)) console.log(`  problem: ${p}`);
  return { accepted, certificatesSeen, clean, requests: samples.length, wall, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
}

export async function checkDatabase(sqlc: postgres.Sql, learners: { id: string }[], run: { accepted: Accepted[]; certificatesSeen: Map<string, number> }) {
  const ids = learners.map((l) => l.id);
  const failures: string[] = [];
  const distinct = (kind: Accepted["kind"]) =>
    new Set(run.accepted.filter((a) => a.kind === kind).map((a) => (kind === "complete" ? `${a.userId}|${a.key}` : `${a.userId}:${a.key}`)));

  // DM turns and hoax submissions: one row per accepted key, and no row nobody saw accepted.
  const turnRows = await sqlc<{ key: string; lab: boolean; n: number }[]>`
    select t.idempotency_key as key, t.turn_id = 'lab' as lab, count(*)::int as n from exercise_turns t
    join exercise_attempts a on a.id = t.attempt_id where a.user_id = any(${ids}) group by 1, 2`;
  for (const [kind, lab] of [
    ["dm", false],
    ["hoax", true],
  ] as const) {
    const want = distinct(kind);
    const rows = turnRows.filter((r) => r.lab === lab);
    const dup = rows.filter((r) => r.n > 1).length;
    const missing = [...want].filter((k) => !rows.some((r) => r.key === k)).length;
    const unseen = rows.filter((r) => !want.has(r.key)).length;
    console.log(`${kind.padEnd(8)} accepted ${want.size}, stored ${rows.length}, duplicates ${dup}, missing ${missing}, stored but never accepted ${unseen}`);
    if (dup || missing || unseen) failures.push(kind);
  }
  const hoaxAttempts = await sqlc<{ n: number }[]>`select count(*)::int as n from exercise_attempts where user_id = any(${ids}) and kind = 'hoax'`;
  if (hoaxAttempts[0]!.n !== distinct("hoax").size) failures.push(`hoax attempts ${hoaxAttempts[0]!.n} ≠ ${distinct("hoax").size}`);
  const orphans = await sqlc<
    { n: number }[]
  >`select count(*)::int as n from exercise_attempts a where user_id = any(${ids}) and not exists (select 1 from exercise_turns t where t.attempt_id = a.id)`;
  console.log(`attempts without any turn: ${orphans[0]!.n}`);

  const quizRows = await sqlc<
    { key: string; n: number }[]
  >`select idempotency_key as key, count(*)::int as n from final_quiz_attempts where user_id = any(${ids}) and idempotency_key is not null group by 1`;
  {
    const want = distinct("quiz");
    const dup = quizRows.filter((r) => r.n > 1).length;
    const missing = [...want].filter((k) => !quizRows.some((r) => r.key === k)).length;
    const unseen = quizRows.filter((r) => !want.has(r.key)).length;
    console.log(`quiz     accepted ${want.size}, stored ${quizRows.length}, duplicates ${dup}, missing ${missing}, stored but never accepted ${unseen}`);
    if (dup || missing || unseen) failures.push("quiz");
  }

  const progress = await sqlc<{ userId: string; slug: string; n: number }[]>`
    select p.user_id as "userId", l.slug, count(*)::int as n from lesson_progress p join lessons l on l.id = p.lesson_id
    where p.user_id = any(${ids}) and p.status = 'completed' group by 1, 2`;
  {
    const want = distinct("complete");
    const have = new Set(progress.map((p) => `${p.userId}|${p.slug}`));
    const missing = [...want].filter((k) => !have.has(k)).length;
    const dup = progress.filter((p) => p.n > 1).length;
    console.log(`complete accepted ${want.size}, completed rows ${progress.length} (incl. DM and quiz lessons), duplicates ${dup}, missing ${missing}`);
    if (dup || missing) failures.push("lesson completion");
  }

  const certs = await sqlc<{ userId: string; n: number }[]>`
    select c.user_id as "userId", count(*)::int as n from certificates c join courses k on k.id = c.course_id
    where c.user_id = any(${ids}) and k.slug = ${COURSE} and c.replaced_by is null and c.revoked_at is null group by 1`;
  const certOf = new Map(certs.map((c) => [c.userId, c.n]));
  const dupCerts = certs.filter((c) => c.n > 1).length;
  const seenMismatch = learners.filter((l) => run.certificatesSeen.has(l.id) && run.certificatesSeen.get(l.id) !== (certOf.get(l.id) ?? 0)).length;
  const expected = learners.filter((l) => run.accepted.some((a) => a.userId === l.id && a.kind === "quiz")).length;
  console.log(
    `certificates: ${certs.length} learners hold one (expected ${expected}), more than one current ${dupCerts}, page showed a different count ${seenMismatch}`,
  );
  if (dupCerts || seenMismatch || certs.length !== expected) failures.push("certificates");

  console.log(
    failures.length ? `INTEGRITY FAILED: ${failures.join(", ")}` : "integrity: every accepted submission stored exactly once; no duplicate certificates",
  );
  return failures.length === 0;
}
