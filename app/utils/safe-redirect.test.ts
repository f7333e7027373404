import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps same-site paths with query and fragment", () => {
    expect(safeRedirect("/kursus/etika?x=1#top")).toBe("/kursus/etika?x=1#top");
    expect(safeRedirect("/")).toBe("/");
  });

  it("refuses off-site targets however a browser would read them (probe finding 2, fails on the old check)", () => {
    for (const to of [
      "//example.org",
      "/\\example.org",
      "/\t/example.org",
      "/\n/example.org",
      "\\\\example.org",
      "https://example.org/",
      "javascript:alert(1)",
      "example.org",
      "/%09/example.org".replace("%09", "\t"),
    ]) {
      const target = safeRedirect(to);
      expect(new URL(target, "http://sigap.test").origin, to).toBe("http://sigap.test");
      expect(target).toBe("/");
    }
  });

  it("answers the fallback for control characters and junk instead of throwing", () => {
    expect(safeRedirect("/\r\nSet-Cookie: x=1")).toBe("/");
    expect(safeRedirect("/\u000bexample.org")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(42)).toBe("/");
    expect(safeRedirect("/" + "a".repeat(5000))).toBe("/");
  });
});
