/**
 * Hoax-verification cases (`kind: hoax`): schema and the scoring of the four parts.
 * Pure TypeScript. The written clarification is graded by the same grader as DM replies.
 */
import { z } from "zod";
import { gradeReply, type TurnGrade } from "./grade";
import { HOAX_TYPES, RED_FLAGS, VERIFICATION_STEPS, type HoaxType, type RedFlag, type VerificationStep } from "./hoax-vocabulary";
import { exampleSchema, factsSchema, parseExercise, rubricSchema, type Exercise } from "./rubric";

export { HOAX_TYPES, RED_FLAGS, STEP_PILLAR, VERIFICATION_STEPS } from "./hoax-vocabulary";
export type { HoaxType, RedFlag, VerificationStep } from "./hoax-vocabulary";

const text = z.string().trim().min(1, "tidak boleh kosong");

export const hoaxFrontmatterSchema = z
  .object({
    title: text,
    summary: text,
    minutes: z.number().int().positive(),
    kind: z.literal("hoax"),
    objectives: z.array(text).default([]),
    draft: z.boolean().default(false),
    passPercent: z.number().int().min(0).max(100).default(70),
    claim: z
      .object({
        text,
        sender: text,
        forwarded: z.boolean().default(false),
        seen: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "format tanggal YYYY-MM-DD"),
        image: z
          .object({ src: z.string().regex(/^\.\/media\/[\w.-]+$/, "gambar harus dari ./media/"), description: text })
          .strict()
          .optional(),
      })
      .strict(),
    facts: z
      .object({
        verdict: z.enum(["hoaks", "benar"]),
        type: z.enum(HOAX_TYPES),
        summary: text,
        source: text,
        sourceType: z.enum(["official-agency", "official-website", "fact-check-site", "platform", "other"]).default("official-agency"),
        // The true facts as typed slots (documents, fees, hours, places, unverified claims…), as in a DM
        // exercise's `facts`: the clarification is checked against them (facts.ts).
        ...factsSchema.shape,
      })
      .strict()
      .refine((f) => (f.verdict === "benar") === (f.type === "true"), { message: "verdict benar harus bertipe true (dan sebaliknya)", path: ["type"] }),
    classify: z.object({ explanation: text }).strict(),
    redFlags: z
      .object({
        present: z.array(z.enum(RED_FLAGS)).default([]),
        notes: z.partialRecord(z.enum(RED_FLAGS), z.string()).default({}),
      })
      .strict(),
    verification: z
      .object({
        steps: z.array(z.enum(VERIFICATION_STEPS)).min(1).max(6),
        acceptable: z.array(z.enum(VERIFICATION_STEPS)).default([]),
        explanation: text,
      })
      .strict(),
    clarification: z.object({ channel: z.enum(["facebook-comment", "x-reply"]).default("facebook-comment"), rubric: rubricSchema, modelAnswer: text }).strict(),
    examples: z.array(exampleSchema.omit({ turn: true })).default([]),
  })
  .strict();

export type HoaxCase = z.output<typeof hoaxFrontmatterSchema> & { slug: string; course: string; briefing: string; exercise: Exercise };

/** Validates a hoax case; the clarification becomes a one-turn public exercise for the DM grader. */
export function parseHoaxCase(data: unknown, meta: { slug: string; course: string; briefing: string; source?: string }): HoaxCase {
  const parsed = hoaxFrontmatterSchema.parse(data);
  const { verdict: _verdict, type: _type, summary: _summary, source: _source, sourceType: _sourceType, ...facts } = parsed.facts;
  const exercise = parseExercise(
    {
      title: parsed.title,
      summary: parsed.summary,
      minutes: parsed.minutes,
      kind: "dm",
      objectives: parsed.objectives.length ? parsed.objectives : [parsed.title],
      channel: parsed.clarification.channel,
      persona: { name: parsed.claim.sender },
      passPercent: parsed.passPercent,
      facts,
      turns: [{ id: "klarifikasi", message: parsed.claim.text, rubric: parsed.clarification.rubric, modelAnswer: parsed.clarification.modelAnswer }],
      examples: parsed.examples.map((e) => ({ ...e, turn: "klarifikasi" })),
    },
    { slug: meta.slug, course: meta.course, source: meta.source },
  );
  return { ...parsed, ...meta, exercise };
}

export type HoaxAnswers = {
  verdict: "hoaks" | "benar" | null;
  type: HoaxType | null;
  flags: RedFlag[];
  /** Chosen steps in the learner's order. */
  steps: VerificationStep[];
  clarification: string;
};

/** Reads the lab form: `verdict`, `type`, `flag` (repeated), `step:<id>` = position number, `clarification`. */
export function hoaxAnswersFromForm(form: FormData | URLSearchParams): HoaxAnswers {
  const verdict = form.get("verdict");
  const type = form.get("type");
  const flags = [...new Set(form.getAll("flag").map(String))].filter((f): f is RedFlag => (RED_FLAGS as readonly string[]).includes(f));
  const ranked: { step: VerificationStep; pos: number }[] = [];
  for (const step of VERIFICATION_STEPS) {
    const pos = Number(form.get(`step:${step}`));
    if (Number.isInteger(pos) && pos >= 1 && pos <= VERIFICATION_STEPS.length) ranked.push({ step, pos });
  }
  ranked.sort((a, b) => a.pos - b.pos || VERIFICATION_STEPS.indexOf(a.step) - VERIFICATION_STEPS.indexOf(b.step));
  return {
    verdict: verdict === "hoaks" || verdict === "benar" ? verdict : null,
    type: (HOAX_TYPES as readonly string[]).includes(String(type)) ? (type as HoaxType) : null,
    flags,
    steps: ranked.map((r) => r.step),
    clarification: String(form.get("clarification") ?? "").slice(0, 4000),
  };
}

export type FlagResult = { id: RedFlag; selected: boolean; present: boolean; note: string | null };
export type HoaxGrade = {
  classify: { score: number; verdictCorrect: boolean; typeCorrect: boolean; expectedVerdict: "hoaks" | "benar"; expectedType: HoaxType; explanation: string };
  flags: { score: number; hits: number; falseAlarms: number; misses: number; items: FlagResult[] };
  plan: {
    score: number;
    expected: VerificationStep[];
    chosen: VerificationStep[];
    missing: VerificationStep[];
    extra: VerificationStep[];
    orderCorrect: number;
    orderPairs: number;
    explanation: string;
  };
  clarification: TurnGrade;
  score: number;
  passed: boolean;
};

/** Verdict label half the marks, First Draft type the other half. */
export function scoreClassification(c: HoaxCase, a: Pick<HoaxAnswers, "verdict" | "type">): HoaxGrade["classify"] {
  const verdictCorrect = a.verdict === c.facts.verdict;
  const typeCorrect = a.type === c.facts.type;
  return {
    score: (verdictCorrect ? 50 : 0) + (typeCorrect ? 50 : 0),
    verdictCorrect,
    typeCorrect,
    expectedVerdict: c.facts.verdict,
    expectedType: c.facts.type,
    explanation: c.classify.explanation,
  };
}

/**
 * Red flags are scored for hits and false alarms: (hits − false alarms) / flags present.
 * With no flags present (a true claim), every false alarm costs 25 points.
 */
export function scoreRedFlags(c: HoaxCase, selected: RedFlag[]): HoaxGrade["flags"] {
  const present = new Set(c.redFlags.present);
  const chosen = new Set(selected);
  const hits = [...chosen].filter((f) => present.has(f)).length;
  const falseAlarms = chosen.size - hits;
  const misses = present.size - hits;
  const score = present.size === 0 ? Math.max(0, 100 - 25 * falseAlarms) : Math.max(0, Math.round(((hits - falseAlarms) / present.size) * 100));
  const items = RED_FLAGS.map((id) => ({ id, selected: chosen.has(id), present: present.has(id), note: c.redFlags.notes[id] ?? null }));
  return { score, hits, falseAlarms, misses, items };
}

/**
 * Verification plan: 70 points for choosing the expected steps (recall), 30 for putting the
 * chosen expected steps in the right relative order (pairs in order / all pairs), minus 10 per
 * step that is neither expected nor acceptable.
 */
export function scorePlan(c: HoaxCase, chosen: VerificationStep[]): HoaxGrade["plan"] {
  const expected = c.verification.steps;
  const acceptable = new Set(c.verification.acceptable);
  const picked = chosen.filter((s) => expected.includes(s));
  const missing = expected.filter((s) => !chosen.includes(s));
  const extra = chosen.filter((s) => !expected.includes(s) && !acceptable.has(s));
  let pairs = 0;
  let inOrder = 0;
  for (let i = 0; i < picked.length; i++) {
    for (let j = i + 1; j < picked.length; j++) {
      pairs++;
      if (expected.indexOf(picked[i]!) < expected.indexOf(picked[j]!)) inOrder++;
    }
  }
  const recall = picked.length / expected.length;
  const order = pairs === 0 ? (picked.length > 0 ? 1 : 0) : inOrder / pairs;
  const score = Math.max(0, Math.min(100, Math.round(recall * 70 + order * 30 - extra.length * 10)));
  return { score, expected, chosen, missing, extra, orderCorrect: inOrder, orderPairs: pairs, explanation: c.verification.explanation };
}

/**
 * All four parts. Passed = mean score ≥ passPercent, the HOAKS/BENAR verdict right, and the
 * written clarification passed on its own (it is what the public would read).
 */
export function gradeHoax(c: HoaxCase, a: HoaxAnswers): HoaxGrade {
  const classify = scoreClassification(c, a);
  const flags = scoreRedFlags(c, a.flags);
  const plan = scorePlan(c, a.steps);
  const clarification = gradeReply(c.exercise, "klarifikasi", a.clarification);
  const score = Math.round((classify.score + flags.score + plan.score + clarification.score) / 4);
  return { classify, flags, plan, clarification, score, passed: score >= c.passPercent && classify.verdictCorrect && clarification.passed };
}
