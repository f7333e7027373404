import { describe, expect, it } from "vitest";
import { countWords, courseJp, dmReplies, lessonMinutes, minutesTolerance, studyItemOf } from "./jp";

describe("countWords", () => {
  it("counts words a learner reads, not MDX syntax", () => {
    expect(countWords("## Judul bagian\n\nSatu dua tiga.")).toBe(5);
    expect(countWords('<Callout kind="tip">Sapa warga dengan sopan.</Callout>')).toBe(5); // tip + 4 words
    expect(countWords("KTP-el dan 08.00–15.00 serta [tautan](../slug)")).toBe(6);
  });
});

describe("lessonMinutes", () => {
  it("adds reading time at 150 words a minute to one minute per quiz item", () => {
    expect(lessonMinutes({ kind: "lesson", words: 900, quizItems: 3 })).toBe(9);
    expect(lessonMinutes({ kind: "quiz", words: 60, quizItems: 12 })).toBe(12);
  });
  it("gives a DM exercise its reply time (targetSeconds) plus a minute of feedback per reply", () => {
    expect(lessonMinutes({ kind: "dm", words: 150, replies: 2, replySeconds: 240 })).toBe(11);
    expect(lessonMinutes({ kind: "dm", words: 150, replies: 2 })).toBe(9);
  });
  it("gives a hoax case ten minutes of tasks plus reading", () => {
    expect(lessonMinutes({ kind: "hoax", words: 150 })).toBe(11);
  });
  it("never returns less than a minute", () => {
    expect(lessonMinutes({ kind: "lesson", words: 10, quizItems: 0 })).toBe(1);
  });
});

describe("minutesTolerance", () => {
  it("allows 15 %, at least two minutes", () => {
    expect(minutesTolerance(5)).toBe(2);
    expect(minutesTolerance(40)).toBe(6);
  });
});

describe("courseJp", () => {
  it("is the minutes over 45, to the nearest half JP", () => {
    expect(courseJp([90])).toBe(2);
    expect(courseJp([85])).toBe(2);
    expect(courseJp([211])).toBe(4.5);
    expect(courseJp([100, 80])).toBe(4);
    expect(courseJp([124])).toBe(3);
  });
  it("claims at least half a JP", () => {
    expect(courseJp([6])).toBe(0.5);
  });
});

describe("dmReplies", () => {
  it("follows the longest path through the branches", () => {
    const turns = [
      { id: "t1", next: [{ goto: "t2" }, { goto: "t2-koreksi" }] },
      { id: "t2" },
      { id: "t2-koreksi", next: [{ goto: "t3" }] },
      { id: "t3" },
    ];
    expect(dmReplies(turns)).toBe(3);
  });
  it("ignores cycles and missing turns", () => {
    expect(dmReplies([{ id: "a", next: [{ goto: "b" }] }, { id: "b", next: [{ goto: "a" }, { goto: "zz" }] }])).toBe(2);
    expect(dmReplies([])).toBe(0);
  });
});

describe("studyItemOf", () => {
  it("reads a DM exercise's context and one path of messages", () => {
    const item = studyItemOf({
      body: "Satu dua tiga empat.",
      meta: { kind: "dm", quizzes: [] },
      data: { context: ["lima enam"], targetSeconds: 180, turns: [{ id: "t1", message: "a b", next: [{ goto: "t2" }] }, { id: "t2", message: "c d" }] },
    });
    expect(item).toEqual({ kind: "dm", words: 10, replies: 2, replySeconds: 180 });
  });
  it("counts a final quiz by its draw, not its bank", () => {
    const item = studyItemOf({ body: "Petunjuk.", meta: { kind: "quiz", quizzes: [{ questions: new Array(24).fill({}), draw: 12 }] }, data: {} });
    expect(item).toEqual({ kind: "quiz", words: 1, quizItems: 12 });
  });
});
