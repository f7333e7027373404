import { describe, expect, it } from "vitest";
import { enMail } from "~/i18n/en.mail";
import { idMail } from "~/i18n/id.mail";
import { renderMail, type MailContent } from "./templates";

const expiresAt = new Date("2026-12-03T08:13:00Z"); // 15.13 WIB
const cases: MailContent[] = [
  { kind: "reset", name: "Sari", link: "https://sigap.test/atur-sandi/abc", expiresAt },
  { kind: "setPassword", name: "Sari", email: "sari@instansi.go.id", link: "https://sigap.test/atur-sandi/def", expiresAt },
  { kind: "assigned", name: "Sari", course: "Layanan DM", due: "2026-12-10", link: "https://sigap.test/kursus/dm" },
  {
    kind: "dueSoon",
    name: "Sari",
    course: "Layanan DM",
    due: "2026-12-10",
    days: 7,
    link: "https://sigap.test/kursus/dm",
    settingsLink: "https://sigap.test/akun",
  },
  { kind: "dueToday", name: "Sari", course: "Layanan DM", due: "2026-12-10", link: "https://sigap.test/kursus/dm", settingsLink: "https://sigap.test/akun" },
  { kind: "overdue", name: "Sari", course: "Layanan DM", due: "2026-12-10", link: "https://sigap.test/kursus/dm", settingsLink: "https://sigap.test/akun" },
  {
    kind: "digest",
    name: "Budi",
    rows: [
      { name: "Sari", course: "Layanan DM", due: "2026-12-01" },
      { name: "Tono", course: "Cek hoaks", due: "2026-11-28" },
    ],
    link: "https://sigap.test/kelola/peserta",
    settingsLink: "https://sigap.test/akun",
  },
  {
    kind: "certificateIssued",
    name: "Sari",
    course: "Layanan DM",
    code: "SGP-AB12-CD34",
    expiresAt,
    link: "https://sigap.test/saya/sertifikat",
    verify: "https://sigap.test/sertifikat/SGP-AB12-CD34",
  },
  {
    kind: "expires",
    name: "Sari",
    course: "Layanan DM",
    code: "SGP-AB12-CD34",
    expiresAt,
    days: 30,
    link: "https://sigap.test/saya/sertifikat",
    settingsLink: "https://sigap.test/akun",
  },
  { kind: "suspended", name: "Sari", course: "Layanan DM", code: "SGP-AB12-CD34", link: "https://sigap.test/kursus/dm" },
];

describe("mail templates", () => {
  it("the English mail dictionary has exactly the Indonesian keys", () => {
    expect(Object.keys(enMail).sort()).toEqual(Object.keys(idMail).sort());
  });

  for (const mail of cases) {
    it(`${mail.kind}: Indonesian and English, every placeholder filled, the link in the body`, () => {
      const id = renderMail(mail, "id");
      const en = renderMail(mail, "en");
      for (const r of [id, en]) {
        expect(r.subject).not.toMatch(/[{}]/);
        expect(r.text).not.toMatch(/\{\w+/);
        expect(r.text).toContain(mail.name);
        if ("link" in mail) expect(r.text).toContain(mail.link);
      }
      expect(id.text.startsWith(`Yth. ${mail.name},`)).toBe(true);
      expect(en.text.startsWith(`Dear ${mail.name},`)).toBe(true);
      expect(id.subject).not.toBe(en.subject);
    });
  }

  it("writes dates with the one formatter and plurals per language", () => {
    const reset = renderMail(cases[0]!, "id");
    expect(reset.text).toContain("3 Des 2026, 15.13");
    expect(renderMail(cases[0]!, "en").text).toContain("3 Dec 2026, 15:13");
    const soon = cases[3]!;
    expect(renderMail(soon, "id").text).toContain("paling lambat 10 Des 2026 (7 hari lagi)");
    expect(renderMail({ ...soon, days: 1 } as MailContent, "en").text).toContain("(in 1 day)");
    expect(renderMail(cases[6]!, "en").subject).toBe("Weekly summary: 2 learners overdue");
    expect(renderMail(cases[6]!, "id").text).toContain("- Tono — Cek hoaks (batas 28 Nov 2026)");
  });

  it("reminders say how to turn them off; transactional mail does not", () => {
    expect(renderMail(cases[3]!, "id").text).toContain("mematikan e-mail pengingat di halaman akun: https://sigap.test/akun");
    expect(renderMail(cases[0]!, "id").text).not.toContain("pengingat");
    expect(renderMail({ ...(cases[7] as Extract<MailContent, { kind: "certificateIssued" }>), expiresAt: null }, "id").text).toContain(
      "berlaku sampai tanpa batas waktu",
    );
  });
});
