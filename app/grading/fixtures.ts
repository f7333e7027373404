/**
 * Small exercise factory for unit tests (kept out of *.test.ts so several test files share it).
 * Builds frontmatter through the real schema, so defaults and validation apply.
 */
import { parseExercise, type Channel, type Exercise } from "./rubric";

type TurnInput = {
  id?: string;
  message?: string;
  required?: Array<{ id: string; patterns: string[]; weight?: number; unless?: string[]; unlessScope?: "sentence" | "nearby" | "reply" }>;
  violations?: Array<{ id: string; patterns?: string[]; severity?: "major" | "minor"; label?: string; tip?: string; unless?: string[] }>;
  skipBuiltins?: string[];
  next?: Array<{ when?: Record<string, unknown>; goto: string }>;
};

export function makeExercise(
  opts: { channel?: Channel; passPercent?: number; turns?: TurnInput[]; slug?: string; facts?: Record<string, unknown> } = {},
): Exercise {
  const turns = (opts.turns ?? [{}]).map((t, i) => ({
    id: t.id ?? `t${i + 1}`,
    message: t.message ?? "Min, syaratnya apa ya?",
    rubric: {
      required: (t.required ?? []).map((r) => ({ label: `label ${r.id}`, tip: `tip ${r.id}`, ...r })),
      violations: (t.violations ?? []).map((v) => ({ label: `label ${v.id}`, tip: `tip ${v.id}`, ...v })),
      ...(t.skipBuiltins ? { skipBuiltins: t.skipBuiltins } : {}),
    },
    modelAnswer: "Jawaban contoh.",
    ...(t.next ? { next: t.next } : {}),
  }));
  return parseExercise(
    {
      title: "Latihan uji",
      summary: "Untuk pengujian.",
      minutes: 3,
      kind: "dm",
      objectives: ["Menguji penilai."],
      channel: opts.channel ?? "whatsapp",
      persona: { name: "Warga" },
      ...(opts.passPercent !== undefined ? { passPercent: opts.passPercent } : {}),
      ...(opts.facts ? { facts: opts.facts } : {}),
      turns,
    },
    { slug: opts.slug ?? "uji", course: "uji" },
  );
}
