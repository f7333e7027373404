import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exerciseAttempts, exerciseTurns, lessonProgress } from "../../db/schema";
import { getExerciseEntry } from "~/exercises/entries.server";
import { loadExerciseOf, submitExercise } from "~/exercises/registry.server";
import type { HoaxCase } from "~/grading/hoax";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, sessionCookieFor } from "../setup/factories";

const SLUG = "hoaks-blanko-ktp-habis";
let hoax: HoaxCase;
let agencyId: string;

beforeAll(async () => {
  hoax = (await getExerciseEntry("hoax", SLUG))!.exercise;
  agencyId = (await createTwoAgencies()).unitA.id;
});

async function learner() {
  const account = await createAccount(agencyId);
  return (await getUser(get("/", await sessionCookieFor(account.email))))!;
}

function perfectForm(key: string) {
  const f = new FormData();
  f.set("key", key);
  f.set("verdict", hoax.facts.verdict);
  f.set("type", hoax.facts.type);
  for (const flag of hoax.redFlags.present) f.append("flag", flag);
  hoax.verification.steps.forEach((s, i) => f.set(`step:${s}`, String(i + 1)));
  f.set("clarification", hoax.clarification.modelAnswer);
  return f;
}

describe("hoax lab", () => {
  it("shows the claim but no facts, flags, plan or model answer before submitting", async () => {
    const page = await loadExerciseOf("hoax", await learner(), SLUG, { lang: "id" });
    const data = JSON.stringify(page);
    expect(data).toContain(hoax.claim.text.slice(0, 30));
    expect(data).not.toContain(hoax.facts.summary.slice(0, 40));
    expect(data).not.toContain(hoax.classify.explanation.slice(0, 40));
    expect(data).not.toContain(hoax.verification.explanation.slice(0, 40));
    expect(data).not.toContain(hoax.clarification.modelAnswer.slice(0, 40));
    expect(data).not.toMatch(/"present"|rubric|patterns/);
  });

  it("grades all four parts, stores a double submit once, explains every part, and completes the lesson", async () => {
    const user = await learner();
    const a = await submitExercise(user, SLUG, perfectForm("kunci-hoaks-0001"));
    const b = await submitExercise(user, SLUG, perfectForm("kunci-hoaks-0001"));
    expect(a).toEqual(b);
    const db = await getDb();
    const attempts = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ kind: "hoax", status: "completed", passed: true });
    expect(await db.select().from(exerciseTurns).where(eq(exerciseTurns.attemptId, attempts[0]!.id))).toHaveLength(1);
    expect((await db.select().from(lessonProgress).where(eq(lessonProgress.userId, user.id)))[0]!.status).toBe("completed");

    const page = await loadExerciseOf("hoax", user, SLUG, { lang: "id", attemptId: attempts[0]!.id });
    expect(page.result).toMatchObject({ passed: true, classify: { score: 100 }, flags: { score: 100 }, plan: { score: 100 } });
    expect(page.result!.classify.explanation).toBe(hoax.classify.explanation);
    expect(page.result!.facts.summary).toBe(hoax.facts.summary);
  });

  it("fails a wrong verdict with false alarms and keeps nothing on an empty clarification", async () => {
    const user = await learner();
    const form = perfectForm("kunci-hoaks-0002");
    form.set("verdict", "benar");
    form.append("flag", "old-media");
    const res = await submitExercise(user, SLUG, form);
    const db = await getDb();
    const [attempt] = await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id));
    expect(attempt!.passed).toBe(false);
    expect(res).toEqual({ redirect: `/latihan/${SLUG}?percobaan=${attempt!.id}#hasil` });
    const page = await loadExerciseOf("hoax", user, SLUG, { lang: "id", attemptId: attempt!.id });
    expect(page.result!.flags.falseAlarms).toBe(1);
    expect(page.result!.classify.verdictCorrect).toBe(false);

    const empty = perfectForm("kunci-hoaks-0003");
    empty.set("clarification", "  ");
    const refused = await submitExercise(user, SLUG, empty);
    expect(refused).toMatchObject({ error: "hoax.clarificationEmpty", values: { verdict: "hoaks", type: hoax.facts.type } });
    expect(await db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, user.id))).toHaveLength(1);
  });
});
