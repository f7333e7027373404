/**
 * The curriculum of a course as a training agency files it (issue 16 §6): competency, per-lesson
 * objectives and indicators, JP with the minutes behind them, assessment and pass rules,
 * evaluation and references. Built from the content files only, so it cannot drift from what
 * learners get. Pure: no I/O; the page and content:check both call it.
 */
import { JP_MINUTES, readingMinutes, studyItemOf, workMinutes, courseJp, type StudyItem } from "./jp";
import { citedRegulations, compareReferenceKeys, referenceKey } from "./references";
import type { CourseFrontmatter, Indicator, LessonFrontmatter, LessonKind } from "./schema";

export type CurriculumSource = {
  slug: string;
  meta: CourseFrontmatter;
  lessons: { slug: string; position: number; meta: LessonFrontmatter; data: Record<string, unknown>; body: string }[];
};

/**
 * What a learner is assessed on in one lesson file. Counts only, never rubric labels, flags or
 * steps: the page is public and rubrics stay out of loader data (STYLE.md).
 */
export type LessonAssessment =
  | { kind: "lesson"; practiceItems: number }
  | { kind: "quiz"; bank: number; draw: number }
  | { kind: "dm"; channel: string; persona: string; replies: number; passPercent: number; required: number }
  | { kind: "hoax"; sender: string; passPercent: number }
  | { kind: "post"; channel: string; passPercent: number; required: number };

export type CurriculumLesson = {
  position: number;
  slug: string;
  title: string;
  kind: LessonKind;
  /** Authored minutes: what the course's JP is summed from (content:check keeps them honest). */
  minutes: number;
  /** minutes / 45, to two decimals: this lesson's share of the course's JP. */
  jp: number;
  /** The computation behind `minutes`: words read at 150 a minute plus the work done. */
  time: { words: number; readingMinutes: number; workMinutes: number; work: StudyItem };
  objectives: string[];
  indicators: Indicator[];
  assessment: LessonAssessment;
  /** Keys of the regulations this item cites ("UU 14/2008"); their wording is in `Curriculum.references`. */
  references: string[];
};

export type Curriculum = {
  slug: string;
  title: string;
  summary: string;
  level: CourseFrontmatter["level"];
  version: string;
  competency: string | null;
  minutes: number;
  /** The JP the course claims (course.mdx); content:check keeps it equal to `courseJp(minutes)`. */
  jp: number;
  /** courseJp(sum of lesson minutes), for the page to show how the JP is derived. */
  derivedJp: number;
  lessons: CurriculumLesson[];
  assessment: {
    passPercent: number;
    validMonths: number;
    attempts: { max: number; windowHours: number };
    reviewSample: number;
    practiceItems: number;
    dmCount: number;
    hoaxCount: number;
    dmPassPercents: number[];
    hoaxPassPercents: number[];
    final: { bank: number; draw: number } | null;
  };
  evaluation: { pretest: boolean };
  references: { key: string; text: string; lessons: string[] }[];
};

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const unique = <T>(xs: T[]) => [...new Set(xs)];

type RawTurn = { rubric?: { required?: { id?: string }[] } };

function assessmentOf(lesson: CurriculumSource["lessons"][number], item: StudyItem): LessonAssessment {
  const data = lesson.data;
  switch (lesson.meta.kind) {
    case "lesson":
      return { kind: "lesson", practiceItems: lesson.meta.quizzes.reduce((n, q) => n + q.questions.length, 0) };
    case "quiz": {
      const bank = lesson.meta.quizzes.reduce((n, q) => n + q.questions.length, 0);
      return { kind: "quiz", bank, draw: lesson.meta.quizzes.reduce((n, q) => n + (q.draw ?? q.questions.length), 0) };
    }
    case "dm": {
      const turns = (Array.isArray(data.turns) ? data.turns : []) as RawTurn[];
      const required = unique(turns.flatMap((t) => (t.rubric?.required ?? []).map((r) => r.id ?? ""))).length;
      const persona = (data.persona ?? {}) as { name?: string };
      return {
        kind: "dm",
        channel: String(data.channel ?? ""),
        persona: persona.name ?? "",
        replies: item.kind === "dm" ? item.replies : 1,
        passPercent: typeof data.passPercent === "number" ? data.passPercent : 70,
        required,
      };
    }
    case "hoax": {
      const claim = (data.claim ?? {}) as { sender?: string };
      return { kind: "hoax", sender: claim.sender ?? "", passPercent: typeof data.passPercent === "number" ? data.passPercent : 70 };
    }
    case "post": {
      const elements = Array.isArray(data.elements) ? data.elements.length : 0;
      return { kind: "post", channel: String(data.channel ?? ""), passPercent: typeof data.passPercent === "number" ? data.passPercent : 70, required: elements };
    }
  }
}

/** The curriculum of one course, over its published lessons. */
export function buildCurriculum(course: CurriculumSource): Curriculum {
  const published = course.lessons.filter((l) => !l.meta.draft);
  const lessons: CurriculumLesson[] = published.map((l) => {
    const work = studyItemOf(l);
    return {
      position: l.position,
      slug: l.slug,
      title: l.meta.title,
      kind: l.meta.kind,
      minutes: l.meta.minutes,
      jp: round(l.meta.minutes / JP_MINUTES, 2),
      time: { words: work.words, readingMinutes: round(readingMinutes(work.words), 1), workMinutes: round(workMinutes(work), 1), work },
      objectives: l.meta.objectives,
      indicators: l.meta.indicators,
      assessment: assessmentOf(l, work),
      references: unique(l.meta.references.map(referenceKey)),
    };
  });
  const minutes = lessons.reduce((n, l) => n + l.minutes, 0);
  const references = new Map<string, { key: string; text: string; lessons: string[] }>();
  for (const l of published) {
    for (const text of l.meta.references) {
      const key = referenceKey(text);
      const entry = references.get(key) ?? { key, text, lessons: [] };
      // The longest wording wins, so "UU 14/2008" alone never hides "UU 14/2008 tentang …".
      if (text.length > entry.text.length) entry.text = text;
      if (!entry.lessons.includes(l.slug)) entry.lessons.push(l.slug);
      references.set(key, entry);
    }
  }
  const of = <K extends LessonAssessment["kind"]>(kind: K) => lessons.map((l) => l.assessment).filter((a): a is Extract<LessonAssessment, { kind: K }> => a.kind === kind);
  const finals = of("quiz");
  return {
    slug: course.slug,
    title: course.meta.title,
    summary: course.meta.summary,
    level: course.meta.level,
    version: course.meta.version,
    competency: course.meta.competency ?? null,
    minutes,
    jp: course.meta.jp,
    derivedJp: courseJp([minutes]),
    lessons,
    assessment: {
      passPercent: course.meta.certificate.passPercent,
      validMonths: course.meta.certificate.validMonths,
      attempts: course.meta.quizAttempts,
      reviewSample: course.meta.reviewSample,
      practiceItems: of("lesson").reduce((n, a) => n + a.practiceItems, 0),
      dmCount: of("dm").length,
      hoaxCount: of("hoax").length,
      dmPassPercents: unique(of("dm").map((a) => a.passPercent)).sort((a, b) => a - b),
      hoaxPassPercents: unique(of("hoax").map((a) => a.passPercent)).sort((a, b) => a - b),
      final: finals.length ? { bank: finals.reduce((n, a) => n + a.bank, 0), draw: finals.reduce((n, a) => n + a.draw, 0) } : null,
    },
    evaluation: { pretest: course.meta.pretest },
    references: [...references.values()].sort((a, b) => compareReferenceKeys(a.key, b.key)),
  };
}

/** Verbs that name no observable behaviour: an objective or indicator must not start with them. */
export const NON_OBSERVABLE_VERBS = new Set(["memahami", "mengetahui", "mengerti", "menyadari", "menghayati", "mengenal", "meyakini", "menghargai", "mendalami"]);

/**
 * Why `text` is not an observable behaviour, or null when it is: it must start with an active
 * verb (me-/ber- form, e.g. "menyusun", "membedakan", "berkoordinasi") that can be watched.
 */
export function nonObservable(text: string): string | null {
  const first = (text.trim().match(/^[\p{L}-]+/u)?.[0] ?? "").toLowerCase();
  if (NON_OBSERVABLE_VERBS.has(first)) return `"${first}" cannot be observed; start with what the learner does (menjelaskan, menyusun, membalas, membedakan …)`;
  if (!/^(me|be)/.test(first)) return `"${first || text.slice(0, 20)}" is not an active verb; start with what the learner does (menjelaskan, menyusun, membalas …)`;
  return null;
}

/**
 * Regulations a lesson file cites that its `references` do not list. The reference entries
 * themselves are left out first: "UU 24/2013 tentang Perubahan atas UU 23/2006" cites one act.
 */
export function unlistedCitations(source: string, references: string[]): string[] {
  const listed = new Set(references.map(referenceKey));
  const text = references.reduce((s, entry) => s.split(entry).join(" "), source);
  return citedRegulations(text).filter((key) => !listed.has(key));
}
