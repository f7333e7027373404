import { describe, expect, it } from "vitest";
import {
  analyse,
  compileMatcher,
  compilePattern,
  findMatches,
  FuzzyIndex,
  matchPattern,
  patternsOf,
  PatternError,
  spansOf,
  TriggerIndex,
  vocabularyOf,
  withinOneEdit,
} from "./match";

const hits = (pattern: string, text: string) => matchPattern(compilePattern(pattern), analyse(text)).length > 0;

function evidence(pattern: string, text: string): string[] {
  const a = analyse(text);
  return spansOf(matchPattern(compilePattern(pattern), a), a).map((s) => s.text);
}

describe("pattern syntax", () => {
  it("matches phrases word by word after normalisation and stemming", () => {
    expect(hits("kartu keluarga", "Bawa Kartu Keluarga asli")).toBe(true);
    expect(hits("kartu keluarga", "kartu tanda keluarga")).toBe(false);
    expect(hits("syarat", "Persyaratannya cuma KK")).toBe(true);
    expect(hits("terima kasih", "makasihhh kak")).toBe(true);
  });

  it("tells a promise (pasti) from a check (pastikan) and forwarding (teruskan) from 'keep on' (terus)", () => {
    expect(hits("pasti ...4 selesai", "Kami pastikan dulu apakah berkasnya sudah selesai")).toBe(false);
    expect(hits("pasti ...4 selesai", "Aktanya pasti selesai besok")).toBe(true);
    expect(hits("pastikan ...3 dulu", "Akan kami pastikan dulu ya")).toBe(true);
    expect(hits("teruskan ...2 bpbd", "Permintaan ini sudah diteruskan ke BPBD")).toBe(true);
    expect(hits("tanya terus", "Pertanyaannya diteruskan ke bidang terkait")).toBe(false);
    expect(hits("akan ...2 sampai", "Petugas akan menyampaikan kabarnya")).toBe(false);
  });

  it("reads a unit in a pattern as the unit, as after a number in a reply", () => {
    expect(hits("#angka (cm|sentimeter)", "genangan cuma 30 cm")).toBe(true);
    expect(hits("#angka (cm|sentimeter)", "genangan 30cm")).toBe(true);
    expect(hits("hanya 2 hari", "cm 2 hari kok")).toBe(true);
    expect(hits("30 hanya", "genangan 30 cm")).toBe(false);
  });

  it("tells a rule (ketentuan) from 'certainly' (tentu) and a policy (kebijakan) from 'wise' (bijak)", () => {
    expect(hits("belum ...2 tentu", "Berkasnya belum sesuai ketentuan, Kak")).toBe(false);
    expect(hits("belum ...2 tentu", "Pesannya belum tentu langsung dibalas")).toBe(true);
    expect(hits("sesuai ketentuan", "Sudah sesuai ketentuannya")).toBe(true);
    expect(hits("mohon ...4 bijak", "Mohon maaf, kebijakan ini dari pusat")).toBe(false);
    expect(hits("tidak ada ...4 kebijakan", "Tidak ada kebijakan seperti itu")).toBe(true);
    expect(hits("keterangan ...2 hilang", "bawa surat keterangan kehilangan")).toBe(true);
    expect(hits("datang", "Kedatangan Bapak kami tunggu")).toBe(true);
  });

  it("matches acronyms in capitals as themselves, not as slang", () => {
    expect(hits("pppk", "Seleksi PPPK gratis")).toBe(true);
    expect(hits("bapak", "Seleksi PPPK gratis")).toBe(false);
    expect(hits("TP PKK", "Ketua TP PKK hadir")).toBe(true);
  });

  it("supports / alternatives, (a b|c) groups and [optional] words", () => {
    expect(hits("datang/hadir langsung", "hadir langsung ya")).toBe(true);
    expect(hits("ke (mal pelayanan publik|mpp)", "silakan ke MPP")).toBe(true);
    expect(hits("kk/(kartu keluarga)", "bawa kartu keluarga")).toBe(true);
    expect(hits("datang [langsung] ke kantor", "datang ke kantor")).toBe(true);
    expect(hits("datang [langsung] ke kantor", "datang langsung ke kantor")).toBe(true);
  });

  it("... allows a bounded gap inside one sentence", () => {
    expect(hits("rekam ...3 kecamatan", "perekaman dilakukan di kantor kecamatan")).toBe(true);
    expect(hits("rekam ...1 kecamatan", "perekaman dilakukan di kantor kecamatan")).toBe(false);
    expect(hits("rekam ...6 kecamatan", "Perekaman sudah. Kecamatan buka")).toBe(false);
  });

  it("supports *, #angka, ^ and =exact", () => {
    expect(hits("biaya * ribu", "biaya 50 ribu")).toBe(true);
    expect(hits("biaya #angka", "biayanya 50rb")).toBe(true);
    expect(hits("biaya #angka", "biayanya nol")).toBe(false);
    expect(hits("^ malam", "Malam kak")).toBe(true);
    expect(hits("^ malam", "Datang Sabtu malam")).toBe(false);
    expect(hits("=dikirim", "dikirim ke sini")).toBe(true);
    expect(hits("=dikirim", "kami kirim")).toBe(false);
    expect(hits("kirim", "dikirim ke sini")).toBe(true);
  });

  it("& needs every part in the same sentence, in any order", () => {
    expect(hits("calo & lapor", "Kalau ketemu calo, laporkan")).toBe(true);
    expect(hits("calo & lapor", "Laporkan kalau ada calo")).toBe(true);
    expect(hits("calo & lapor", "Ada calo. Laporkan ke kami")).toBe(false);
  });

  it("rejects malformed patterns with a clear message", () => {
    expect(() => compilePattern("")).toThrow(PatternError);
    expect(() => compilePattern("(kartu keluarga")).toThrow(/kurung/);
    expect(() => compilePattern("... datang")).toThrow(/awal atau akhir/);
    expect(() => compilePattern("datang ...99 kantor")).toThrow(/jarak/);
    expect(() => compilePattern("#nama")).toThrow(/#angka/);
    expect(() => compilePattern("datang//hadir")).toThrow(PatternError);
  });

  it("lists its stems for the typo index", () => {
    expect(vocabularyOf(compilePattern("persyaratan/(kartu keluarga)"))).toEqual(["syarat", "kartu", "keluarga"]);
  });
});

describe("evidence spans", () => {
  it("point into the original text", () => {
    const text = "Halo kak 🙏 syaratnya cuma KK aja, GRATISSS ya";
    expect(evidence("kk", text)).toEqual(["KK"]);
    expect(evidence("gratis", text)).toEqual(["GRATISSS"]);
    expect(evidence("syarat ...3 kk", text)).toEqual(["syaratnya cuma KK"]);
  });

  it("survive full-width characters", () => {
    const text = "Ｇｒａｔｉｓ kok";
    const [span] = spansOf(matchPattern(compilePattern("gratis"), analyse(text)), analyse(text));
    expect(text.slice(span.start, span.end)).toBe("Ｇｒａｔｉｓ");
  });
});

describe("pattern warnings", () => {
  it.each([
    ["keliru/salah/kurang tepat", "kurang tepat"],
    ["sekitar/kira/kurang lebih ...3 #angka", "kurang lebih"],
    ["maaf ...5 keliru/tidak pantas/ralat", "tidak pantas"],
    ["bohong/keliru/salah kaprah/clickbait", "salah kaprah"],
    ["dm/inbox/pesan pribadi", "pesan pribadi"],
  ])("flag a phrase inside a / list: %s", (source, phrase) => {
    const [warning] = compilePattern(source).warnings;
    expect(warning).toContain(`"${phrase}" terbaca sebagai`);
    expect(warning).toContain(`tulis (${phrase})`);
  });

  it.each([
    "tidak/bukan benar/betul",
    "siang/sore/malam ini",
    "tidak perlu/usah datang/hadir",
    "tindak lanjut/lanjuti",
    "keliru/salah/(kurang tepat)",
    "(keliru|salah|kurang) tepat",
    "uang pelicin/rokok/(terima kasih)",
  ])("leave deliberate combinations alone: %s", (source) => {
    expect(compilePattern(source).warnings).toEqual([]);
  });
});

describe("exceptions", () => {
  it("drop a match that lies inside a longer phrase meaning something else", () => {
    const m = compileMatcher(["sebut alamat"], [], "sentence", ["sebut alamat saat ...1 telepon"]);
    expect(findMatches(m, analyse("Sebutkan alamat saat menelepon 112. Lalu sebutkan alamat di sini juga")).map((x) => x.sentence)).toEqual([1]);
  });
});

describe("unless", () => {
  const confirm = ["blanko ...3 habis"];
  it("cancels a match in the same sentence by default", () => {
    const m = compileMatcher(confirm, ["hoaks"]);
    expect(findMatches(m, analyse("Kabar blanko habis itu hoaks"))).toHaveLength(0);
    expect(findMatches(m, analyse("Blanko habis. Itu hoaks"))).toHaveLength(1);
  });

  it("nearby also looks one sentence before and after", () => {
    const m = compileMatcher(confirm, ["hoaks"], "nearby");
    expect(findMatches(m, analyse("Blanko habis? Itu hoaks, Bu."))).toHaveLength(0);
    expect(findMatches(m, analyse("Blanko habis. Sungguh. Ya. Itu hoaks"))).toHaveLength(1);
  });

  it("reply cancels anywhere", () => {
    const m = compileMatcher(confirm, ["hoaks"], "reply");
    expect(findMatches(m, analyse("Blanko habis. Sungguh. Ya. Itu hoaks"))).toHaveLength(0);
  });
});

describe("typo tolerance", () => {
  it("accepts one edit on longer words", () => {
    const fuzzy = new FuzzyIndex(["gratis", "keluarga", "kartu"]);
    const p = compilePattern("gratis");
    expect(matchPattern(p, analyse("gratsi kok", fuzzy))).toHaveLength(1);
    expect(matchPattern(compilePattern("kartu keluarga"), analyse("kartu kelurga", fuzzy))).toHaveLength(1);
    expect(matchPattern(p, analyse("gratsi kok"))).toHaveLength(0);
  });

  it("leaves short words and real words alone", () => {
    const fuzzy = new FuzzyIndex(["kontol", "kartu"]);
    expect(fuzzy.near("kontrol")).toEqual([]); // a real word, not a typo
    expect(fuzzy.near("karti")).toEqual([]); // too short to guess
  });

  it("withinOneEdit covers substitution, insertion, deletion and swaps", () => {
    expect(withinOneEdit("gratis", "gratiz")).toBe(true);
    expect(withinOneEdit("gratis", "grattis")).toBe(true);
    expect(withinOneEdit("gratis", "grats")).toBe(true);
    expect(withinOneEdit("gratis", "gartis")).toBe(true);
    expect(withinOneEdit("gratis", "gartsi")).toBe(false);
  });
});

describe("analyses kept side by side", () => {
  // The matcher reads word positions from slots of the text analysed last; older texts read their own maps.
  it("match an older analysis as they matched it when it was the latest", () => {
    const m = compileMatcher(["kartu keluarga", "datang ... kantor", "=KTP & gratis", "#angka hari"], ["tidak gratis"]);
    const first = "Silakan datang langsung ke kantor kecamatan. Bawa kartu keluarga dan KTP, gratis. Selesai 3 hari.";
    const second = "Kartu keluarga tidak perlu dibawa, tidak gratis juga.";
    const expected = findMatches(m, analyse(first), 10);
    expect(expected.length).toBeGreaterThan(2);
    const a = analyse(first);
    const b = analyse(second);
    expect(findMatches(m, a, 10)).toEqual(expected);
    expect(findMatches(m, b, 10)).toEqual(findMatches(m, analyse(second), 10));
    expect(a.stems.get("kartu")).toEqual([7]);
  });

  it("see words of a pattern compiled after the analysis", () => {
    const a = analyse("Mohon bawa surat pengantar dari RT, Kak.");
    expect(matchPattern(compilePattern("surat pengantar ... =rt"), a)).toHaveLength(1);
  });
});

describe("trigger screen", () => {
  it("lets through what can match, and everything once the index has screened a newer text", () => {
    const m = compileMatcher(["kartu keluarga", "datang ... kantor"]);
    const index = new TriggerIndex(patternsOf(m));
    const a = analyse("Silakan datang ke kantor kecamatan.");
    a.live = index.live(a);
    expect(findMatches(m, a)).toHaveLength(1);
    const b = analyse("Bawa kartu keluarga ya.");
    b.live = index.live(b);
    expect(findMatches(m, b)).toHaveLength(1);
    // a's screen is stale now: matching it must still find its match.
    expect(findMatches(m, a)).toHaveLength(1);
    expect(a.live.has(m.patterns[1].id)).toBe(true);
    expect(b.live.has(m.patterns[1].id)).toBe(false);
  });
});
