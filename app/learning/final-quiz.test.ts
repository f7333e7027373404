import { describe, expect, it } from "vitest";
import type { Quiz } from "~/content/schema";
import { answersFromPositions, drawQuiz, gradeDrawn, MIN_ITEMS_PER_TOPIC, publicAttempt, reviewAttempt, seededRandom, weakTopics } from "./final-quiz";

const topics = ["peran", "konten", "keamanan", "data", "krisis", "aduan"];
/** 24 items, 4 per topic: single (4 options, the 3rd right), multiple, true/false. */
const bank: Quiz = {
  id: "bank",
  draw: 12,
  questions: Array.from({ length: 24 }, (_, i) => {
    const topic = topics[i % topics.length]!;
    if (i % 3 === 1)
      return {
        id: `q${i}`,
        type: "multiple" as const,
        topic,
        prompt: `Banyak ${i}?`,
        options: [0, 1, 2, 3].map((k) => ({ text: `M${i}-${k}`, correct: k < 2, explanation: `EX-${i}-${k}` })),
      };
    if (i % 3 === 2)
      return {
        id: `q${i}`,
        type: "truefalse" as const,
        topic,
        prompt: `Benar ${i}?`,
        options: [
          { text: "Benar", correct: true, explanation: `EX-${i}-0` },
          { text: "Salah", correct: false, explanation: `EX-${i}-1` },
        ],
      };
    return {
      id: `q${i}`,
      type: "single" as const,
      topic,
      prompt: `Satu ${i}?`,
      options: [0, 1, 2, 3].map((k) => ({ text: `S${i}-${k}`, correct: k === 2, explanation: `EX-${i}-${k}` })),
    };
  }),
};

/** The form a learner would post choosing the original option indexes `pick(q)` on the shown page. */
function formFor(draw: ReturnType<typeof drawQuiz>, pick: (id: string) => number[]) {
  const form = new URLSearchParams();
  for (const id of draw.itemIds) for (const original of pick(id)) form.append(`q:${id}`, String(draw.optionOrder[id]!.indexOf(original)));
  return form;
}
const rightAnswer = (id: string) => bank.questions.find((q) => q.id === id)!.options.flatMap((o, i) => (o.correct ? [i] : []));

describe("drawing a final quiz", () => {
  it("is reproducible from the stored seed and differs between seeds", () => {
    expect(drawQuiz(bank, "a1b2c3d4")).toEqual(drawQuiz(bank, "a1b2c3d4"));
    expect(drawQuiz(bank, "a1b2c3d4").itemIds).not.toEqual(drawQuiz(bank, "ffff0000").itemIds);
    expect(seededRandom("x")()).toBe(seededRandom("x")());
  });

  it("draws `draw` distinct items, at least two per topic, and every item over many attempts", () => {
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) {
      const d = drawQuiz(bank, `seed-${s}`);
      expect(d.itemIds).toHaveLength(12);
      expect(new Set(d.itemIds).size).toBe(12);
      const perTopic = new Map<string, number>();
      for (const id of d.itemIds) {
        const t = bank.questions.find((q) => q.id === id)!.topic!;
        perTopic.set(t, (perTopic.get(t) ?? 0) + 1);
        seen.add(id);
      }
      for (const n of perTopic.values()) expect(n).toBeGreaterThanOrEqual(MIN_ITEMS_PER_TOPIC);
    }
    expect(seen.size).toBe(24);
  });

  it("uses the whole bank when there is no `draw`, and shuffles options (not true/false) per attempt", () => {
    const { draw: _omit, ...all } = bank;
    expect(drawQuiz(all, "s").itemIds.sort()).toEqual(bank.questions.map((q) => q.id).sort());
    const orders = new Set(Array.from({ length: 30 }, (_, s) => drawQuiz(all, `o${s}`).optionOrder["q0"]!.join("")));
    expect(orders.size).toBeGreaterThan(5);
    for (let s = 0; s < 30; s++) expect(drawQuiz(all, `o${s}`).optionOrder["q2"]).toEqual([0, 1]);
  });
});

describe("answering and grading a drawn attempt", () => {
  it("maps shown positions back to options and scores only the drawn items", () => {
    const d = drawQuiz(bank, "grade-1");
    const all = gradeDrawn(bank, d, answersFromPositions(bank, d, formFor(d, rightAnswer)));
    expect(all).toMatchObject({ score: 100, correct: 12, total: 12 });
    const half = formFor(d, (id) => (d.itemIds.indexOf(id) % 2 ? rightAnswer(id) : [0, 1, 2, 3].filter((k) => !rightAnswer(id).includes(k)).slice(0, 1)));
    expect(gradeDrawn(bank, d, answersFromPositions(bank, d, half)).score).toBe(50);
  });

  it("ignores items that were not drawn, positions out of range and extra picks on single items", () => {
    const d = drawQuiz(bank, "grade-2");
    const notDrawn = bank.questions.find((q) => !d.itemIds.includes(q.id))!.id;
    const single = d.itemIds.find((id) => id.match(/^q\d+$/) && Number(id.slice(1)) % 3 === 0)!;
    const form = new URLSearchParams([
      [`q:${notDrawn}`, "0"],
      [`q:${single}`, "9"],
      [`q:${single}`, "-1"],
      [`q:${single}`, "x"],
    ]);
    const answers = answersFromPositions(bank, d, form);
    expect(Object.keys(answers).sort()).toEqual([...d.itemIds].sort());
    expect(answers[single]).toEqual([]);
    const two = new URLSearchParams([
      [`q:${single}`, "0"],
      [`q:${single}`, "1"],
    ]);
    expect(answersFromPositions(bank, d, two)[single]).toHaveLength(1);
  });

  it("never puts correctness or explanations in what the page gets before a pass", () => {
    const d = drawQuiz(bank, "public");
    const text = JSON.stringify(publicAttempt(bank, d));
    expect(text).not.toMatch(/correct|explanation|EX-/);
    expect(publicAttempt(bank, d).questions.map((q) => q.id)).toEqual(d.itemIds);
  });

  it("shows every explanation with the learner's choices after a pass, in the attempt's order", () => {
    const d = drawQuiz(bank, "review");
    const answers = answersFromPositions(bank, d, formFor(d, rightAnswer));
    const review = reviewAttempt(bank, d, answers);
    expect(review.map((r) => r.id)).toEqual(d.itemIds);
    expect(review.every((r) => r.correct && r.options.every((o) => o.explanation.startsWith("EX-")))).toBe(true);
  });
});

describe("topic feedback", () => {
  it("names the topics with a wrong item, and only topics with at least two drawn items", () => {
    const quiz: Quiz = { ...bank, questions: bank.questions.slice(0, 7) }; // topic "peran" has q0 and q6
    const d = { itemIds: ["q0", "q6", "q1", "q2"], optionOrder: {} };
    expect(weakTopics(quiz, d.itemIds, { q0: false, q6: true, q1: false, q2: true })).toEqual(["peran"]);
    expect(weakTopics(quiz, d.itemIds, { q0: true, q6: true, q1: false, q2: false })).toEqual([]);
  });

  it("leaks no item: swapping which item of a topic was wrong gives the same feedback", () => {
    for (let s = 0; s < 50; s++) {
      const d = drawQuiz(bank, `leak-${s}`);
      const results = Object.fromEntries(d.itemIds.map((id, i) => [id, (i * 7 + s) % 3 !== 0]));
      const before = weakTopics(bank, d.itemIds, results);
      // Move one wrong answer to another item of the same topic.
      const wrong = d.itemIds.find((id) => !results[id])!;
      const topic = bank.questions.find((q) => q.id === wrong)!.topic;
      const sibling = d.itemIds.find((id) => id !== wrong && results[id] && bank.questions.find((q) => q.id === id)!.topic === topic);
      if (!sibling) continue;
      const swapped = { ...results, [wrong]: true, [sibling]: false };
      expect(weakTopics(bank, d.itemIds, swapped)).toEqual(before);
      expect(JSON.stringify(before)).not.toMatch(/q\d+|correct|EX-/);
    }
  });
});
