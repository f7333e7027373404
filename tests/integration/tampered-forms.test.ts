import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseAttempts, exerciseTurns, lessonProgress, quizAttempts } from "../../db/schema";
import { loadExerciseOf } from "~/exercises/registry.server";
import type { MessageKey } from "~/i18n";
import { en } from "~/i18n/en";
import { id } from "~/i18n/id";
import { allAgencies } from "~/models/agency.server";
import { action as agenciesAction } from "~/routes/admin.instansi";
import { action as lessonAction } from "~/routes/kursus.$course.$lesson";
import { action as exerciseAction } from "~/routes/latihan.$exercise";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { serverTranslator } from "~/utils/i18n.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

// Real content: a reading lesson with a quiz, the course's final quiz, a DM exercise and a hoax case.
const COURSE = "etika-merespons-warga";
const LESSON = "sapaan-dan-salam";
const QUIZ_ID = "em-sapaan-cek";
const DM = "dm-syarat-ktp";
const HOAX = "hoaks-blanko-ktp-habis";
const KEY = "kunci-utuh-0001";

let learner: { id: string; cookie: string };
let adminCookie: string;
beforeAll(async () => {
  const tree = await createTwoAgencies();
  const account = await createAccount(tree.unitA.id);
  learner = { id: account.id, cookie: await sessionCookieFor(account.email) };
  adminCookie = await sessionCookieFor((await createAccount(tree.provA.id, "admin")).email);
});

/** The answer a person sees: status, and the message in each language as the page would show it. */
async function answer(res: Response) {
  // Learner pages answer `error`; staff forms answer `errors._form` beside their field errors.
  const body = (await res.clone().json()) as { error?: MessageKey; errors?: { _form?: MessageKey }; reply?: string };
  const key = body.error ?? body.errors?._form ?? "error.generic";
  return { status: res.status, body, key, raw: await res.text(), id: serverTranslator("id")(key), en: serverTranslator("en")(key) };
}

function expectBadForm(a: Awaited<ReturnType<typeof answer>>) {
  expect(a.status).toBe(400);
  expect(a.key).toBe("error.badForm");
  expect(a.id).toBe(id["error.badForm"]);
  expect(a.en).toBe(en["error.badForm"]);
  expect(a.id).not.toBe(a.en);
  // Not the plain-text English answers these forms used to get.
  expect(a.raw).not.toMatch(/Bad (quiz submission|request)|Unknown (action|intent)|completes by passing/);
}

describe("tampered hidden fields answer a translated 400 in the page", () => {
  it("on a lesson: quiz id and key missing or changed, unknown intent, marking a quiz lesson complete", async () => {
    const lesson = (fields: Record<string, string>, lessonSlug = LESSON) =>
      run(lessonAction, post(`/kursus/${COURSE}/${lessonSlug}`, fields, learner.cookie), { course: COURSE, lesson: lessonSlug });
    const tampered: Record<string, string>[] = [
      { intent: "quiz", key: KEY, "q:q1": "0" },
      { intent: "quiz", quizId: "kuis-karangan", key: KEY, "q:q1": "0" },
      { intent: "quiz", quizId: QUIZ_ID, "q:q1": "0" },
      { intent: "quiz", quizId: QUIZ_ID, key: "x'; --", "q:q1": "0" },
      { intent: "hapus-semua" },
      {},
    ];
    for (const fields of tampered) expectBadForm(await answer(await lesson(fields)));
    expectBadForm(await answer(await lesson({ intent: "complete" }, "kuis-akhir")));

    const db = await getDb();
    expect(await db.select().from(quizAttempts).where(eq(quizAttempts.userId, learner.id))).toHaveLength(0);
    expect((await db.select().from(lessonProgress).where(eq(lessonProgress.userId, learner.id))).filter((p) => p.status === "completed")).toHaveLength(0);

    // The untampered form still goes through.
    const ok = await lesson({ intent: "quiz", quizId: QUIZ_ID, key: KEY, "q:q1": "0" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(`/kursus/${COURSE}/${LESSON}#kuis-${QUIZ_ID}`);
  });

  it("on a DM exercise: turn or key missing or changed; the typed reply is kept", async () => {
    const user = (await getUser(get("/", learner.cookie)))!;
    const turnId = (await loadExerciseOf("dm", user, DM, { lang: "id" })).current!.turnId;
    const reply = "Selamat pagi Kak, bawa KK asli ke Disdukcapil.";
    const send = (fields: Record<string, string>) =>
      run(exerciseAction, post(`/latihan/${DM}`, { intent: "reply", reply, ...fields }, learner.cookie), { exercise: DM });
    const tampered: Record<string, string>[] = [{ key: KEY }, { turnId, key: "pendek" }, { turnId }, { turnId: "t".repeat(65), key: KEY }];
    for (const fields of tampered) {
      const a = await answer(await send(fields));
      expectBadForm(a);
      expect(a.body.reply).toBe(reply);
    }
    const db = await getDb();
    const turns = await db
      .select()
      .from(exerciseTurns)
      .innerJoin(exerciseAttempts, eq(exerciseAttempts.id, exerciseTurns.attemptId))
      .where(eq(exerciseAttempts.userId, learner.id));
    expect(turns).toHaveLength(0); // one row per accepted reply
  });

  it("on a hoax case: a missing or changed key keeps the answers given", async () => {
    const send = (fields: Record<string, string>) =>
      run(exerciseAction, post(`/latihan/${HOAX}`, { verdict: "hoaks", clarification: "Info itu tidak benar.", ...fields }, learner.cookie), {
        exercise: HOAX,
      });
    for (const fields of [{}, { key: "../../etc" }] as Record<string, string>[]) {
      const res = await send(fields);
      const body = (await res.clone().json()) as { values: { clarification: string } };
      expectBadForm(await answer(res));
      expect(body.values.clarification).toBe("Info itu tidak benar.");
    }
    const db = await getDb();
    expect(await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, learner.id))).not.toContainEqual(
      expect.objectContaining({ exerciseSlug: HOAX }),
    );
  });

  it("on the admin agencies page: an unknown intent, in either language", async () => {
    const fields = { intent: "hapus", name: "Unit Sisipan", code: "SISIPAN.UJI", kind: "unit", parentId: "" };
    for (const cookie of [adminCookie, `${adminCookie}; sigap_lang=en`]) {
      expectBadForm(await answer(await run(agenciesAction, post("/admin/instansi", fields, cookie))));
    }
  });

  it("on the admin agencies page: a rename or move without its agency marks the agency and says the form is stale", async () => {
    const db = await getDb();
    const before = await allAgencies(db);
    const tampered: Record<string, string>[] = [
      { intent: "rename", name: "Nama Sisipan" },
      { intent: "rename", agencyId: "", name: "Nama Sisipan" },
      { intent: "move", parentId: "" },
      { intent: "move", agencyId: "", parentId: before[0]!.id },
    ];
    for (const fields of tampered) {
      for (const cookie of [adminCookie, `${adminCookie}; sigap_lang=en`]) {
        const a = await answer(await run(agenciesAction, post("/admin/instansi", fields, cookie)));
        expectBadForm(a);
        expect(a.body.errors).toEqual({ agencyId: "error.required", _form: "error.badForm" });
      }
    }
    expect(await allAgencies(db)).toEqual(before);
  });
});
