import { describe, expect, it } from "vitest";
import { isFlaggedAbusive } from "./corpus";
import { makeExercise } from "./fixtures";
import { gradeReply } from "./grade";

// Our own sentences, one linguistic category each (none taken from any public corpus).
describe("insult words in a literal sense are not abuse", () => {
  it.each([
    // an animal as an animal: kept, counted, eaten, named with other animals, in the news
    "Dua ekor anjing penjaga gudang sudah divaksin minggu lalu.",
    "Seekor monyet mengambil pisang dari warung.",
    "Tiga monyet terlihat bergelantungan dekat pos jaga.",
    "Peternak babi di desa itu mengeluhkan harga pakan.",
    "Banyak produk olahan yang mengandung babi, cek label halalnya.",
    "Sapi, kambing dan babi wajib diperiksa sebelum dipotong.",
    "Kucing dan anjing sama-sama butuh vaksin rabies.",
    "Hanya manusia dan monyet yang bisa mengenali wajah di cermin, katanya.",
    "Monyet ekor panjang termasuk primata yang dilindungi.",
    "Petugas mengevakuasi monyet yang masuk ke rumah warga.",
    // deaf ears as ears
    "Kuping saya budek sebelah sejak kecelakaan itu.",
    "Telinga nenek budeg, jadi kami bicara pelan dan jelas.",
  ])("%s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });
});

describe("insult words that are mentioned, not used", () => {
  it.each([
    "Istilah kampungan sering dipakai untuk merendahkan orang desa.",
    "Dalam bahasa Jawa, kata 'asu' artinya anjing.",
    'Kata "goblok" tidak pantas diucapkan petugas layanan.',
    "Anak-anak jangan mengucapkan bangsat, itu umpatan.",
    "Bego itu singkatan dari apa sih?",
    "Kampret hitam tuh apa?",
    "Apa itu norak?",
    "NORAK = NOngkrong RAmai Kebanyakan",
    "Tetangga suka ngatain bodoh ke anak kecil, itu tidak baik.",
  ])("%s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });
});

describe("insult words inside a title or after a classifier", () => {
  it.each([
    "Kemarin saya menonton film 3 Idiot bersama keluarga.",
    "Buku Kumpulan Cerita Raja Sinting sudah ada di perpustakaan daerah.",
    "Tokoh favorit anak saya di kartun itu “Pangeran Monyet Emas” karena pemberani.",
  ])("%s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });
});

describe("the same words aimed at a person stay abuse", () => {
  it.each([
    "Dasar anjing, jawab yang bener!",
    "Kamu babi, ngerti nggak sih",
    "Anjing lu, dari tadi nggak dibalas",
    "Admin kayak monyet, kerja nggak becus",
    "Udah dibilang berkali-kali, anjing!",
    "Dasar kampungan kamu",
    "Budek ya kamu? Dari tadi saya tanya.",
    "Terima kasih Pak Goblok",
    "Selamat Pagi Bodoh",
    "Maaf, kata Anda bego banget",
    'Warga "pintar" kayak kamu memang tolol',
    "Dua ekor monyet pun lebih pintar dari kamu, goblok",
    "Kamu tuh monyet di kantor ini",
  ])("%s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });
});

describe("a mentioned insult put before the citizen is a tone note, not abuse", () => {
  const exercise = makeExercise({ channel: "facebook-comment", turns: [{ message: "Kenapa KTP saya belum jadi?" }] });

  it("notes 'Kakak jangan menulis kata \"goblok\" di kolom komentar ya.'", () => {
    const g = gradeReply(exercise, "t1", 'Kakak jangan menulis kata "goblok" di kolom komentar ya.');
    expect(g.violations).not.toContain("abusive");
    expect(g.notes.map((n) => [n.id, n.evidence.map((e) => e.text)])).toEqual([["tone:insult-mentioned", ["goblok"]]]);
    expect(g.review).toContain("tone:insult-mentioned");
  });

  it("has no note when nobody is addressed: 'Istilah kampungan sering dipakai untuk merendahkan orang desa.'", () => {
    const g = gradeReply(exercise, "t1", "Istilah kampungan sering dipakai untuk merendahkan orang desa.");
    expect(g.violations).not.toContain("abusive");
    expect(g.notes).toEqual([]);
  });
});

describe("a literal context does not excuse a word aimed at the reader", () => {
  it.each([
    "Seekor anjing seperti Anda tidak perlu dilayani.",
    "Monyet di kebun binatang lebih sopan dari Anda.",
    "Babi hutan saja lebih paham aturan daripada kalian.",
  ])("%s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });

  it.each(["Kalau Kakak digigit anjing, segera ke puskesmas untuk vaksin rabies.", "Anjing peliharaan Bapak wajib divaksin rabies setiap tahun."])(
    "but spares %s",
    (text) => {
      expect(isFlaggedAbusive(text)).toBe(false);
    },
  );
});

// Our own sentences again: compounds and idioms in which the word keeps an ordinary sense.
describe("compounds and idioms with an ordinary sense", () => {
  it.each([
    "Cinta monyet waktu SMP memang lucu kalau diingat.",
    "Tahun ini shio monyet katanya sedang beruntung.",
    "Shio: Monyet",
    "Pertunjukan topeng monyet sudah dilarang di kota ini.",
    "Terdengar tiruan suara monyet dari tribun penonton.",
    "Monyet hitam sulawesi termasuk satwa endemik.",
    "Adik saya suka banget sama anjing.",
    "Dari kecil saya takut anjing.",
    "Ada tahi lalat baru di pipi, perlu diperiksa dokter kulit.",
    "Ada tai burung di kaca mobil dinas.",
    "Jangan sampai menginjak tai kucing di halaman.",
    "Wedus gembel turun dari puncak Merapi siang ini.",
    "Nonton (3 idiot) lagi bareng keluarga.",
    "Senam tai chi gratis di taman kota setiap Minggu pagi.",
    "Asu dalam bahasa Jawa berarti anjing.",
    "Kita tunggu kabar dari Pak Bolot, kepala dusun.",
    "Tikus berkeliaran di gudang pasar.",
    "Layanan juru bahasa isyarat bagi warga tuli dan bisu tersedia di loket 3.",
    "Buta huruf bukan aib, ayo ikut kelas malam.",
    "Ini memang zaman edan, harga cabai naik tiga kali lipat.",
    "Mohon bantuan untuk warga di jalan Kalimas udik 1c yang rumahnya roboh.",
    'Dalam hati mereka berkata "rasain kau" tapi tetap membantu.',
  ])("%s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });

  it.each(["tai kucing pelayanan publiknya", "dasar monyet", "kamu babi", "cinta lu tai kucing"])("still flags %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });
});

describe("words that insult only when aimed at someone", () => {
  it.each(["Setan!", "dasar setan", "najis lu", "dasar sampah", "hina banget lo jadi orang", "kayak setan kamu", "dasar onta", "tikus lu", "kayak kebo kamu"])(
    "flags %s",
    (text) => {
      expect(isFlaggedAbusive(text)).toBe(true);
    },
  );

  it.each([
    "Mintalah perlindungan kepada Allah dari godaan setan.",
    "Bekas jilatan anjing termasuk najis menurut fikih.",
    "Sampah plastik dipilah sebelum diangkut.",
    "Bahan seperti sampah dapur bisa dijadikan kompos.",
    "Gila ya cuacanya hari ini, panas sekali.",
    "Menghina orang lain bukan sikap yang baik.",
  ])("spares %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });
});

describe("self-directed words", () => {
  it.each(["kami bukan orang bodoh, kami cuma minta kejelasan", "aku bukan bolot kok", "bodoh juga aku lupa bawa KK"])("spares %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });

  // swearing is not a judgement passed on oneself
  it.each(["anjir gue kaget loketnya tutup", "kampret gue nunggu dua jam", "woy goblog gw nanya dari tadi"])("flags %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });
});

describe("sincere praise is no sarcasm", () => {
  it.each([
    "Selamat kepada tim robotik SMKN 2 yang cerdas sekali merancang alat penyiram otomatis!",
    "Wah pintar sekali idenya, Kak! Usulan taman baca ini kami teruskan ke Dinas Perpustakaan.",
  ])("spares %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });

  it("still flags praise undercut by what follows", () => {
    expect(isFlaggedAbusive("Terima kasih Pak, pintar sekali sampai bertanya tiga kali.")).toBe(true);
  });
});

describe("reading", () => {
  it.each(["Aplikasi belum bisa baca file HEIC.", "Mata saya tidak bisa baca tulisan sekecil itu.", "Program pemberantasan buta huruf dibuka lagi."])(
    "spares %s",
    (text) => {
      expect(isFlaggedAbusive(text)).toBe(false);
    },
  );

  it.each(["Kakak tidak bisa baca ya?", "Buta huruf ya, Pak?"])("flags %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });
});

describe("codes are no spelling games", () => {
  it.each(["Nomor antrean C0K dan T41 sudah dipanggil.", "Kode pengajuan TA1 dan B4B1 dicetak di kertas A4."])("spares %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });

  it.each(["b4b1 lu", "G0BL0K", "t o l o l", "b.o.d.o.h"])("flags %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });
});

describe("precision: categories, animals, timelines and the rich", () => {
  it.each([
    // "munafik" names a moral or religious category as often as a person
    "Allah mengancam orang-orang munafik dengan neraka Jahanam.",
    "Munafik sekali kalau hari gini mau pilih gaji biasa.",
    // an insult word said of an animal
    "Pengen punya kucing gendut bermuka bodoh di teras.",
    // "tl" (timeline) is no collapsed "tll"
    "Kok jadi asing sama isi tl sini ya.",
    // "edan" as an exclamation or a team's name
    "Edan, golnya bagus sekali!",
    "Oleh karena itu, Singo Edan mempersiapkan mental para pemainnya.",
    // "kaya" is "rich" after a place or a degree word and before "akan"/"raya"
    "Negara kaya sampah plastik tidak boleh dibiarkan.",
    "Daerah ini kaya monyet ekor panjang, Kak, jangan beri makan ya.",
    "Orang kaya raya maupun miskin dilayani sama, Kak.",
    // reported, not said: "dikatakan"
    "Presiden dikatakan kacung oleh akun itu, lalu semua diam.",
    // a trade named, not a person called it
    "Aturan baru itu tidak menguntungkan PSK.",
    // animals listed side by side
    "Bukan hanya anjing, babi pun dilarang masuk area pasar.",
  ])("spares %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });

  it.each([
    "dasar munafik",
    "munafik lu",
    "kucing lu bodoh",
    "kamu PSK",
    "taunya kaya eek",
    "muka lu kaya sampah",
    "diem setan",
    "cuih najis",
    "si edan itu lagi",
    "culun banget sih",
    "gembrot dia",
    "dasar kapir",
    "otak lu dimana?",
    "otaknya kecil, nggak bisa cerna",
    "minum kencing onta",
    "anjing, babi lu semua",
  ])("flags %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(true);
  });
});
