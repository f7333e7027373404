import { describe, expect, it } from "vitest";
import { certificateStep, courseStanding, lessonStanding, type LessonFacts } from "./completion";

const lesson = (kind: LessonFacts["kind"], marked: boolean, graded: boolean[] = [], id = `${kind}-${marked}-${graded.join()}`): LessonFacts => ({
  lessonId: id,
  slug: id,
  title: id,
  kind,
  marked,
  graded,
});
const cert = (over: Partial<{ revoked: boolean; renewing: boolean; suspended: boolean }> = {}) => ({
  revoked: false,
  renewing: false,
  suspended: false,
  ...over,
});

describe("lesson standing from current grades", () => {
  it("reading lessons complete when marked", () => {
    expect(lessonStanding(lesson("lesson", true))).toBe("complete");
    expect(lessonStanding(lesson("lesson", false))).toBe("incomplete");
  });

  it("graded lessons complete when any attempt passes now, fail when attempts exist and none passes", () => {
    for (const kind of ["quiz", "dm", "hoax"] as const) {
      expect(lessonStanding(lesson(kind, false, [false, true]))).toBe("complete");
      // A re-grade or override took the only pass away, even though progress still says completed.
      expect(lessonStanding(lesson(kind, true, [false]))).toBe("failed");
      expect(lessonStanding(lesson(kind, false, []))).toBe("incomplete");
      expect(lessonStanding(lesson(kind, true, []))).toBe("complete");
    }
  });
});

describe("course standing and the certificate", () => {
  const done = [lesson("lesson", true, [], "a"), lesson("quiz", true, [true], "b"), lesson("dm", true, [false, true], "c")];

  it("issues when complete and there is no certificate", () => {
    const s = courseStanding(done);
    expect(s).toMatchObject({ complete: true, completedCount: 3, lessonCount: 3, failed: [] });
    expect(certificateStep(s, null)).toBe("issue");
    expect(certificateStep(s, cert())).toBe("none");
  });

  it("suspends when a re-grade fails an exercise (override, quiz: same path), restores when it passes again", () => {
    const regraded = courseStanding([done[0]!, done[1]!, lesson("dm", true, [false, false], "c")]);
    expect(regraded.complete).toBe(false);
    expect(regraded.failed.map((l) => l.lessonId)).toEqual(["c"]);
    expect(certificateStep(regraded, cert())).toBe("suspend");
    expect(certificateStep(regraded, cert({ suspended: true }))).toBe("none");
    expect(certificateStep(courseStanding(done), cert({ suspended: true }))).toBe("restore");
  });

  it("does not suspend for a lesson added after issue, nor touch revoked or renewing certificates", () => {
    const grown = courseStanding([...done, lesson("lesson", false, [], "new")]);
    expect(grown.complete).toBe(false);
    expect(certificateStep(grown, cert())).toBe("none");
    const failing = courseStanding([lesson("quiz", true, [false], "b")]);
    expect(certificateStep(failing, cert({ revoked: true }))).toBe("none");
    expect(certificateStep(failing, cert({ renewing: true }))).toBe("none");
    expect(certificateStep(courseStanding(done), cert({ renewing: true }))).toBe("issue");
  });
});
