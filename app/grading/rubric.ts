/**
 * Frontmatter schema of DM exercises (`kind: dm`). Patterns are compiled while validating,
 * so a typo in a rubric fails `content:check` with the field's path instead of at grading time.
 */
import { z } from "zod";
import { BUILTIN_IDS, isBuiltinId } from "./builtins";
import { compilePattern } from "./match";
import { DAYS, DOCUMENT_IDS, PLACE_IDS } from "./gazetteer";

export const CHANNELS = ["instagram-dm", "whatsapp", "facebook-comment", "x-reply", "instagram-comment", "tiktok-comment", "whatsapp-channel"] as const;
export type Channel = (typeof CHANNELS)[number];
/**
 * Comments and replies are read by everyone, and so is an update posted to a WhatsApp Channel
 * (one-to-many, every follower sees it); DMs and WhatsApp chats are private.
 */
export const PUBLIC_CHANNELS: ReadonlySet<Channel> = new Set(["facebook-comment", "x-reply", "instagram-comment", "tiktok-comment", "whatsapp-channel"]);

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "gunakan huruf kecil, angka, dan tanda hubung");
const text = z.string().trim().min(1, "tidak boleh kosong");

const pattern = z.string().superRefine((source, ctx) => {
  try {
    compilePattern(source);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
  }
});

const elementBase = {
  id,
  label: text,
  tip: text,
  /** Patterns that cancel a match in the same sentence (or nearby / anywhere, see unlessScope). */
  unless: z.array(pattern).default([]),
  unlessScope: z.enum(["sentence", "nearby", "reply"]).default("sentence"),
};

export const requiredElementSchema = z
  .object({ ...elementBase, weight: z.number().positive().default(1), patterns: z.array(pattern).min(1, "minimal satu pola") })
  .strict();

export const violationElementSchema = z
  .object({ ...elementBase, severity: z.enum(["major", "minor"]).default("major"), patterns: z.array(pattern).default([]) })
  .strict()
  .superRefine((v, ctx) => {
    // A rubric may reuse a built-in id only to reword its label/tip or add patterns.
    if (v.patterns.length === 0 && !isBuiltinId(v.id)) {
      ctx.addIssue({ code: "custom", path: ["patterns"], message: "minimal satu pola (kecuali untuk id bawaan)" });
    }
  });

export const rubricSchema = z
  .object({
    required: z.array(requiredElementSchema).default([]),
    violations: z.array(violationElementSchema).default([]),
    /** Built-in checks switched off for this turn, e.g. pii-request when asking for a NIK in DM is intended. */
    skipBuiltins: z.array(z.enum(BUILTIN_IDS)).default([]),
  })
  .strict();

const idList = z.array(id).optional();

const documentId = z.enum(DOCUMENT_IDS as [string, ...string[]]);
const placeId = z.enum(PLACE_IDS as [string, ...string[]]);
const clock = z.string().regex(/^\d{2}\.\d{2}$/, "format jam HH.MM");

/**
 * What the exercise context states, as typed slots the grader checks replies against
 * (facts.ts). Closed world: a document, fee, duration, day, time or place a reply claims that
 * these slots contradict is a `fact-wrong` violation. Optional: exercises without it skip the check.
 */
export const factsSchema = z
  .object({
    documents: z
      .object({
        /** Documents the citizen must bring or submit. */
        required: z.array(documentId).default([]),
        /** Documents needed only in some cases: naming them as needed is not wrong. */
        optional: z.array(documentId).default([]),
        /** Documents the context says are NOT needed. */
        notRequired: z.array(documentId).default([]),
        /** What the service issues or is about (naming it is not naming a requirement). */
        issued: z.array(documentId).default([]),
      })
      .strict()
      .optional(),
    fees: z
      .object({
        free: z.boolean(),
        /** Documents whose fee is not covered by `free` (e.g. SIM at the police). */
        except: z.array(documentId).default([]),
      })
      .strict()
      .optional(),
    processing: z
      .object({
        /** Longest standard processing time. */
        days: z.number().positive().optional(),
        workingDays: z.boolean().default(false),
        /** Finished on the day the file is complete. */
        sameDay: z.boolean().default(false),
        /** The context does not know when it will be finished: any certain promise is wrong. */
        unknown: z.boolean().default(false),
      })
      .strict()
      .optional(),
    hours: z.array(z.object({ place: placeId.optional(), days: z.array(z.enum(DAYS)).min(1), open: clock, close: clock }).strict()).default([]),
    /** Other clock times the context names (queue numbers, check times): not opening hours. */
    times: z.array(clock).default([]),
    /** Other durations the context names ("3 hari kerja" to confirm a visit): accepted when a reply repeats them. */
    durations: z.array(z.string().regex(/^\d+ (menit|jam|hari|hari kerja|minggu|bulan)$/, 'misalnya "3 hari kerja"')).default([]),
    /** Where the service is given. */
    places: z.array(placeId).optional(),
    channels: z.array(text).default([]),
    /** Official numbers and addresses a reply may give (digits only or web/e-mail addresses). */
    contacts: z.array(z.string()).default([]),
    /** Who issues what: a reply that places `what` with anyone else is wrong. */
    authority: z.array(z.object({ what: documentId, by: z.array(placeId).min(1) }).strict()).default([]),
    /** Claims the context marks as not verified: stating them as certain is wrong. */
    unverified: z.array(z.object({ id, label: text, patterns: z.array(pattern).min(1) }).strict()).default([]),
    /** Languages a reply may use besides Indonesian. */
    languages: z.array(z.enum(["palembang", "jawa", "sunda", "english"])).default([]),
  })
  .strict();

export type Facts = z.output<typeof factsSchema>;

export const branchSchema = z
  .object({
    /** Every listed id must be in that state; no `when` = default branch. */
    when: z.object({ met: idList, missed: idList, violated: idList, passed: z.boolean().optional() }).strict().optional(),
    goto: id,
  })
  .strict();

export const turnSchema = z
  .object({
    id,
    at: z.string().optional(),
    message: text,
    rubric: rubricSchema,
    modelAnswer: text,
    next: z.array(branchSchema).optional(),
  })
  .strict();

export const exampleSchema = z.object({ turn: id, reply: z.string(), pass: z.boolean(), met: idList, missed: idList, violated: idList }).strict();

const exerciseObject = z
  .object({
    title: text,
    summary: text,
    minutes: z.number().int().positive(),
    kind: z.literal("dm"),
    objectives: z.array(text).min(1),
    draft: z.boolean().default(false),
    channel: z.enum(CHANNELS),
    persona: z.object({ name: text, handle: z.string().optional(), mood: z.string().optional() }).strict(),
    context: z.array(text).default([]),
    facts: factsSchema.optional(),
    passPercent: z.number().int().min(0).max(100).default(70),
    targetSeconds: z.number().int().positive().optional(),
    turns: z.array(turnSchema).min(1),
    examples: z.array(exampleSchema).default([]),
  })
  .strict();

export const exerciseFrontmatterSchema = exerciseObject.superRefine(checkReferences);

export type ExerciseFrontmatter = z.output<typeof exerciseObject>;
export type Turn = ExerciseFrontmatter["turns"][number];
export type Rubric = Turn["rubric"];
export type RequiredElement = Rubric["required"][number];
export type ViolationElement = Rubric["violations"][number];
export type Branch = NonNullable<Turn["next"]>[number];
export type ExerciseExample = ExerciseFrontmatter["examples"][number];

/** A validated exercise plus where it came from. */
export type Exercise = ExerciseFrontmatter & {
  /** File name without `NN-` and `.mdx`: `06-dm-syarat-ktp.mdx` → `dm-syarat-ktp`. */
  slug: string;
  course: string;
  /** The Markdown body shown to the learner before the chat starts. */
  briefing: string;
};

function checkReferences(ex: ExerciseFrontmatter, ctx: z.RefinementCtx<ExerciseFrontmatter>): void {
  const turns = ex.turns;
  const turnIds = new Set<string>();
  turns.forEach((t, ti) => {
    if (turnIds.has(t.id)) ctx.addIssue({ code: "custom", path: ["turns", ti, "id"], message: `id giliran "${t.id}" dipakai dua kali` });
    turnIds.add(t.id);
  });
  turns.forEach((t, ti) => {
    const seen = new Set<string>();
    const check = (list: Array<{ id: string }>, key: "required" | "violations") =>
      list.forEach((el, ei) => {
        const at = ["turns", ti, "rubric", key, ei, "id"];
        if (seen.has(el.id)) ctx.addIssue({ code: "custom", path: at, message: `id "${el.id}" dipakai dua kali dalam giliran ${t.id}` });
        if (key === "required" && isBuiltinId(el.id)) ctx.addIssue({ code: "custom", path: at, message: `"${el.id}" adalah id pelanggaran bawaan` });
        seen.add(el.id);
      });
    check(t.rubric.required, "required");
    check(t.rubric.violations, "violations");
    const known = new Set([...seen, ...BUILTIN_IDS]);
    t.next?.forEach((b, bi) => {
      if (!turnIds.has(b.goto)) ctx.addIssue({ code: "custom", path: ["turns", ti, "next", bi, "goto"], message: `giliran "${b.goto}" tidak ada` });
      for (const key of ["met", "missed", "violated"] as const) {
        b.when?.[key]?.forEach((x, xi) => {
          if (!known.has(x))
            ctx.addIssue({ code: "custom", path: ["turns", ti, "next", bi, "when", key, xi], message: `id "${x}" tidak ada di rubrik giliran ${t.id}` });
        });
      }
    });
  });
  ex.examples.forEach((e, i) => {
    const turn = turns.find((t) => t.id === e.turn);
    if (!turn) {
      ctx.addIssue({ code: "custom", path: ["examples", i, "turn"], message: `giliran "${e.turn}" tidak ada` });
      return;
    }
    const required = new Set(turn.rubric.required.map((r) => r.id));
    const violations = new Set<string>([...turn.rubric.violations.map((v) => v.id), ...BUILTIN_IDS]);
    for (const key of ["met", "missed"] as const)
      e[key]?.forEach((x, xi) => {
        if (!required.has(x)) ctx.addIssue({ code: "custom", path: ["examples", i, key, xi], message: `"${x}" bukan elemen wajib giliran ${turn.id}` });
      });
    e.violated?.forEach((x, xi) => {
      if (!violations.has(x)) ctx.addIssue({ code: "custom", path: ["examples", i, "violated", xi], message: `"${x}" bukan pelanggaran giliran ${turn.id}` });
    });
  });
}

export type RubricWarning = { path: Array<string | number>; message: string };

/**
 * Patterns that compile but probably do not say what their author meant (see match.ts, Parser
 * lint), with their frontmatter path under `base`. content:check prints them as warnings.
 */
export function rubricWarnings(rubric: Rubric, base: Array<string | number>): RubricWarning[] {
  const out: RubricWarning[] = [];
  for (const kind of ["required", "violations"] as const) {
    rubric[kind].forEach((element, ei) => {
      for (const list of ["patterns", "unless"] as const) {
        element[list].forEach((source, pi) => {
          for (const message of compilePattern(source).warnings) out.push({ path: [...base, kind, ei, list, pi], message });
        });
      }
    });
  }
  return out;
}

export class ExerciseValidationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: frontmatter latihan DM tidak valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** `turns.0.rubric.required.1.patterns.2` → `turns[0].rubric.required[1].patterns[2]` */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "") || "(frontmatter)";
}

/** Validates frontmatter; throws ExerciseValidationError naming the source and each bad field. */
export function parseExercise(data: unknown, meta: { slug: string; course?: string; briefing?: string; source?: string }): Exercise {
  const result = exerciseFrontmatterSchema.safeParse(data);
  if (!result.success) {
    throw new ExerciseValidationError(
      meta.source ?? meta.slug,
      result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    );
  }
  return { ...result.data, slug: meta.slug, course: meta.course ?? "", briefing: (meta.briefing ?? "").trim() };
}
