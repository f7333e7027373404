import { describe, expect, it } from "vitest";
import { canMarkComplete, continueLesson, coursePercent, isLessonComplete } from "./progress-rules";

const none = { marked: false, bestQuizScore: null, exercisePassed: false };

describe("progress rules", () => {
  it("completes a lesson only when marked", () => {
    expect(isLessonComplete("lesson", none, 70)).toBe(false);
    expect(isLessonComplete("lesson", { ...none, marked: true }, 70)).toBe(true);
    expect(canMarkComplete("lesson")).toBe(true);
    expect(canMarkComplete("quiz")).toBe(false);
  });

  it("completes a quiz at the pass mark, not below, and ignores marking", () => {
    expect(isLessonComplete("quiz", { ...none, bestQuizScore: 69 }, 70)).toBe(false);
    expect(isLessonComplete("quiz", { ...none, bestQuizScore: 70 }, 70)).toBe(true);
    expect(isLessonComplete("quiz", { ...none, marked: true }, 70)).toBe(false);
  });

  it("completes dm and hoax exercises only when passed", () => {
    expect(isLessonComplete("dm", { ...none, marked: true }, 70)).toBe(false);
    expect(isLessonComplete("dm", { ...none, exercisePassed: true }, 70)).toBe(true);
    expect(isLessonComplete("hoax", { ...none, exercisePassed: true }, 70)).toBe(true);
  });

  it("computes percent and where to continue", () => {
    const items = [
      { slug: "a", completed: true, started: true },
      { slug: "b", completed: false, started: true },
      { slug: "c", completed: false, started: false },
    ];
    expect(coursePercent(items)).toBe(33);
    expect(coursePercent([])).toBe(0);
    expect(continueLesson(items, "b")).toBe("b");
    expect(continueLesson(items, "a")).toBe("b");
    expect(continueLesson(items, null)).toBe("b");
    expect(
      continueLesson(
        items.map((i) => ({ ...i, completed: true })),
        "c",
      ),
    ).toBeNull();
  });
});
