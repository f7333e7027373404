import { describe, expect, it } from "vitest";
import { ExerciseValidationError, parseExercise } from "./rubric";

function frontmatter(overrides: Record<string, unknown> = {}): any {
  return {
    title: "Latihan",
    summary: "Ringkas.",
    minutes: 5,
    kind: "dm",
    objectives: ["Menjawab warga."],
    channel: "instagram-dm",
    persona: { name: "Rina", handle: "@rina", mood: "penasaran" },
    turns: [
      {
        id: "t1",
        message: "Min, syaratnya apa?",
        rubric: {
          required: [{ id: "kk", label: "Menyebut KK", tip: "Sebut KK.", patterns: ["kk", "kartu keluarga"] }],
          violations: [{ id: "info-salah", label: "Salah", tip: "Jangan.", patterns: ["#angka ribu"] }],
        },
        modelAnswer: "Syaratnya KK.",
        next: [{ when: { violated: ["pii-request"] }, goto: "t2" }, { goto: "t2" }],
      },
      { id: "t2", message: "Oke.", rubric: { required: [{ id: "salam", label: "Salam", tip: "Sapa.", patterns: ["halo"] }] }, modelAnswer: "Halo." },
    ],
    ...overrides,
  };
}

function problems(data: unknown): string[] {
  try {
    parseExercise(data, { slug: "x", source: "content/courses/c/06-x.mdx" });
  } catch (e) {
    expect(e).toBeInstanceOf(ExerciseValidationError);
    expect((e as Error).message).toContain("content/courses/c/06-x.mdx");
    return (e as ExerciseValidationError).problems;
  }
  return [];
}

describe("exercise frontmatter", () => {
  it("parses a valid exercise and fills defaults", () => {
    const ex = parseExercise(frontmatter(), { slug: "dm-x", course: "c", briefing: "\nHalo.\n" });
    expect(ex.slug).toBe("dm-x");
    expect(ex.briefing).toBe("Halo.");
    expect(ex.passPercent).toBe(70);
    expect(ex.draft).toBe(false);
    expect(ex.turns[0].rubric.required[0].weight).toBe(1);
    expect(ex.turns[0].rubric.violations[0].severity).toBe("major");
    expect(ex.turns[0].rubric.skipBuiltins).toEqual([]);
  });

  it("names the field of each problem", () => {
    expect(problems(frontmatter({ channel: "tiktok" }))).toEqual([expect.stringMatching(/^channel: /)]);
    expect(problems(frontmatter({ minutes: "lima" }))).toEqual([expect.stringMatching(/^minutes: /)]);
    expect(problems(frontmatter({ kind: "lesson" }))).toEqual([expect.stringMatching(/^kind: /)]);
    expect(problems(frontmatter({ passPercent: 120 }))).toEqual([expect.stringMatching(/^passPercent: /)]);
    expect(problems(frontmatter({ pasPercent: 70 }))).toEqual([expect.stringMatching(/pasPercent/)]);
  });

  it("reports a broken pattern with its path", () => {
    const data = frontmatter();
    data.turns[0].rubric.required![0].patterns = ["kartu (keluarga"];
    expect(problems(data)).toEqual([expect.stringMatching(/^turns\[0\]\.rubric\.required\[0\]\.patterns\[0\]: pola "kartu \(keluarga": kurung/)]);
  });

  it("checks ids and branch targets", () => {
    const data = frontmatter();
    data.turns[0].next = [{ goto: "t9" }];
    data.turns[1].id = "t1";
    const list = problems(data);
    expect(list).toContain('turns[1].id: id giliran "t1" dipakai dua kali');
    expect(list).toContain('turns[0].next[0].goto: giliran "t9" tidak ada');
  });

  it("checks ids used in branch conditions and examples", () => {
    const data = frontmatter({ examples: [{ turn: "t1", reply: "KK", pass: false, met: ["salam"], violated: ["abusive"] }] });
    data.turns[0].next = [{ when: { met: ["gratis"] }, goto: "t2" }];
    const list = problems(data);
    expect(list).toContain('turns[0].next[0].when.met[0]: id "gratis" tidak ada di rubrik giliran t1');
    expect(list).toContain('examples[0].met[0]: "salam" bukan elemen wajib giliran t1');
  });

  it("lets a rubric reword a built-in violation without patterns, but not invent one", () => {
    const ok = frontmatter();
    ok.turns[0].rubric.violations = [{ id: "pii-public", label: "NIK", tip: "Jangan." } as never];
    expect(problems(ok)).toEqual([]);
    const bad = frontmatter();
    bad.turns[0].rubric.violations = [{ id: "kasar", label: "Kasar", tip: "Jangan." } as never];
    expect(problems(bad)).toEqual([expect.stringMatching(/^turns\[0\]\.rubric\.violations\[0\]\.patterns: /)]);
  });

  it("refuses a required element that reuses a built-in id", () => {
    const data = frontmatter();
    data.turns[0].rubric.required![0].id = "abusive";
    expect(problems(data)).toEqual([expect.stringMatching(/id pelanggaran bawaan/)]);
  });
});
