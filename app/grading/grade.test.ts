import { describe, expect, it } from "vitest";
import { makeExercise } from "./fixtures";
import { gradeReply, nextTurn } from "./grade";
import { highlightSegments, highlightSpans } from "./highlight";
import { checkExamples, gradeWithHighlights } from "./index";
import { GRADER_VERSION } from "./version";

const exercise = makeExercise({
  channel: "instagram-dm",
  turns: [
    {
      required: [
        { id: "salam", patterns: ["halo", "selamat pagi/siang/sore/malam"] },
        { id: "kk", patterns: ["~kk", "~kartu keluarga"], weight: 2 },
        { id: "gratis", patterns: ["gratis", "tidak ...2 biaya/bayar"] },
      ],
      violations: [
        { id: "info-salah", patterns: ["biaya ...3 #angka"] },
        { id: "nada", patterns: ["cepetan"], severity: "minor" },
      ],
      // These tests are about score arithmetic on deliberately tiny replies.
      skipBuiltins: ["curt", "keyword-list"],
      next: [
        { when: { violated: ["pii-request"] }, goto: "foto" },
        { when: { passed: true }, goto: "lanjut" },
        { when: { missed: ["kk"], met: ["salam"] }, goto: "ulang" },
        { goto: "lanjut" },
      ],
    },
    { id: "lanjut" },
    { id: "ulang" },
    { id: "foto" },
  ],
});

describe("gradeReply", () => {
  it("passes a reply that meets every element without violations", () => {
    const g = gradeReply(exercise, "t1", "Halo kak, syaratnya KK saja, gratis.");
    expect(g).toMatchObject({ passed: true, score: 100, missing: [], violations: [], nextTurnId: "lanjut", graderVersion: GRADER_VERSION });
    expect(g.met.map((m) => m.id)).toEqual(["salam", "kk", "gratis"]);
    expect(g.rubricHash).toMatch(/^[0-9a-f]{8}$/);
  });

  it("scores the weighted share of required elements met", () => {
    expect(gradeReply(exercise, "t1", "Halo, gratis").score).toBe(50); // 2 of 4 weight
    expect(gradeReply(exercise, "t1", "Bawa KK").score).toBe(50);
    expect(gradeReply(exercise, "t1", "Oke").score).toBe(0);
  });

  it("subtracts violations, major heavier than minor, clamped at 0", () => {
    expect(gradeReply(exercise, "t1", "Halo, bawa KK, gratis, cepetan").score).toBe(85);
    const major = gradeReply(exercise, "t1", "Halo, bawa KK, biaya 50 ribu");
    expect(major.score).toBe(35); // 75 - 40
    expect(major.passed).toBe(false);
    expect(gradeReply(exercise, "t1", "Biaya 50 ribu, cepetan").score).toBe(0);
  });

  it("fails when anything required is missing or anything is violated", () => {
    expect(gradeReply(exercise, "t1", "Halo kak, KK ya").passed).toBe(false);
    expect(gradeReply(exercise, "t1", "Halo kak, bawa KK, gratis, cepetan").passed).toBe(false);
  });

  it("fails below passPercent even with everything met", () => {
    const strict = makeExercise({
      passPercent: 100,
      turns: [{ required: [{ id: "a", patterns: ["halo"] }], violations: [{ id: "b", patterns: ["cepetan"], severity: "minor" }] }],
    });
    expect(gradeReply(strict, "t1", "halo").passed).toBe(true);
  });

  it("reports label, tip and evidence in the learner's original text", () => {
    const reply = "Selamat MALAM kak 🙏 biayanya 50rb ya";
    const g = gradeReply(exercise, "t1", reply);
    const salam = g.met.find((m) => m.id === "salam")!;
    expect(salam).toMatchObject({ label: "label salam", tip: "tip salam", kind: "required", status: "met", builtin: false, weight: 1 });
    expect(salam.evidence).toEqual([{ start: 0, end: 13, text: "Selamat MALAM" }]);
    const wrong = g.violated.find((v) => v.id === "info-salah")!;
    expect(wrong).toMatchObject({ status: "violated", severity: "major" });
    expect(reply.slice(wrong.evidence[0].start, wrong.evidence[0].end)).toBe("biayanya 50");
    expect(g.missed.find((m) => m.id === "kk")).toMatchObject({ status: "missed", evidence: [] });
  });

  it("runs built-in checks on every turn", () => {
    const g = gradeReply(exercise, "t1", "Halo, bawa KK, gratis. Kirim foto KK ke sini dulu ya, goblok!!!");
    expect(g.violations).toEqual(expect.arrayContaining(["abusive", "pii-request", "shouting"]));
    expect(g.violated.find((v) => v.id === "abusive")?.builtin).toBe(true);
  });

  it("lets a rubric reword or switch off a built-in check", () => {
    const custom = makeExercise({
      turns: [{ violations: [{ id: "abusive", label: "Kasar sekali", tip: "Santun." }], skipBuiltins: ["shouting"] }],
    });
    const g = gradeReply(custom, "t1", "DASAR BODOH KAMU");
    expect(g.violated.map((v) => [v.id, v.label])).toEqual([["abusive", "Kasar sekali"]]);
  });

  it("throws on an unknown turn", () => {
    expect(() => gradeReply(exercise, "t9", "halo")).toThrow(/t9/);
  });
});

describe("nextTurn", () => {
  it("takes the first branch whose conditions hold", () => {
    expect(gradeReply(exercise, "t1", "Halo, bawa KK, gratis. Kirim foto KTP ke sini ya").nextTurnId).toBe("foto");
    expect(gradeReply(exercise, "t1", "Halo, gratis").nextTurnId).toBe("ulang");
    expect(gradeReply(exercise, "t1", "gratis").nextTurnId).toBe("lanjut");
  });

  it("returns null on the last turn", () => {
    expect(gradeReply(exercise, "lanjut", "halo").nextTurnId).toBeNull();
    expect(nextTurn(exercise, "lanjut", { met: [], missed: [], violated: [], passed: true })).toBeNull();
  });
});

describe("highlighting", () => {
  it("cuts the reply into segments that cover it exactly", () => {
    const reply = "Halo kak, biaya 50 ribu ya";
    const { grade, segments } = gradeWithHighlights(exercise, "t1", reply);
    expect(segments.map((s) => s.text).join("")).toBe(reply);
    expect(segments.find((s) => s.text === "Halo")?.marks).toEqual([{ id: "salam", label: "label salam", status: "met" }]);
    expect(segments.find((s) => s.text === "biaya 50")?.marks.map((m) => m.status)).toEqual(["violated"]);
    expect(highlightSegments(reply, grade)).toEqual(segments);
  });

  it("lists evidence as flat spans in reading order", () => {
    const reply = "Halo kak, biaya 50 ribu ya";
    expect(highlightSpans(gradeReply(exercise, "t1", reply))).toEqual([
      { start: 0, end: 4, text: "Halo", id: "salam", label: "label salam", status: "met" },
      { start: 10, end: 18, text: "biaya 50", id: "info-salah", label: "label info-salah", status: "violated" },
    ]);
  });

  it("returns one plain segment when nothing matched", () => {
    const reply = "oke";
    expect(highlightSegments(reply, gradeReply(exercise, "t1", reply))).toEqual([{ start: 0, end: 3, text: "oke", marks: [] }]);
  });
});

describe("checkExamples", () => {
  it("reports where the grader disagrees with an example", () => {
    const withExamples = {
      ...exercise,
      examples: [
        { turn: "t1", reply: "Halo, bawa KK, gratis", pass: true, met: ["salam"] },
        { turn: "t1", reply: "Halo", pass: true, violated: [] },
      ],
    };
    const [good, bad] = checkExamples(withExamples);
    expect(good.problems).toEqual([]);
    expect(bad.problems).toEqual(["diharapkan lulus, hasil tidak lulus"]);
  });
});

describe("review routing and determinism", () => {
  const ex = makeExercise({
    channel: "whatsapp",
    turns: [
      {
        message: "Pak, syarat bikin KTP apa saja ya? Bayar tidak?",
        required: [
          { id: "salam", patterns: ["halo", "selamat pagi/siang/sore/malam", "terima kasih"] },
          { id: "kk", patterns: ["~kk", "~kartu keluarga"] },
          { id: "gratis", patterns: ["gratis", "tidak ...2 biaya/bayar"] },
        ],
      },
    ],
  });

  it("a sure grade carries no review reason", () => {
    const g = gradeReply(ex, "t1", "Selamat siang Pak, syaratnya cukup Kartu Keluarga dan gratis. Jawaban contoh.");
    expect(g.passed).toBe(true);
    expect(g.review).toEqual([]);
  });

  it("routes a reply unlike the model answer and the citizen's message to review", () => {
    const g = gradeReply(ex, "t1", "Selamat siang Pak, KK wajib, gratis; kemarin hujan deras sekali di pelabuhan dan nelayan libur melaut.");
    expect(g.review).toContain("low-similarity");
  });

  it("routes integrity signals to review with a stable id", () => {
    const g = gradeReply(ex, "t1", "Halo Pak, KK, gratis. Semua kata kunci sudah saya tulis.");
    expect(g.review).toContain("integrity:gaming");
  });

  it("is deterministic: the same input gives byte-identical JSON", () => {
    const reply = "Halo Pak, wkwk syaratnya KK. Apakah gratis? Kantor buka Minggu 😉";
    expect(JSON.stringify(gradeReply(ex, "t1", reply))).toBe(JSON.stringify(gradeReply(ex, "t1", reply)));
  });

  it("every violation names its evidence", () => {
    const long = "Halo Pak, syaratnya KK dan gratis. ".repeat(60);
    const g = gradeReply(ex, "t1", long);
    expect(g.violations).toContain("too-long");
    for (const v of g.violated) expect(v.evidence.length).toBeGreaterThan(0);
  });
});
