/**
 * The hoax verification lab (kind `hoax`): a claim card, then four parts graded at once —
 * classify, red flags, a verification plan, and a public clarification graded like a DM reply.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { checkExamples, checkModelAnswers } from "~/grading";
import { gradeHoax, hoaxAnswersFromForm, HOAX_TYPES, RED_FLAGS, STEP_PILLAR, VERIFICATION_STEPS, type HoaxAnswers, type HoaxCase } from "~/grading/hoax";
import { rubricWarnings } from "~/grading/rubric";
import { compileMdx } from "~/content/compile.server";
import { renderMdxHtml } from "~/content/render.server";
import type { CourseSource, LessonSource, Problem } from "~/content/repository.server";
import { getOwnAttempt, listOwnAttempts, recordGradedAttempt } from "~/models/exercise-attempt.server";
import type { SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import type { ExerciseTurnRow, HoaxStoredGrade } from "../../db/schema";
import { lessonChecker } from "./check.server";
import { turnFeedback } from "./dm.server";
import { parseExerciseLesson, type ExerciseEntry } from "./entries.server";
import { exerciseHref } from "./kinds";
import type { ExerciseKindServer, PageOptions } from "./registry.server";

/** A stored hoax lab row's grade: the answers and the grade of all four parts. */
function hoaxGradeOf(row: Pick<ExerciseTurnRow, "grade"> | undefined): HoaxStoredGrade | undefined {
  return row && "answers" in row.grade ? row.grade : undefined;
}

/** Loader data for a hoax case: the claim card and the empty lab, or a graded attempt with explanations. */
export async function loadHoaxPage(user: SessionUser, entry: ExerciseEntry<"hoax">, opts: PageOptions) {
  const { exercise: hoax, course } = entry;
  const slug = hoax.slug;
  const db = await getDb();
  const [viewed, history, briefing] = await Promise.all([
    opts.attemptId ? getOwnAttempt(db, user.id, opts.attemptId) : Promise.resolve(null),
    listOwnAttempts(db, user.id, slug),
    compileMdx(entry.lesson.body),
  ]);
  if (opts.attemptId && (!viewed || viewed.exerciseSlug !== slug)) throw new Response("Not found", { status: 404 });
  const stored = hoaxGradeOf(viewed?.turns[0]);
  return {
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
        image: hoax.claim.image
          ? { src: `/media/${course.slug}/${hoax.claim.image.src.replace("./media/", "")}`, description: hoax.claim.image.description }
          : null,
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
            // The clarification is graded like a public DM reply: the same feedback, in the page's language.
            clarification: turnFeedback(
              { turnId: "klarifikasi", citizenMessage: "", reply: stored.answers.clarification, replySeconds: null, grade: stored.grade.clarification },
              hoax.exercise,
              { lang: opts.lang },
            ),
            facts: { summary: hoax.facts.summary, source: hoax.facts.source },
            modelAnswer: hoax.clarification.modelAnswer,
          }
        : null,
    history: history.map((h) => ({ id: h.id, startedAt: h.startedAt.toISOString(), score: h.overrideScore ?? h.score, passed: h.overridePassed ?? h.passed })),
  };
}

export type HoaxActionResult = { redirect: string } | { error: "hoax.clarificationEmpty" | "error.badForm"; values: HoaxAnswers };

/** Grades all four parts at once and stores the attempt (idempotent by form key). */
export async function submitHoaxForm(user: SessionUser, entry: ExerciseEntry<"hoax">, form: FormData): Promise<HoaxActionResult> {
  const slug = entry.exercise.slug;
  const key = String(form.get("key") ?? "");
  const answers = hoaxAnswersFromForm(form);
  // A missing or changed idempotency key: said in the page, the answers given stay filled in.
  if (!/^[\w-]{8,64}$/.test(key)) return { error: "error.badForm", values: answers };
  if (!answers.clarification.trim()) return { error: "hoax.clarificationEmpty", values: answers };
  const grade = gradeHoax(entry.exercise, answers);
  const { attemptId } = await recordGradedAttempt(await getDb(), {
    kind: "hoax",
    userId: user.id,
    slug,
    ref: { lessonId: entry.ids.lessonId, courseId: entry.ids.courseId, courseVersion: entry.course.meta.version },
    prompt: entry.exercise.claim.text,
    text: answers.clarification,
    grade: { score: grade.score, passed: grade.passed, answers, grade },
    idempotencyKey: key,
  });
  return { redirect: `${exerciseHref(slug)}?percobaan=${attemptId}#hasil` };
}

/** content:check for a hoax case: schema problems at their line, then its clarification examples. */
export function checkHoaxLesson(course: CourseSource, lesson: LessonSource): Problem[] {
  const check = lessonChecker("hoax", lesson);
  const invalid = check.schemaProblems();
  if (invalid.length) return invalid;
  let hoax: HoaxCase;
  try {
    hoax = parseExerciseLesson("hoax", course, lesson);
  } catch (error) {
    return [check.problem(["clarification"], `clarification: ${(error as Error).message.split("\n").slice(1).join(" ").trim()}`)];
  }
  const problems: Problem[] = [];
  if (hoax.claim.image && !existsSync(path.join(path.dirname(lesson.file), hoax.claim.image.src))) {
    problems.push(check.problem(["claim", "image", "src"], `gambar tidak ditemukan: ${hoax.claim.image.src}`));
  }
  checkExamples(hoax.exercise).forEach((c, i) => c.problems.forEach((p) => problems.push(check.problem(["examples", i], `examples[${i}]: ${p}`))));
  for (const c of checkModelAnswers(hoax.exercise))
    for (const p of c.problems) problems.push(check.problem(["clarification", "modelAnswer"], `clarification.modelAnswer: ${p}`));
  problems.push(...check.warnings(rubricWarnings(hoax.clarification.rubric, ["clarification", "rubric"])));
  return problems;
}

export const hoaxKind = { check: checkHoaxLesson, load: loadHoaxPage, submit: submitHoaxForm } satisfies ExerciseKindServer<"hoax">;
