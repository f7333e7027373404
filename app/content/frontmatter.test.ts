import { describe, expect, it } from "vitest";
import { lineOfPath, splitFrontmatter } from "./frontmatter";

const file = `---
title: "Judul"
minutes: 5
quizzes:
  - id: satu
    questions:
      - id: q1
        type: single
      - id: q2
        type: multiple
        options:
          - text: "A"
          - text: "B"
            correct: yes
draft: false
---

## Isi
`;

describe("frontmatter", () => {
  it("keeps body lines aligned with the file", () => {
    const { data, body } = splitFrontmatter(file);
    expect(data.title).toBe("Judul");
    expect(body.split("\n")[17]).toBe("## Isi");
  });

  it("finds the line of nested fields", () => {
    const lines = splitFrontmatter(file).frontmatterLines;
    expect(lineOfPath(lines, ["minutes"])).toBe(3);
    expect(lineOfPath(lines, ["quizzes", 0, "id"])).toBe(5);
    expect(lineOfPath(lines, ["quizzes", 0, "questions", 1, "type"])).toBe(10);
    expect(lineOfPath(lines, ["quizzes", 0, "questions", 1, "options", 1, "correct"])).toBe(14);
    expect(lineOfPath(lines, ["draft"])).toBe(15);
    expect(lineOfPath(lines, ["missing"])).toBe(1);
  });
});
