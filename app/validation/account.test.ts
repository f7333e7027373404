import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { changePasswordSchema, emailSchema, newAccountSchema, nipError } from "./account";
import { fieldErrors } from "./field-errors.server";

const t = translator("id");

describe("NIP", () => {
  it("accepts an 18-digit NIP with a real birth date and appointment month", () => {
    expect(nipError("198507122010012003")).toBeNull();
    expect(nipError("1985 0712 2010 01 2 003")).toBeNull();
  });
  it("rejects wrong length or letters with an Indonesian message", () => {
    expect(nipError("19850712201001200")).toBe("error.nip");
    expect(nipError("19850712201001200A")).toBe("error.nip");
    expect(t(nipError("123")!)).toBe("NIP harus 18 digit angka.");
  });
  it("rejects impossible dates", () => {
    expect(nipError("198502302010012003")).toBe("error.nipDate");
    expect(nipError("198507122010132003")).toBe("error.nipDate");
  });
});

describe("account form", () => {
  it("normalises email and reports each bad field by key", () => {
    expect(emailSchema.parse("  Rina@Disdukcapil.GO.ID ")).toBe("rina@disdukcapil.go.id");
    const r = newAccountSchema.safeParse({ name: "", email: "rina@", nip: "123", agencyId: "a", role: "learner", password: "short" });
    expect(r.success).toBe(false);
    const errs = fieldErrors(r.error!);
    expect(errs).toMatchObject({ name: "error.required", email: "error.email", nip: "error.nip", password: "error.passwordShort" });
    expect(t(errs.email!)).toMatch(/Format email tidak valid/);
  });
  it("treats an empty NIP as none", () => {
    const r = newAccountSchema.parse({ name: "A", email: "a@b.id", nip: " ", agencyId: "x", role: "learner", password: "0123456789" });
    expect(r.nip).toBeNull();
  });
  it("requires the new password twice", () => {
    const r = changePasswordSchema.safeParse({ current: "x", next: "0123456789", confirm: "0123456788" });
    expect(fieldErrors(r.error!)).toEqual({ confirm: "error.passwordMismatch" });
  });
  it("refuses look-alike e-mail addresses: zero-width, Cyrillic and right-to-left characters (probe finding 7, failed on main)", () => {
    for (const email of ["ra\u200bul@oku.go.id", "\u0440aul@oku.go.id", "raul@oku.go.id\u202e", "raul@оku.go.id", "raul@oku..id"]) {
      expect(emailSchema.safeParse(email).success, JSON.stringify(email)).toBe(false);
    }
    expect(emailSchema.parse(" Raul.Siregar+pelatihan@OKU.go.id ")).toBe("raul.siregar+pelatihan@oku.go.id");
  });
});
