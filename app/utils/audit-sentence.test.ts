import { describe, expect, it } from "vitest";
import { serverTranslator } from "./i18n.server";
import { auditSentence, type AuditEntryView } from "./audit-sentence";

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  action: "user.update",
  actorName: "Hendra Saputra",
  targetLabel: "Rina Marlina",
  targetId: "u1",
  targetType: "user",
  details: {},
  ...over,
});

describe("audit log sentences (issue 15 item 14, failed on main: raw action codes and JSON)", () => {
  const id = serverTranslator("id");
  const en = serverTranslator("en");

  it("says who did what to whom, with before → after", () => {
    const said = auditSentence(entry({ details: { role: { from: "learner", to: "manager" }, disabled: { from: false, to: true } } }), id, "id");
    expect(said.sentence).toBe("Hendra Saputra mengubah akun Rina Marlina.");
    expect(said.changes).toEqual(["Peran: Peserta → Manajer pelatihan", "Nonaktif: tidak → ya"]);
    expect(auditSentence(entry({ action: "agency.rename", details: { from: "Bidang A", to: "Bidang B" } }), en, "en").sentence).toBe(
      "Hendra Saputra renamed an agency: Bidang A → Bidang B.",
    );
  });

  it("formats dates and reasons, and reads a grade override as before → after", () => {
    expect(
      auditSentence(entry({ action: "course.assign", targetLabel: "Disdukcapil OKU", details: { courseId: "c1", dueDate: "2026-12-31" } }), id, "id").sentence,
    ).toBe("Hendra Saputra menugaskan kursus ke Disdukcapil OKU, tenggat 31 Des 2026.");
    const override = auditSentence(
      entry({ action: "attempt.override", details: { before: { score: 60, passed: false }, after: { score: 80, passed: true, comment: "Sudah benar" } } }),
      id,
      "id",
    );
    expect(override.changes).toEqual(["Skor: 60 → 80", "Lulus: tidak → ya", "Catatan: Sudah benar"]);
    expect(auditSentence(entry({ action: "staff.import", details: { created: 1 } }), en, "en").sentence).toBe("Hendra Saputra imported 1 staff account.");
  });

  it("never shows JSON, and reads an action it does not know yet as actor: action", () => {
    const said = auditSentence(entry({ action: "jp.record", actorName: null, details: { jp: 4, note: { a: 1 } } }), id, "id");
    expect(said.sentence).toBe("Sistem: jp.record (Rina Marlina)");
    for (const line of said.changes) expect(line).not.toMatch(/[{}"]/);
  });

  it("reads an SSO ASN sign-in with what it was matched by", () => {
    const said = auditSentence(entry({ action: "user.sso-signin", actorName: "Rina Marlina", details: { via: "nip" } }), id, "id");
    expect(said.sentence).toBe("Rina Marlina masuk melalui SSO ASN.");
    expect(said.changes).toEqual(["Dicocokkan lewat: nip"]);
  });
});
