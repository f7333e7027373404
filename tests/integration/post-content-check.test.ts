import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, formatProblem } from "~/content/check.server";
import { loadContentTree } from "~/content/repository.server";

// Post rewrites (kind: post) are checked like DM exercises: schema, labelled examples, model answer.
describe("content:check for post rewrites", () => {
  it("passes a valid post, and reports a mislabelled example and a missing alt element at their lines", async () => {
    const lines = (await checkContent(await loadContentTree(path.resolve("tests/fixtures/content-post")))).map(formatProblem);
    expect(lines.filter((l) => l.includes("30-unggahan-benar.mdx"))).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(/31-unggahan-contoh-salah\.mdx:29:1 examples\[0\]: diharapkan lulus, hasil tidak lulus \(.*alt.*keyword-list/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/32-unggahan-tanpa-alt\.mdx:19:1 elements: elemen "alt" wajib ada/));
    expect(lines).toHaveLength(2);
  });

  it("passes the shipped posts", async () => {
    const tree = await loadContentTree(path.resolve("content"));
    const posts = tree.courses.flatMap((c) => c.lessons.filter((l) => l.meta.kind === "post"));
    expect(posts.length).toBeGreaterThanOrEqual(3);
    const files = new Set(posts.map((l) => l.file));
    const problems = (await checkContent(tree)).filter((p) => files.has(p.file));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
