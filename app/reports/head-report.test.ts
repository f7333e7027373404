import { describe, expect, it } from "vitest";
import { jakartaToday } from "~/utils/dates";
import { cssString, pageCounterContent, parseReportDate, printPageCss } from "./head-report";

describe("parseReportDate", () => {
  it("keeps a real day within a year of today, and today means null", () => {
    expect(parseReportDate("2026-11-30", "2026-12-03")).toBe("2026-11-30");
    expect(parseReportDate("2027-03-01", "2026-12-03")).toBe("2027-03-01");
    expect(parseReportDate("2026-12-03", "2026-12-03")).toBeNull();
  });
  it("drops what is not a day, not a real date, or too far away", () => {
    for (const bad of [null, "", "kemarin", "2026-13-01", "2026-02-30", "2024-12-01", "2028-01-01", "2026-12-3"]) {
      expect(parseReportDate(bad, "2026-12-03")).toBeNull();
    }
  });
});

describe("jakartaToday", () => {
  it("is the Jakarta calendar day (UTC+7)", () => {
    expect(jakartaToday(new Date("2026-12-03T16:59:00Z"))).toBe("2026-12-03");
    expect(jakartaToday(new Date("2026-12-03T17:00:00Z"))).toBe("2026-12-04");
  });
});

describe("print page CSS", () => {
  it("escapes quotes, backslashes and angle brackets in CSS strings", () => {
    expect(cssString('Dinas "A"')).toBe('"Dinas \\22 A\\22 "');
    expect(cssString("a\\b")).toBe('"a\\5c b"');
    expect(cssString("</style><script>")).not.toMatch(/[<>]/);
  });
  it("turns {page} and {pages} into counters", () => {
    expect(pageCounterContent("Halaman {page} dari {pages}")).toBe('"Halaman " counter(page) " dari " counter(pages)');
    expect(pageCounterContent("Page {page} of {pages}")).toBe('"Page " counter(page) " of " counter(pages)');
  });
  it("puts agency and date in the header and the page numbers in the footer of a named page", () => {
    const css = printPageCss({ left: "Disdukcapil OKU", right: "3 Desember 2026" }, "Halaman {page} dari {pages}");
    expect(css).toContain("@page head-report");
    expect(css).toContain('@top-left { content: "Disdukcapil OKU"');
    expect(css).toContain('@top-right { content: "3 Desember 2026"');
    expect(css).toContain("counter(pages)");
  });
});
