import { describe, expect, it } from "vitest";
import { buildCurriculum, nonObservable, unlistedCitations, type CurriculumSource } from "./curriculum";
import { courseFrontmatter, lessonFrontmatter } from "./schema";

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(" ");
const question = (id: string) => ({
  id,
  type: "truefalse",
  topic: "peran",
  prompt: "Benarkah?",
  options: [
    { text: "Benar", correct: true, explanation: "Ya." },
    { text: "Salah", correct: false, explanation: "Tidak." },
  ],
});

function course(): CurriculumSource {
  const lesson = (slug: string, position: number, data: Record<string, unknown>, body: string) => ({
    slug,
    position,
    data,
    body,
    meta: lessonFrontmatter.parse(data),
  });
  return {
    slug: "uji",
    meta: courseFrontmatter.parse({
      title: "Kursus Uji",
      summary: "Ringkasan kursus uji.",
      level: "dasar",
      version: "1.0.0",
      minutes: 33,
      jp: 0.5,
      certificate: { passPercent: 75, validMonths: 24 },
      competency: "Peserta mampu membalas warga dengan benar.",
      quizAttempts: { max: 2, windowHours: 12 },
      reviewSample: 10,
    }),
    lessons: [
      lesson(
        "peran",
        1,
        {
          title: "Peran",
          summary: "Ringkas.",
          minutes: 8,
          kind: "lesson",
          objectives: ["Menjelaskan peran admin"],
          indicators: [{ condition: "tim media sosial", behaviour: "membagi tugas admin", criterion: "tanpa rangkap peran" }],
          references: ["UU 27/2022 tentang Pelindungan Data Pribadi"],
          quizzes: [{ id: "u-cek", questions: [question("q1"), question("q2")] }],
        },
        words(900),
      ),
      lesson(
        "dm-syarat",
        2,
        {
          title: "Latihan DM",
          summary: "Ringkas.",
          minutes: 9,
          kind: "dm",
          objectives: ["Menjawab syarat KTP-el"],
          channel: "instagram-dm",
          persona: { name: "Rina" },
          passPercent: 80,
          targetSeconds: 180,
          turns: [
            { id: "t1", message: "Syaratnya apa?", rubric: { required: [{ id: "kk", label: "Menyebut KK" }, { id: "gratis", label: "Menyatakan gratis" }] }, next: [{ goto: "t2" }] },
            { id: "t2", message: "Makasih", rubric: { required: [{ id: "kk", label: "Menyebut KK" }] } },
          ],
        },
        words(150),
      ),
      lesson("draf", 3, { title: "Draf", summary: "Ringkas.", minutes: 30, kind: "lesson", draft: true }, words(10)),
      lesson("kuis-akhir", 90, { title: "Kuis Akhir", summary: "Ringkas.", minutes: 16, kind: "quiz", quizzes: [{ id: "u-akhir", draw: 2, questions: [question("a"), question("b"), question("c"), question("d")] }] }, words(20)),
    ],
  };
}

describe("buildCurriculum", () => {
  const c = buildCurriculum(course());

  it("lists published lessons with the minutes behind each JP, summing to the course's JP", () => {
    expect(c.lessons.map((l) => l.slug)).toEqual(["peran", "dm-syarat", "kuis-akhir"]);
    expect(c.minutes).toBe(33);
    expect(c.derivedJp).toBe(0.5);
    expect(c.jp).toBe(c.derivedJp);
    const peran = c.lessons[0]!;
    expect(peran.jp).toBeCloseTo(8 / 45, 2);
    expect(peran.time).toMatchObject({ words: 900, readingMinutes: 6, workMinutes: 2 });
    expect(c.lessons[1]!.time).toMatchObject({ readingMinutes: expect.any(Number), workMinutes: 8 }); // 2 replies × (3 + 1)
  });

  it("derives exercise indicators from the rubric (counts, never labels) and final-quiz rules from the bank", () => {
    expect(c.lessons[1]!.assessment).toEqual({ kind: "dm", channel: "instagram-dm", persona: "Rina", replies: 2, passPercent: 80, required: 2 });
    expect(JSON.stringify(c)).not.toContain("Menyatakan gratis");
    expect(c.assessment).toMatchObject({
      passPercent: 75,
      attempts: { max: 2, windowHours: 12 },
      reviewSample: 10,
      practiceItems: 2,
      dmCount: 1,
      dmPassPercents: [80],
      final: { bank: 4, draw: 2 },
    });
    expect(c.evaluation).toEqual({ pretest: false });
    expect(c.competency).toBe("Peserta mampu membalas warga dengan benar.");
  });

  it("gathers references once per act with the lessons that cite them", () => {
    expect(c.references).toEqual([{ key: "UU 27/2022", text: "UU 27/2022 tentang Pelindungan Data Pribadi", lessons: ["peran"] }]);
  });
});

describe("content rules behind the curriculum", () => {
  it("refuses objectives and indicators that cannot be observed", () => {
    expect(nonObservable("Menyusun SOP tertulis")).toBeNull();
    expect(nonObservable("Berkoordinasi dengan PPID")).toBeNull();
    expect(nonObservable("Memahami UU PDP")).toMatch(/cannot be observed/);
    expect(nonObservable("Tidak menebak biaya")).toMatch(/not an active verb/);
  });
  it("names every cited regulation that references leave out, ignoring the entries themselves", () => {
    const source = "references:\n  - \"UU 24/2013 tentang Perubahan atas UU 23/2006\"\n---\nMenurut UU 24/2013 dan UU 27/2022 ...";
    expect(unlistedCitations(source, ["UU 24/2013 tentang Perubahan atas UU 23/2006"])).toEqual(["UU 27/2022"]);
  });
});
