import { z } from "zod";

/** Frontmatter schemas for course and lesson files (see content/README.md). Pure, no I/O. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const courseFrontmatter = z.object({
  title: z.string().min(3),
  summary: z.string().min(10),
  level: z.enum(["dasar", "menengah", "lanjut"]),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "version harus berbentuk semver dalam tanda kutip, mis. \"1.2.0\""),
  minutes: z.number().int().positive(),
  jp: z.number().positive().default(1),
  order: z.number().int().default(100),
  certificate: z.object({
    passPercent: z.number().int().min(1).max(100),
    validMonths: z.number().int().min(1).max(120),
  }),
  draft: z.boolean().default(false),
  /** Final-quiz attempts allowed per window (decision 011). */
  quizAttempts: z
    .object({ max: z.number().int().min(1).max(20), windowHours: z.number().int().min(1).max(24 * 14) })
    .default({ max: 3, windowHours: 24 }),
  /** An ungraded pre-test drawn from the final quiz's bank before lesson 1 (LAN practice). */
  pretest: z.boolean().default(false),
  /** Percent of sure DM passes a trainer checks anyway (review queue, issue 12); 0 = only doubtful ones. */
  reviewSample: z.number().int().min(0).max(100).default(0),
  /** The course's general competency (kompetensi), as printed on the curriculum page; content:check requires it. */
  competency: z.string().min(10).optional(),
});

const optionSchema = z.object({
  text: z.string().min(1),
  correct: z.boolean(),
  explanation: z.string().min(1),
});

export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/i),
    type: z.enum(["single", "multiple", "truefalse"]),
    prompt: z.string().min(3),
    options: z.array(optionSchema).min(2).max(8),
    /** Slug of the lesson this item tests: a failed final attempt names it as a topic to review. */
    topic: z.string().regex(slugPattern).optional(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if ((q.type === "single" || q.type === "truefalse") && correct !== 1) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `soal bertipe ${q.type} harus punya tepat satu jawaban benar (ada ${correct})` });
    }
    if (q.type === "truefalse" && q.options.length !== 2) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "soal bertipe truefalse harus punya tepat dua opsi" });
    }
    if (q.type === "multiple" && correct < 1) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "soal bertipe multiple harus punya minimal satu jawaban benar" });
    }
  });

export const quizSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "id kuis hanya boleh huruf kecil, angka, dan tanda hubung"),
  questions: z.array(questionSchema).min(1),
  /** Final quizzes: items drawn per attempt from `questions` (the bank). Absent = every item. */
  draw: z.number().int().positive().optional(),
});

/**
 * A success indicator (indikator keberhasilan) in the ABCD form training agencies file:
 * given a condition, the learner does an observable behaviour, to a criterion.
 */
export const indicatorSchema = z
  .object({
    condition: z.string().min(5),
    behaviour: z.string().min(5),
    criterion: z.string().min(5),
  })
  .strict();

export const lessonKinds = ["lesson", "quiz", "dm", "hoax", "post"] as const;

/** Fields every lesson file has; kind-specific fields (dm rubric, hoax case) are validated by their own schemas. */
export const lessonFrontmatter = z
  .object({
    title: z.string().min(3),
    summary: z.string().min(5),
    minutes: z.number().int().positive(),
    kind: z.enum(lessonKinds),
    objectives: z.array(z.string().min(3)).default([]),
    draft: z.boolean().default(false),
    quizzes: z.array(quizSchema).default([]),
    /** Reading lessons: indicators per lesson (exercises derive theirs from their rubric; see curriculum.ts). */
    indicators: z.array(indicatorSchema).default([]),
    /** Regulations and sources the file cites, short form first: "UU 14/2008 tentang Keterbukaan Informasi Publik". */
    references: z.array(z.string().min(3)).default([]),
  })
  .passthrough()
  .superRefine((l, ctx) => {
    if (l.kind === "quiz" && l.quizzes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["quizzes"], message: "halaman kind: quiz harus punya minimal satu kuis" });
    }
  });

export type CourseFrontmatter = z.infer<typeof courseFrontmatter>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
export type Quiz = z.infer<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;

/** Curriculum fields every lesson kind may carry; exercise schemas (strict, in app/grading) never see them. */
export function withoutCurriculumFields(data: Record<string, unknown>): Record<string, unknown> {
  const { indicators: _indicators, references: _references, ...rest } = data;
  return rest;
}
export type LessonKind = (typeof lessonKinds)[number];

/** `03-keamanan-akun.mdx` → { position: 3, slug: "keamanan-akun" }; null when the name is not a lesson file. */
export function parseLessonFileName(name: string): { position: number; slug: string } | null {
  const m = name.match(/^(\d{2})-([a-z0-9-]+)\.mdx$/);
  if (!m || !slugPattern.test(m[2]!)) return null;
  return { position: Number(m[1]), slug: m[2]! };
}
