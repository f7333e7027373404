import { describe, expect, it } from "vitest";
import { deElongate, letterRuns, normaliseText, normaliseWord, tokenize } from "./normalise";

describe("normaliseWord", () => {
  it("applies NFKC, lower case and strips diacritics", () => {
    expect(normaliseWord("ＫＴＰ")).toEqual(["ktp"]);
    expect(normaliseWord("GRATIS")).toEqual(["gratis"]);
    expect(normaliseWord("café")).toEqual(["cafe"]);
  });

  it("collapses repeated letters but keeps real double letters", () => {
    expect(deElongate("gratisss")).toBe("gratis");
    expect(deElongate("gratiss")).toBe("gratis");
    expect(deElongate("tolonggg")).toBe("tolong");
    expect(deElongate("maaaaf")).toBe("maaf");
    expect(deElongate("maaf")).toBe("maaf");
    expect(deElongate("kk")).toBe("kk");
    expect(normaliseWord("makasihhh")).toEqual(["terima", "kasih"]);
  });

  it.each([
    ["yg", "yang"],
    ["sy", "saya"],
    ["ga", "tidak"],
    ["gak", "tidak"],
    ["nggak", "tidak"],
    ["ngga", "tidak"],
    ["enggak", "tidak"],
    ["tdk", "tidak"],
    ["dtg", "datang"],
    ["mhn", "mohon"],
    ["min", "admin"],
    ["utk", "untuk"],
    ["bs", "bisa"],
    ["blm", "belum"],
    ["sdh", "sudah"],
    ["udh", "sudah"],
    ["krn", "karena"],
    ["dgn", "dengan"],
    ["aja", "saja"],
    ["thx", "terima kasih"],
    ["makasih", "terima kasih"],
    ["trims", "terima kasih"],
    ["japri", "pesan pribadi"],
    ["hoax", "hoaks"],
    ["free", "gratis"],
    ["wkwkwk", "haha"],
  ])("maps slang %s → %s", (slang, standard) => {
    expect(normaliseWord(slang).join(" ")).toBe(standard);
  });
});

describe("tokenize", () => {
  it("reads a unit after a number as the unit, not chat slang", () => {
    expect(normaliseText("genangan 30 cm saja")).toBe("genangan 30 cm saja");
    expect(normaliseText("tinggi 30cm, berat 5 KG")).toBe("tinggi 30 cm berat 5 kg");
    expect(normaliseText("cm 2 hari kok")).toBe("hanya 2 hari kok");
    expect(normaliseText("tunggu cm sebentar")).toBe("tunggu hanya sebentar");
    expect(normaliseText("100k aja, 17 thn")).toBe("100 ribu saja 17 tahun");
  });

  it("keeps offsets into the original text, whatever normalisation did", () => {
    const text = "Ｍｉｎ, sy dtg gratisss 🙏 ya";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.surface)).toEqual(["admin", "saya", "datang", "gratis", "ya"]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Ｍｉｎ", "sy", "dtg", "gratisss", "ya"]);
  });

  it("splits sentences on . ! ? and newlines, but not in 08.00 or after Jl.", () => {
    const tokens = tokenize("Buka 08.00 di Jl. Merdeka. Gratis! Bawa KK?\nTerima kasih");
    const sentenceOf = (w: string) => tokens.find((t) => t.surface === w)!.sentence;
    expect(sentenceOf("buka")).toBe(sentenceOf("merdeka"));
    expect(sentenceOf("gratis")).toBe(sentenceOf("merdeka") + 1);
    expect(sentenceOf("kk")).toBe(sentenceOf("gratis") + 1);
    expect(sentenceOf("terima")).toBe(sentenceOf("kk") + 1);
  });

  it("keeps web addresses, e-mail addresses and decimals inside one sentence", () => {
    const sentences = (text: string) => new Set(tokenize(text).map((t) => t.sentence)).size;
    expect(sentences("Cek di lapor.go.id atau cekdptonline.kpu.go.id ya.")).toBe(1);
    expect(sentences("Pulihkan lewat https://www.instagram.com/hacked. Lalu ganti sandi.")).toBe(2);
    expect(sentences("Kirim ke pengaduan.disdukcapil@sukamajukab.go.id ya. Terima kasih.")).toBe(2);
    expect(sentences("Kunjungi bkpsdm.sukamajukab.go.id. Pengumuman asli ada di sana.")).toBe(2);
    expect(sentences("Sudah kami cek.Kami kabari besok")).toBe(2);
    const [a, , b] = tokenize("genangan 2,5 meter");
    expect(b.clause).toBe(a.clause);
  });

  it("keeps a one- or two-word question in the sentence that answers it", () => {
    const tokens = tokenize("Bayar? Nggak kok. Syaratnya apa saja? KK.");
    const sentenceOf = (w: string) => tokens.find((t) => t.surface === w)!.sentence;
    expect(sentenceOf("bayar")).toBe(sentenceOf("kok"));
    expect(sentenceOf("kk")).toBe(sentenceOf("syaratnya") + 1);
  });

  it("treats commas and emoji as clause breaks inside one sentence", () => {
    const [a, b, c] = tokenize("tidak, datang 🙏 ya");
    expect(a.sentence).toBe(c.sentence);
    expect(b.clause).toBe(a.clause + 1);
    expect(c.clause).toBe(b.clause + 1);
  });

  it("splits letters from digits and expands reduplication", () => {
    expect(normaliseText("bayar 100rb, umur 17thn, hati2")).toBe("bayar 100 ribu umur 17 tahun hati hati");
  });

  it("reads Rp2.750.000 as an amount, not as the reduplication 'rp rp'", () => {
    expect(normaliseText("Biaya Rp2.750.000? Rp2,5 juta")).toBe("biaya rp 2 750 000 rp 2 5 juta");
    expect(new Set(tokenize("Biaya SK PPPK Rp2.750.000?").map((t) => t.sentence))).toEqual(new Set([0]));
  });

  it("glues clitics written with a hyphen to their word", () => {
    const text = "NIK-nya dan DM-in";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.surface)).toEqual(["nik", "dan", "dm"]);
    expect(text.slice(tokens[0].start, tokens[0].end)).toBe("NIK-nya");
  });

  it("tells Kartu Keluarga from kakak", () => {
    expect(normaliseText("Syaratnya KK ya kk")).toBe("syaratnya kk ya kakak");
    expect(normaliseText("Halo KK, bawa kk asli")).toBe("halo kakak bawa kk asli");
    expect(normaliseText("Malam kak, cukup KK.")).toBe("malam kakak cukup kk");
  });

  it("finds the word runs the Unicode word regex finds, in any script, with emoji and apostrophes", () => {
    // The tokenizer scans characters instead of running this regex; both must cut the same words.
    const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’`][\p{L}\p{M}\p{N}]+)*/gu;
    const texts = [
      "O'on assalamu’alaikum Bu`Ani ' tanda 'kutip' rock'n'roll'",
      "Café naïve ﬁle e\u0301 ẞtraße Ελληνικά Москва 東京 ١٢٣ ٣٤ 𝐀𝐁𝐂 𝟙𝟚 😊🙏 ok👍baik",
      "tab\tbaris\nbaru — «kutip» ‘satu’ x\ud800y \udc00z",
    ];
    for (const text of texts) {
      const expected = [...text.matchAll(WORD_RE)].map((m) => [m.index, m.index + m[0].length]);
      const got = [...new Map(tokenize(text, { resolveKk: false }).map((t) => [t.start, [t.start, t.end]])).values()];
      expect(got).toEqual(expected.filter(([from, to]) => normaliseWord(text.slice(from, to)).length > 0));
    }
  });

  it("finds the letter runs /\\p{L}+/gu finds", () => {
    const texts = ["SEGERA datang KE kantor!!! Café ẞtraße Москва 東京 𝐀𝐁𝐂x 12ab3 e\u0301 😊ok x\ud800y", "", "  !!  "];
    for (const text of texts) expect(letterRuns(text)).toEqual([...text.matchAll(/\p{L}+/gu)].map((m) => [m.index, m.index + m[0].length]));
  });

  it("reads words the same after the raw-word table has been emptied", () => {
    const text = "Selamat pagi Kak, bawa KK asli ya. GRATIS kok!";
    const before = tokenize(text);
    // More distinct words than the table holds at half load: it is emptied and filled again.
    for (let i = 0; i < 40_000; i++) tokenize(`kata${i.toString(36)}x warga${i}`);
    expect(tokenize(text)).toEqual(before);
    expect(tokenize("kataabcx").map((t) => t.surface)).toEqual(["kataabcx"]);
  });

  it("returns no tokens for emoji and punctuation only", () => {
    expect(tokenize(" 🙏 !!! ... ")).toEqual([]);
  });
});

describe("acronyms in capitals", () => {
  it("are not read as slang inside normal text", () => {
    expect(normaliseText("Seleksi PPPK tidak dipungut biaya")).toBe("seleksi pppk tidak dipungut biaya");
    expect(normaliseText("seleksi pppk")).toBe("seleksi pppk");
    expect(normaliseText("Ketua TP PKK, BPK dan BKN")).toBe("ketua tp pkk bpk dan bkn");
    expect(normaliseText("makasih pak, tp bpk bisa datang")).toBe("terima kasih bapak tetapi bapak bisa datang");
  });

  it("keep the meaning of abbreviations, negators and emphasis", () => {
    expect(normaliseText("Hubungi WA kami, KEC. Tanjung")).toBe("hubungi whatsapp kami kecamatan tanjung");
    expect(normaliseText("Bayar? GAK kok, GRATISSS")).toBe("bayar tidak kok gratis");
  });

  it("are slang again when the text is shouted", () => {
    expect(normaliseText("SY GA BS DTG")).toBe("saya tidak bisa datang");
    expect(normaliseText("Maaf, SAYA GA BISA DATANG")).toBe("maaf saya tidak bisa datang");
  });
});

describe("negation slang", () => {
  it("reads jgn as jangan", async () => {
    const { normaliseText } = await import("./normalise");
    expect(JSON.stringify(normaliseText("jgn kirim kodenya"))).toContain("jangan");
  });
});
