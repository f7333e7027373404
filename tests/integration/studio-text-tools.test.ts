import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, exerciseAttempts } from "../../db/schema";
import { getExerciseEntry } from "~/exercises/entries.server";
import { submitExercise } from "~/exercises/registry.server";
import { POST_TURN, type PostExercise } from "~/grading/post";
import { action as attemptsAction, loader as attemptsLoader } from "~/routes/studio.latihan._index";
import { loader as attemptLoader } from "~/routes/studio.latihan.$attempt";
import { loader as consoleLoader } from "~/routes/studio.kesepakatan";
import { action as playgroundAction, loader as playgroundLoader } from "~/routes/studio.uji-rubrik";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

// The studio's rubric tools work on post rewrites as they do on DM replies (issue 16 left them DM-only).
const SLUG = "unggahan-loket-sabtu-mpp";
let rewrite: PostExercise;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;

beforeAll(async () => {
  rewrite = (await getExerciseEntry("post", SLUG))!.exercise;
  tree = await createTwoAgencies();
});

async function userIn(agencyId: string, role: "learner" | "instructor" = "learner") {
  const a = await createAccount(agencyId, role);
  const cookie = await sessionCookieFor(a.email);
  return { user: (await getUser(get("/", cookie)))!, cookie };
}

function rewriteForm(text: string, key: string) {
  const f = new FormData();
  f.set("intent", "rewrite");
  f.set("rewrite", text);
  f.set("key", key);
  f.set("shownAt", String(Date.now() - 300_000));
  return f;
}

describe("studio tools on post rewrites", () => {
  it("the rubric playground lists the post and grades a rewrite with the post's own checks, storing nothing", async () => {
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const page = await (await run(playgroundLoader, get("/studio/uji-rubrik", instructor.cookie))).json();
    const listed = page.exercises.find((e: { slug: string }) => e.slug === SLUG);
    expect(listed.turns).toEqual([{ id: POST_TURN, message: rewrite.original.text }]);

    const before = (await (await getDb()).select().from(exerciseAttempts)).length;
    const good = await (
      await run(playgroundAction, post("/studio/uji-rubrik", { target: `${SLUG}#${POST_TURN}`, reply: rewrite.modelAnswer }, instructor.cookie))
    ).json();
    expect(good.feedback.passed).toBe(true);
    // The fact reading of the rewrite: the post declares its facts.
    expect(Array.isArray(good.facts)).toBe(true);
    expect(good.facts.length).toBeGreaterThan(0);

    // Pasting the ceremonial post back is a copy: the post's own check, not a DM reply's.
    const copied = await (
      await run(playgroundAction, post("/studio/uji-rubrik", { target: `${SLUG}#${POST_TURN}`, reply: rewrite.original.text }, instructor.cookie))
    ).json();
    expect(copied.feedback.passed).toBe(false);
    expect(copied.feedback.violated.map((v: { id: string }) => v.id)).toContain("copy");
    expect((await (await getDb()).select().from(exerciseAttempts)).length).toBe(before);

    const unknownTurn = await run(playgroundAction, post("/studio/uji-rubrik", { target: `${SLUG}#alt`, reply: "x" }, instructor.cookie));
    expect(unknownTurn.status).toBe(400);
  });

  it("lists a learner's post attempt in scope, opens it with its feedback, and hides it from another agency", async () => {
    const learner = await userIn(tree.unitA.id);
    await submitExercise(learner.user, SLUG, rewriteForm(rewrite.modelAnswer, "kunci-studio-00001"));
    const [attempt] = await (await getDb()).select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, learner.user.id));

    const own = await userIn(tree.agencyA.id, "instructor");
    const other = await userIn(tree.agencyB.id, "instructor");
    const list = await (await run(attemptsLoader, get("/studio/latihan", own.cookie))).json();
    expect(list.attempts.map((a: { id: string }) => a.id)).toContain(attempt!.id);
    expect(list.exercises.map((e: { slug: string }) => e.slug)).toContain(SLUG);
    const otherList = await (await run(attemptsLoader, get("/studio/latihan", other.cookie))).json();
    expect(otherList.attempts.map((a: { id: string }) => a.id)).not.toContain(attempt!.id);

    const opened = await run(attemptLoader, get(`/studio/latihan/${attempt!.id}`, own.cookie), { attempt: attempt!.id });
    expect(opened.status).toBe(200);
    const data = await opened.json();
    expect(data.title).toBe(rewrite.title);
    expect(data.turns).toHaveLength(1);
    expect(data.turns[0].citizenMessage).toBe(rewrite.original.text);
    expect((await run(attemptLoader, get(`/studio/latihan/${attempt!.id}`, other.cookie), { attempt: attempt!.id })).status).toBe(404);
  });

  it("re-grades the post's attempts inside the instructor's subtree only, and audits it", async () => {
    const learner = await userIn(tree.unitB.id);
    await submitExercise(learner.user, SLUG, rewriteForm(rewrite.modelAnswer, "kunci-studio-00002"));
    const instructorB = await userIn(tree.agencyB.id, "instructor");
    const res = await (await run(attemptsAction, post("/studio/latihan", { slug: SLUG }, instructorB.cookie))).json();
    expect(res).toMatchObject({ slug: SLUG, attempts: 1, changed: 0 });
    const logs = await (await getDb()).select().from(auditLog).where(eq(auditLog.actorId, instructorB.user.id));
    expect(logs.map((l) => l.action)).toContain("exercise.regrade");
  });

  it("the feedback carries the grader's own checks in the page's language and marks them; rubric elements stay Indonesian", async () => {
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const english = `${instructor.cookie}; sigap_lang=en`;
    const target = { target: `${SLUG}#${POST_TURN}`, reply: rewrite.original.text };
    const en = await (await run(playgroundAction, post("/studio/uji-rubrik", target, english))).json();
    const copy = en.feedback.violated.find((v: { id: string }) => v.id === "copy");
    expect(copy).toMatchObject({ builtin: true });
    expect(copy.label).toBe("Copies the ceremonial post");
    const idn = await (await run(playgroundAction, post("/studio/uji-rubrik", target, instructor.cookie))).json();
    expect(idn.feedback.violated.find((v: { id: string }) => v.id === "copy").label).toBe("Menyalin unggahan seremonial");
    // A rubric element of the course keeps its own words and is no built-in check.
    const element = [...en.feedback.met, ...en.feedback.missed].find((e: { id: string }) => e.id === "apa");
    expect(element).toMatchObject({ builtin: false, label: rewrite.exercise.turns[0]!.rubric.required.find((r) => r.id === "apa")!.label });
  });

  it("the agreement console reads the post's authored examples with the post's grader", async () => {
    const instructor = await userIn(tree.agencyA.id, "instructor");
    const data = await (await run(consoleLoader, get(`/studio/kesepakatan?latihan=${SLUG}`, instructor.cookie))).json();
    expect(data.exercises.map((e: { slug: string }) => e.slug)).toContain(SLUG);
    expect(data.title).toBe(rewrite.title);
    expect(data.report.counts.examples).toBe(rewrite.examples.length);
    // content:check keeps every authored example agreeing with the grader: so must the console.
    expect(data.report.confusion).toBeDefined();
    expect(data.report.disagreements).toEqual([]);
    expect(data.report.agreement).toBe(1);
  });
});
