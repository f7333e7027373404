import { eq, like, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { exerciseTurns, quizAttempts } from "../../db/schema";
import type { UnavailableData } from "~/components/kept-form";
import { loadExerciseOf } from "~/exercises/registry.server";
import { action as lessonAction } from "~/routes/kursus.$course.$lesson";
import { action as exerciseAction } from "~/routes/latihan.$exercise";
import { action as signInAction } from "~/routes/masuk";
import { loader as healthLoader } from "~/routes/healthz";
import { getUser } from "~/utils/auth.server";
import { isDbUnavailable } from "~/utils/db-unavailable.server";
import { getDb } from "~/utils/db.server";
import { createLearner, createTwoAgencies, get, post, run, sessionCookieFor, TEST_PASSWORD } from "../setup/factories";
import { databaseBack, databaseDown } from "../setup/outage";

const SLUG = "dm-syarat-ktp";
const REPLY = "Selamat pagi Kak, untuk KTP-el cukup bawa KK asli ke Disdukcapil. Gratis, tidak dipungut biaya.";

let learner: { email: string; id: string };
let cookie: string;

beforeAll(async () => {
  const tree = await createTwoAgencies();
  learner = await createLearner(tree.unitA.id);
  cookie = await sessionCookieFor(learner.email);
});

afterEach(databaseBack);

async function unavailable(res: Response): Promise<UnavailableData> {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("5");
  const body = (await res.json()) as UnavailableData;
  expect(body.unavailable).toBe(true);
  return body;
}

const field = (body: UnavailableData, name: string) => body.form?.fields.filter((f) => f.name === name) ?? [];

describe("database outage", () => {
  it("answers a DM reply with 503 and the reply kept; sending the kept form twice later stores it once", async () => {
    const user = (await getUser(get("/", cookie)))!;
    const page = await loadExerciseOf("dm", user, SLUG, { lang: "id" });
    const key = "kunci-gangguan-0001";
    const fields = { intent: "reply", turnId: page.current!.turnId, reply: REPLY, key, shownAt: String(Date.now() - 30_000) };

    await databaseDown();
    const body = await unavailable(await run(exerciseAction, post(`/latihan/${SLUG}`, fields, cookie), { exercise: SLUG }));
    expect(body.messages.unavailable).toMatch(/tidak tersedia/);
    expect(body.messages.resubmit).toBe("Kirim ulang");
    expect(body.form?.action).toBe(`/latihan/${SLUG}`);
    expect(field(body, "reply")).toEqual([{ name: "reply", value: REPLY, show: "textarea", label: "Balasan Anda" }]);
    expect(field(body, "key")).toEqual([{ name: "key", value: key }]);
    expect(field(body, "turnId")).toEqual([{ name: "turnId", value: fields.turnId }]);
    expect((await healthLoader()).status).toBe(503);

    // The database is back: the kept form, posted twice at once.
    await databaseBack();
    expect((await healthLoader()).status).toBe(200);
    const again = Object.fromEntries(body.form!.fields.map((f) => [f.name, f.value]));
    const [a, b] = await Promise.all([1, 2].map(() => run(exerciseAction, post(body.form!.action, again, cookie), { exercise: SLUG })));
    expect([a!.status, b!.status]).toEqual([302, 302]);
    const db = await getDb();
    const stored = await db
      .select()
      .from(exerciseTurns)
      .where(eq(exerciseTurns.idempotencyKey, `${learner.id}:${key}`));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.reply).toBe(REPLY);
  });

  it("keeps the e-mail of a sign-in but never echoes the password", async () => {
    await databaseDown();
    const body = await unavailable(await run(signInAction, post("/masuk", { email: learner.email, password: TEST_PASSWORD, ke: "/kursus" })));
    expect(field(body, "email")).toEqual([{ name: "email", value: learner.email, show: "email", label: "Email" }]);
    expect(field(body, "password")).toEqual([{ name: "password", value: "", show: "password", label: "Kata sandi" }]);
    expect(JSON.stringify(body)).not.toContain(TEST_PASSWORD);
    expect(field(body, "ke")).toEqual([{ name: "ke", value: "/kursus" }]);
  });

  it("keeps quiz choices (all of them, as hidden fields) in the language the learner chose", async () => {
    await databaseDown();
    const form = new URLSearchParams([
      ["intent", "quiz"],
      ["quizId", "tk-akhir"],
      ["key", "kunci-kuis-gangguan-01"],
      ["q:q4", "0"],
      ["q:q4", "2"],
    ]);
    const request = post("/kursus/tata-kelola-media-sosial/kuis-akhir", Object.fromEntries(form), `${cookie}; sigap_lang=en`);
    const multi = new Request(request.url, { method: "POST", headers: request.headers, body: form });
    const body = await unavailable(await run(lessonAction, multi, { course: "tata-kelola-media-sosial", lesson: "kuis-akhir" }));
    expect(body.lang).toBe("en");
    expect(body.messages.unavailable).toMatch(/briefly unavailable/);
    expect(field(body, "q:q4").map((f) => f.value)).toEqual(["0", "2"]);
    expect(field(body, "key")).toEqual([{ name: "key", value: "kunci-kuis-gangguan-01" }]);
    await databaseBack();
    const db = await getDb();
    expect(await db.select().from(quizAttempts).where(like(quizAttempts.idempotencyKey, "%kunci-kuis-gangguan-01"))).toHaveLength(0);
  });

  it("tells an outage apart from an ordinary query error", async () => {
    const db = await getDb();
    const broken = await db.execute(sql`select * from no_such_table`).catch((e: unknown) => e);
    expect(isDbUnavailable(broken)).toBe(false);
    await databaseDown();
    const refused = await (await getDb()).execute(sql`select 1`).catch((e: unknown) => e);
    expect(isDbUnavailable(refused)).toBe(true);
  });
});
