import { describe, expect, it } from "vitest";
import { stem } from "./stem";

describe("stem", () => {
  it("makes persyaratan, syaratnya and syarat equal", () => {
    expect(stem("persyaratan")).toBe("syarat");
    expect(stem("syaratnya")).toBe("syarat");
    expect(stem("syarat")).toBe("syarat");
  });

  it.each([
    ["dihapus", "hapus"],
    ["dijamin", "jamin"],
    ["diwakilin", "wakil"],
    ["menghapus", "hapus"],
    ["penghapusan", "hapus"],
    ["membawa", "bawa"],
    ["dibawa", "bawa"],
    ["berbayar", "bayar"],
    ["pembayaran", "bayar"],
    ["tersedia", "sedia"],
    ["persediaan", "sedia"],
    ["kedatangan", "datang"],
    ["mendatangi", "datang"],
    ["kecamatan", "camat"],
    ["kelurahan", "lurah"],
    ["sebutkan", "sebut"],
    ["tersebut", "sebut"],
    ["pelayanan", "layan"],
    ["diperlukan", "perlu"],
    ["kependudukan", "duduk"],
  ])("strips affixes: %s → %s", (word, root) => {
    expect(stem(word)).toBe(root);
  });

  it.each([
    ["mengirim", "kirim"], // meng+V hides a k
    ["mengurus", "urus"], // meng+V keeps the vowel
    ["memakai", "pakai"], // mem+V hides a p
    ["meminta", "minta"], // m-initial root
    ["menulis", "tulis"], // men+V hides a t
    ["menikah", "nikah"], // n-initial root
    ["menyimpan", "simpan"], // meny+V hides an s
    ["pengaduan", "adu"],
    ["perekaman", "rekam"], // pe+rekam, not per+ekam
    ["pemeriksaan", "periksa"],
    ["mengecek", "cek"], // menge+ one-syllable root
    ["belajar", "ajar"],
  ])("handles morphophonemic changes: %s → %s", (word, root) => {
    expect(stem(word)).toBe(root);
  });

  it.each([
    ["biayanya", "biaya"],
    ["apakah", "apa"],
    ["apapun", "apa"],
    ["sudahlah", "sudah"],
    ["hubungi", "hubung"],
    ["laporkan", "lapor"],
    ["pesannya", "pesan"],
  ])("strips suffixes and particles: %s → %s", (word, root) => {
    expect(stem(word)).toBe(root);
  });

  it("leaves roots that only look affixed alone", () => {
    for (const root of ["berkas", "perlu", "selamat", "terima", "pesan", "bukan", "bebas", "keluarga", "sekolah", "masalah", "hanya", "tanya"]) {
      expect(stem(root)).toBe(root);
    }
  });

  it.each([
    ["pastikan", ["memastikan", "dipastikan", "dipastikannya", "pastiin", "mastiin"], ["pasti", "pastinya", "kepastian"]],
    ["teruskan", ["meneruskan", "diteruskan", "terusin", "nerusin", "penerusan"], ["terus", "terusnya", "terusan"]],
    ["sampaikan", ["menyampaikan", "disampaikan", "penyampaian"], ["sampai", "sesampainya"]],
  ])("keeps the -kan verb %s apart from its adverb root", (verb, forms, rootForms) => {
    for (const w of [verb, ...forms]) expect(stem(w), w).toBe(verb);
    for (const w of rootForms) expect(stem(w), w).not.toBe(verb);
  });

  it.each([
    ["ketentuan", ["ketentuannya"], ["tentu", "tertentu"]],
    ["kebijakan", ["kebijakannya"], ["bijak", "bijaknya"]],
    ["keterangan", ["keterangannya"], ["terang", "terangnya"]],
  ])("keeps the ke-an noun %s apart from its root", (noun, forms, rootForms) => {
    for (const w of [noun, ...forms]) expect(stem(w), w).toBe(noun);
    for (const w of rootForms) expect(stem(w), w).not.toBe(noun);
    expect(stem("kepastian")).toBe("pasti");
    expect(stem("kelengkapan")).toBe("lengkap");
  });

  it("understands colloquial verbs when the root is known", () => {
    expect(stem("mikir")).toBe("pikir");
    expect(stem("bayarin")).toBe("bayar");
    expect(stem("laporin")).toBe("lapor");
  });

  it("stems unknown words consistently across their forms", () => {
    expect(stem("dipublikasikannya")).toBe(stem("publikasikan"));
    expect(stem("disalahgunakan")).toBe(stem("penyalahgunaan"));
  });

  it("keeps short words and numbers", () => {
    expect(stem("ke")).toBe("ke");
    expect(stem("100")).toBe("100");
  });
});
