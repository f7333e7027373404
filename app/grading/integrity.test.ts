import { describe, expect, it } from "vitest";
import { makeExercise } from "./fixtures";
import { gradeReply } from "./grade";
import type { Channel } from "./rubric";

const MESSAGE = "Min, sy baru 17 thn bulan ini. Mau bikin KTP syaratnya apa aja ya? Bayar ga?";

function ktp(channel: Channel = "instagram-dm") {
  return makeExercise({
    channel,
    turns: [
      {
        message: MESSAGE,
        required: [
          { id: "salam", patterns: ["selamat pagi/siang/sore/malam", "^ malam/pagi/siang/sore", "halo/hai", "terima kasih"] },
          { id: "kk", patterns: ["~kk", "~kartu keluarga"] },
          { id: "gratis", patterns: ["gratis", "tidak/tanpa ...2 biaya/bayar"] },
          { id: "datang", patterns: ["datang/hadir ...3 kecamatan/disdukcapil/kantor/mpp", "rekam ...3 kecamatan/disdukcapil/kantor/mpp"] },
        ],
      },
    ],
  });
}

const grade = (reply: string, channel?: Channel) => gradeReply(ktp(channel), "t1", reply);

describe("integrity: copy", () => {
  it("flags the citizen's message pasted back after a greeting", () => {
    const g = grade(`Halo kak! ${MESSAGE} Jawabannya KK, gratis, datang ke kecamatan.`);
    expect(g.violations).toContain("copy");
    expect(g.review).toContain("integrity:copy");
    expect(g.violated.find((v) => v.id === "copy")!.evidence[0].text).toContain("sy baru 17 thn");
  });

  it("does not flag an echo of a few words", () => {
    const g = grade("Selamat malam kak, untuk bikin KTP syaratnya cukup KK, gratis, silakan datang ke kecamatan untuk perekaman.");
    expect(g.violations).not.toContain("copy");
    expect(g.passed).toBe(true);
  });
});

describe("integrity: gaming and keyword lists", () => {
  it.each([
    "Selamat malam kak, syaratnya KK, gratis, datang ke kecamatan. (Semua kata kunci sudah ada biar dapat nilai penuh)",
    "Halo kak, KK gratis datang kecamatan. Ini jawaban untuk skor 100.",
  ])("flags text about the grading: %s", (reply) => {
    expect(grade(reply).violations).toContain("gaming");
  });

  it.each(["Malam. KK. Gratis. Datang ke kantor.", "Halo\nKK\ngratis\ndatang\nkecamatan", "salam KK gratis datang kecamatan mpp disdukcapil"])(
    "flags bare keywords: %s",
    (reply) => {
      expect(grade(reply).violations).toContain("keyword-list");
    },
  );

  it.each([
    "Malam kak 🙏 syarat KTP-el: KK. Gratis. Rekam di Disdukcapil.",
    "Selamat malam kak, terima kasih sudah bertanya.\nSyaratnya:\n- KK\n- gratis\n- datang ke kecamatan untuk perekaman",
    "Waalaikumsalam Kak, bawa akta kelahiran, KK, pas foto 2x3, anaknya tidak wajib ikut. Gratis.",
  ])("accepts short but real sentences: %s", (reply) => {
    expect(grade(reply).violations).not.toContain("keyword-list");
  });
});

describe("integrity: curt", () => {
  it("fails 'Malam. KK. Gratis. Datang.' (no greeting of the person)", () => {
    const g = grade("Malam. KK. Gratis. Datang.");
    expect(g.passed).toBe(false);
    expect(g.violations).toContain("curt");
  });

  it.each(["Malam kak 🙏 syarat KTP-el: KK. Gratis. Rekam di Disdukcapil.", "Selamat malam kak, KK saja, gratis, datang ke kecamatan ya."])(
    "accepts a short reply that addresses the person: %s",
    (reply) => {
      expect(grade(reply).violations).not.toContain("curt");
    },
  );
});

describe("integrity: required element only asked, quoted or denied", () => {
  it("does not count an element met only inside a question", () => {
    const g = grade("Selamat malam kak. Apakah kakak sudah punya KK? Apakah harus datang ke kecamatan? Gratis kok.");
    expect(g.missing).toEqual(expect.arrayContaining(["kk", "datang"]));
    expect(g.review).toContain("integrity:question-or-quote");
  });

  it("still counts a tag question and a request", () => {
    const g = grade("Selamat malam kak, bawa KK ya? Layanannya gratis. Bisa datang ke kecamatan untuk rekam?");
    expect(g.missing).toEqual([]);
  });

  it("does not count an element met only inside a quote", () => {
    const g = grade('Selamat malam kak. Banyak yang bilang "KK dan datang ke kecamatan", nanti kami cek ya. Gratis.');
    expect(g.missing).toEqual(expect.arrayContaining(["kk", "datang"]));
  });

  it("flags an element asserted and denied in the same reply", () => {
    const g = grade("Selamat malam kak, syaratnya KK dan gratis, datang ke kecamatan. Tapi untuk pemula tidak gratis ya.");
    expect(g.violations).toContain("contradiction");
    expect(g.review).toContain("integrity:contradiction");
  });

  it("does not flag two different claims where one is denied", () => {
    const g = grade("Selamat malam kak, tidak perlu datang ke kantor Disdukcapil, cukup datang ke kecamatan dengan KK. Gratis.");
    expect(g.violations).not.toContain("contradiction");
  });
});

describe("integrity: language", () => {
  it("flags a reply in English", () => {
    expect(grade("Good evening, the requirement is the family card, it is free and you need to come to the office.").violations).toContain("language");
  });

  it("flags a reply in Javanese when the exercise has no regional language", () => {
    expect(grade("Sugeng dalu mas, syarate namung KK mawon, mboten bayar, sampeyan rawuh teng kecamatan nggih.").violations).toContain("language");
  });

  it("accepts Indonesian with a few foreign words", () => {
    expect(grade("Selamat malam kak, thanks sudah tanya. Syaratnya KK, free alias gratis, datang ke kecamatan ya.").violations).not.toContain("language");
  });

  it("accepts the exercise's regional language", () => {
    const ex = makeExercise({ turns: [{ required: [{ id: "kk", patterns: ["~kk"] }] }] });
    const plg = makeExercise({ turns: [{ required: [{ id: "kk", patterns: ["~kk"] }] }], facts: { languages: ["palembang"] } });
    const reply = "Waalaikumsalam cek, wong kito nak buat KIA dak usah bayar apo-apo, bawa bae KK galo, biso diurus di kecamatan.";
    expect(gradeReply(ex, "t1", reply).violations).toContain("language");
    expect(gradeReply(plg, "t1", reply).violations).not.toContain("language");
  });
});
