import { randomUUID } from "node:crypto";
import { highlightSegments, type TurnGrade } from "~/grading";
import { gradeHoax, hoaxAnswersFromForm, HOAX_TYPES, RED_FLAGS, STEP_PILLAR, VERIFICATION_STEPS, type HoaxAnswers, type HoaxGrade } from "~/grading/hoax";
import type { Lang } from "~/i18n";
import { getOwnAttempt, listOwnAttempts, recordHoaxAttempt } from "~/models/exercise-attempt.server";
import type { SessionUser } from "~/utils/auth.server";
import { compileMdx } from "./compile.server";
import { getHoaxEntry } from "./exercise-index.server";
import { renderMdxHtml } from "./render.server";

const notFound = () => new Response("Not found", { status: 404 });

/** Loader data for a hoax case: the claim card and the empty lab, or a graded attempt with explanations. */
export async function loadHoaxPage(user: SessionUser, slug: string, opts: { attemptId?: string | null; lang: Lang }) {
  const entry = await getHoaxEntry(slug);
  if (!entry) throw notFound();
  const { hoax, course } = entry;
  const [viewed, history, briefing] = await Promise.all([
    opts.attemptId ? getOwnAttempt(user.id, opts.attemptId) : Promise.resolve(null),
    listOwnAttempts(user.id, slug),
    compileMdx(entry.lesson.body),
  ]);
  if (opts.attemptId && (!viewed || viewed.exerciseSlug !== slug)) throw notFound();
  const stored = viewed?.turns[0]?.grade as unknown as { answers: HoaxAnswers; grade: HoaxGrade } | undefined;
  return {
    kind: "hoax" as const,
    hoax: {
      slug,
      title: hoax.title,
      passPercent: hoax.passPercent,
      courseSlug: course.slug,
      courseTitle: course.meta.title,
      briefingHtml: renderMdxHtml(briefing, { lang: opts.lang, action: "", passPercent: hoax.passPercent, idempotencyKey: "", quizzes: {} }),
      claim: {
        text: hoax.claim.text,
        sender: hoax.claim.sender,
        forwarded: hoax.claim.forwarded,
        seen: hoax.claim.seen,
        image: hoax.claim.image ? { src: `/media/${course.slug}/${hoax.claim.image.src.replace("./media/", "")}`, description: hoax.claim.image.description } : null,
      },
    },
    options: { types: HOAX_TYPES, flags: RED_FLAGS, steps: VERIFICATION_STEPS.map((id) => ({ id, pillar: STEP_PILLAR[id] })) },
    key: randomUUID(),
    // Facts, explanations and the model answer only after the learner submitted.
    result:
      viewed && stored
        ? {
            attemptId: viewed.id,
            score: viewed.score ?? 0,
            passed: viewed.passed ?? false,
            overrideScore: viewed.overrideScore,
            overridePassed: viewed.overridePassed,
            overrideComment: viewed.overrideComment,
            answers: stored.answers,
            classify: stored.grade.classify,
            flags: stored.grade.flags,
            plan: stored.grade.plan,
            clarification: {
              score: stored.grade.clarification.score,
              passed: stored.grade.clarification.passed,
              segments: highlightSegments(stored.answers.clarification, stored.grade.clarification as TurnGrade).map((s) => ({
                text: s.text,
                marks: s.marks.map((m) => ({ label: m.label, status: m.status })),
              })),
              met: stored.grade.clarification.met.map((e) => ({ id: e.id, label: e.label, tip: e.tip, evidence: e.evidence.map((x) => x.text) })),
              missed: stored.grade.clarification.missed.map((e) => ({ id: e.id, label: e.label, tip: e.tip, evidence: [] as string[] })),
              violated: stored.grade.clarification.violated.map((e) => ({ id: e.id, label: e.label, tip: e.tip, evidence: e.evidence.map((x) => x.text) })),
            },
            facts: { summary: hoax.facts.summary, source: hoax.facts.source },
            modelAnswer: hoax.clarification.modelAnswer,
          }
        : null,
    history: history.map((h) => ({ id: h.id, startedAt: h.startedAt.toISOString(), score: h.overrideScore ?? h.score, passed: h.overridePassed ?? h.passed })),
  };
}

export type HoaxActionResult = { redirect: string } | { error: "hoax.clarificationEmpty" | "error.badForm"; values: HoaxAnswers };

/** Grades all four parts at once and stores the attempt (idempotent by form key). */
export async function submitHoaxForm(user: SessionUser, slug: string, form: FormData): Promise<HoaxActionResult> {
  const entry = await getHoaxEntry(slug);
  if (!entry) throw notFound();
  const key = String(form.get("key") ?? "");
  const answers = hoaxAnswersFromForm(form);
  // A missing or changed idempotency key: said in the page, the answers given stay filled in.
  if (!/^[\w-]{8,64}$/.test(key)) return { error: "error.badForm", values: answers };
  if (!answers.clarification.trim()) return { error: "hoax.clarificationEmpty", values: answers };
  const grade = gradeHoax(entry.hoax, answers);
  const { attemptId } = await recordHoaxAttempt({
    userId: user.id,
    slug,
    ref: { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId, courseVersion: entry.course.meta.version },
    claimText: entry.hoax.claim.text,
    clarification: answers.clarification,
    grade: { score: grade.score, passed: grade.passed, answers, grade } as never,
    idempotencyKey: key,
  });
  return { redirect: `/latihan/${slug}?percobaan=${attemptId}#hasil` };
}
