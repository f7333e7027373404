import { describe, expect, it } from "vitest";
import { makeExercise } from "./fixtures";
import { gradeReply } from "./grade";
import type { Channel } from "./rubric";

const CITIZEN = "NIK saya 1601234567890001, HP 0812-7788-9900, rumah di Jl. Merdeka No. 12. Tolong dicek!!";

function violations(reply: string, channel: Channel = "whatsapp"): string[] {
  const exercise = makeExercise({ channel, turns: [{ message: CITIZEN }] });
  return gradeReply(exercise, "t1", reply).violations;
}

function evidenceOf(reply: string, id: string, channel: Channel = "facebook-comment"): string[] {
  const exercise = makeExercise({ channel, turns: [{ message: CITIZEN }] });
  return (
    gradeReply(exercise, "t1", reply)
      .violated.find((v) => v.id === id)
      ?.evidence.map((e) => e.text) ?? []
  );
}

describe("abusive", () => {
  it.each([
    "Dasar goblok, baca dulu",
    "Bapak ini bodoh ya",
    "anjing, ribet banget",
    "Gitu aja ga ngerti, dasar kampungan",
    "Dasar kamu, ga tau diri",
    "Masa gitu aja percaya, Bu",
    "Jangan nanya terus, udah ada di highlight",
    "Ribet amat sih kak",
    "Awas ya kalau nyebarin lagi",
    "Ibu bisa dipidana karena ini",
    "Itu hoaks bu 🙄",
    "Kok gampang banget percaya sih",
  ])("flags %s", (reply) => {
    expect(violations(reply)).toContain("abusive");
  });

  it.each([
    "Dasar hukumnya Perpres 96 Tahun 2018.",
    "Kami menjaga persatuan bangsa.",
    "Status berkas bisa dikontrol lewat aplikasi.",
    "Laporkan oknum tersebut ke polisi atau Ombudsman.",
    "Silakan tanya lagi kalau ada yang kurang jelas ya, Kak.",
    "Hati-hati, banyak penipuan mengatasnamakan petugas.",
  ])("does not flag %s", (reply) => {
    expect(violations(reply)).not.toContain("abusive");
  });
});

describe("pii-public", () => {
  it.each([
    ["Baik Pak, NIK 1601234567890001 sudah kami cek.", "1601234567890001"],
    ["NIK 160123******0001 sudah kami catat.", "160123******0001"],
    ["Nomor 1601 2345 6789 0001 sedang diproses.", "1601 2345 6789 0001"],
    ["Kami hubungi Bapak di 0812-7788-9900 ya.", "0812-7788-9900"],
    ["Alamat Bapak di Jl. Merdeka No. 12 sudah benar?", "Jl. Merdeka No. 12"],
    ["Kirim ke budi.darman@gmail.com ya Pak.", "budi.darman@gmail.com"],
    ["NIK Bapak yang berakhiran 0001 sudah masuk.", "0001"],
    ["Rumah di RT 03/RW 05 ya Pak?", "RT 03/RW 05"],
  ])("flags %s", (reply, leaked) => {
    expect(evidenceOf(reply, "pii-public")).toContain(leaked);
  });

  it("does not flag the agency's own contact or office address", () => {
    expect(violations("Silakan hubungi WhatsApp resmi kami di 0811-1234-5678.", "facebook-comment")).not.toContain("pii-public");
    expect(violations("Kantor kami di Jl. Sudirman No. 1 buka pukul 08.00–15.00.", "facebook-comment")).not.toContain("pii-public");
    expect(violations("E-mail pengaduan: pengaduan@disdukcapil.sukamaju.go.id", "facebook-comment")).not.toContain("pii-public");
  });

  it("does not flag a number the exercise's facts list as the agency's contact, whatever words surround it", () => {
    const exercise = makeExercise({ channel: "instagram-comment", turns: [{ message: CITIZEN }], facts: { contacts: ["081200001010"] } });
    const of = (reply: string) => gradeReply(exercise, "t1", reply).violations;
    expect(of("Silakan lanjut lewat DM atau WhatsApp 0812-0000-1010 ya Kak.")).not.toContain("pii-public");
    expect(of("Lanjut di +62 812 0000 1010 ya Kak.")).not.toContain("pii-public");
    // Another number is still someone's, and the citizen's own number is still a leak.
    expect(of("Lanjut di 0812-3456-7788 ya Kak.")).toContain("pii-public");
    expect(of("Kami hubungi Bapak di 0812-7788-9900 ya.")).toContain("pii-public");
  });

  it("reads the agency's web address as part of the sentence, not as sentence ends", () => {
    expect(violations("Cek dukcapil.sukamajukab.go.id atau hubungi 0811-1234-5678.", "facebook-comment")).not.toContain("pii-public");
  });

  it("flags the citizen's own number even in an 'official' sentence", () => {
    expect(violations("Kami akan menghubungi nomor 0812-7788-9900 dari kantor.", "facebook-comment")).toContain("pii-public");
  });

  it("only runs on public channels", () => {
    expect(violations("NIK 1601234567890001 sudah kami cek.", "whatsapp")).not.toContain("pii-public");
    expect(violations("NIK 1601234567890001 sudah kami cek.", "x-reply")).toContain("pii-public");
  });
});

describe("pii-request", () => {
  it.each([
    "Tolong tulis nomor HP Bapak di sini ya.",
    "Boleh minta alamat lengkapnya, Pak?",
    "NIK Bapak berapa?",
    "Sebutkan nomor KK Bapak agar kami cek.",
    "Silakan kirim foto KTP di kolom komentar.",
  ])("flags a request in public: %s", (reply) => {
    expect(violations(reply, "facebook-comment")).toContain("pii-request");
  });

  it("flags asking to post data 'here' even when a DM is mentioned too", () => {
    expect(violations("Mohon cantumkan nomor KK dan nomor HP di balasan ini. DM juga boleh.", "facebook-comment")).toContain("pii-request");
    expect(violations("Tolong hapus NIK dari komentar, lalu DM kami.", "facebook-comment")).not.toContain("pii-request");
  });

  it("accepts asking for data through a private channel", () => {
    expect(violations("Silakan kirim NIK dan nomor HP Bapak lewat DM ya.", "facebook-comment")).not.toContain("pii-request");
    expect(violations("Mohon hapus komentar yang memuat NIK, lalu hubungi kami via WhatsApp.", "facebook-comment")).not.toContain("pii-request");
  });

  it("does not flag warnings against sharing", () => {
    expect(violations("Jangan tulis NIK di kolom komentar ya, Pak.", "facebook-comment")).not.toContain("pii-request");
    expect(violations("Tidak perlu kirim foto KK lewat chat, bawa aslinya saja.", "instagram-dm")).not.toContain("pii-request");
  });

  it("flags document photos and NIK requests in private chats too", () => {
    expect(violations("Kirim foto KK kakak ke sini dulu ya.", "instagram-dm")).toContain("pii-request");
    expect(violations("Boleh minta NIK kakak?", "whatsapp")).toContain("pii-request");
    expect(violations("Bawa KK asli ke kecamatan ya.", "instagram-dm")).not.toContain("pii-request");
  });

  it.each([
    "Segera telepon 112 dan sebutkan alamat lengkapnya ya Bu.",
    "Sebutkan alamat lengkap orang tua Ibu saat menelepon 112.",
    "Saat menelepon 112, sebutkan alamat dan nomor HP yang bisa dihubungi.",
    "Sebutkan NIK Bapak kepada petugas di loket.",
    "Masukkan NIK di aplikasi IKD, lalu ikuti langkahnya.",
  ])("accepts advice about what to tell someone else, elsewhere: %s", (reply) => {
    expect(violations(reply, "facebook-comment")).not.toContain("pii-request");
  });

  it.each([
    "Sebutkan nomor HP Bapak, nanti kami hubungi lewat telepon.",
    "Kami akan hubungi petugas, mohon kirim NIK Bapak.",
    "Tulis alamat lengkap di sini, petugas akan datang.",
  ])("still flags asking the admin for data: %s", (reply) => {
    expect(violations(reply, "facebook-comment")).toContain("pii-request");
  });

  it("always flags credentials", () => {
    expect(violations("Sebutkan kode OTP yang masuk ke HP Ibu.", "whatsapp")).toContain("pii-request");
    expect(violations("Sebutkan kode OTP saat petugas menelepon.", "whatsapp")).toContain("pii-request");
    expect(violations("Kirim kata sandi barunya ke saya ya.", "whatsapp")).toContain("pii-request");
    expect(violations("Masukkan kode OTP-nya di sini ya Bu.", "whatsapp")).toContain("pii-request");
    // The scam pattern: announce the code, then ask for "the code" without naming it again.
    expect(violations("Kode OTP akan dikirim ke HP Ibu, lalu sebutkan kodenya ke kami.", "whatsapp")).toContain("pii-request");
  });

  it("accepts advice to enter a credential in one's own app", () => {
    expect(violations("Buka aplikasi, lalu masukkan kata sandi baru yang kuat.", "whatsapp")).not.toContain("pii-request");
    expect(violations("Masukkan kata sandi baru di aplikasi resmi, bukan di tautan.", "facebook-comment")).not.toContain("pii-request");
  });
});

describe("blame", () => {
  it.each([
    "Itu salah Bapak sendiri.",
    "Mungkin Bapak yang belum melengkapi berkas.",
    "Pelayanan kami tidak lambat, Pak.",
    "Makanya baca pengumuman dulu.",
    "Kan sudah dibilang di highlight.",
    "Jangan marah-marah di sini, Pak.",
    "Bukan salah kami, Pak.",
    "Semua juga antre, Pak.",
    "Kalau nekat pakai calo, ya itu urusan Ibu.",
  ])("flags %s", (reply) => {
    expect(violations(reply)).toContain("blame");
  });

  it("flags the citizen blamed as 'pemohon' but not the polite 'mohon' (pemohon is matched by its form, not its stem)", () => {
    expect(violations("Banyak pemohon salah isi formulir, itulah sebabnya lama.")).toContain("blame");
    expect(violations("Mohon maaf, balasan kami sebelumnya keliru dan tidak pantas; pernyataan itu kami tarik dan kami hapus.")).not.toContain("blame");
    expect(violations("Silakan daftar ulang, data yang keliru akan kami perbaiki supaya tidak lama.")).not.toContain("blame");
  });

  it.each(["Mohon maaf atas keterlambatannya, Pak.", "Bagi Bapak yang belum rekam, silakan datang.", "Maka dari itu kami buka layanan Sabtu."])(
    "does not flag %s",
    (reply) => {
      expect(violations(reply)).not.toContain("blame");
    },
  );
});

describe("shouting", () => {
  it("flags all caps and runs of !!!", () => {
    expect(violations("SILAKAN DATANG KE KANTOR")).toContain("shouting");
    expect(violations("Silakan datang ke kantor!!!")).toContain("shouting");
    expect(violations("Mohon dibaca, INI SUDAH KAMI JELASKAN, terima kasih")).toContain("shouting");
    expect(evidenceOf("Datang ya!!!", "shouting", "whatsapp")).toEqual(["!!!"]);
  });

  it("ignores acronyms and a single exclamation mark", () => {
    expect(violations("Bawa KTP dan KK ke MPP, lapor ke SP4N-LAPOR! atau Ombudsman RI.")).not.toContain("shouting");
    expect(violations("Info ini HOAKS ya, Bu.")).not.toContain("shouting");
  });
});

describe("empty and too-long", () => {
  it("flags empty replies and scores them 0", () => {
    const exercise = makeExercise({ turns: [{ required: [{ id: "salam", patterns: ["halo"] }] }] });
    const grade = gradeReply(exercise, "t1", "  🙏 ... ");
    expect(grade.violations).toEqual(["empty"]);
    expect(grade.missing).toEqual(["salam"]);
    expect(grade.score).toBe(0);
  });

  it("flags absurdly long replies", () => {
    expect(violations("Terima kasih. ".repeat(400))).toContain("too-long");
    expect(violations("Terima kasih.")).not.toContain("too-long");
  });
});

describe("tone without 'you'", () => {
  it.each([
    ["Banyak warga salah isi formulir, makanya lama.", "blame"],
    ["Keterlambatan ini karena pemohon tidak melengkapi berkas.", "blame"],
    ["Berkas tidak lengkap sehingga prosesnya lama.", "blame"],
    ["Kesalahan ada pada pemohon sendiri.", "blame"],
    ["Padahal sudah dijelaskan di highlight.", "blame"],
    ["Gitu aja kok nggak paham.", "abusive"],
    ["Lain kali baca dulu pengumumannya ya.", "abusive"],
    ["Masa begitu saja tidak tahu.", "abusive"],
    ["Pintar sekali, sampai bertanya dua kali.", "abusive"],
    ["Komentar ini kami laporkan ke polisi, ingat ada UU ITE.", "abusive"],
    ["Nama dan akun Bapak sudah kami catat.", "abusive"],
    ["Percakapan ini kami simpan sebagai bukti.", "abusive"],
    ["Ucapan Bapak bisa berujung pidana.", "abusive"],
    ["Kalau mau cepat ada jalur damai, Pak.", "bribe"],
    ["Layanan gratis, tapi kasih tip untuk petugas ya biar diproses duluan.", "bribe"],
    ["Bisa diatur Pak, nanti uang rokoknya titip ke saya.", "bribe"],
    ["Siap Pak, nanti saya bantu percepat 😉", "bribe"],
    ["Transfer ke rekening saya saja, nanti beres.", "bribe"],
    ["Seikhlasnya saja Bu untuk petugas.", "bribe"],
  ])("flags %s as %s", (reply, id) => {
    expect(violations(reply)).toContain(id);
  });

  it.each([
    "Jika berkas belum lengkap, prosesnya bisa tertunda, jadi mohon dicek dulu ya.",
    "Mohon maaf atas keterlambatannya, Pak. Kami cek penyebabnya sekarang.",
    "Banyak warga belum tahu bahwa layanan ini gratis, jadi kami senang Ibu bertanya.",
    "Tidak ada jalur damai atau jalur cepat berbayar, semua layanan gratis.",
    "Jangan beri uang atau tip kepada siapa pun yang mengaku petugas.",
    "Keluhan Bapak sudah kami catat dan kami teruskan ke bidang terkait.",
    "Silakan laporkan unggahan itu lewat fitur Laporkan ya.",
    "Laporkan oknum yang meminta uang ke kanal pengaduan kami atau Ombudsman.",
    "Berikut tips agar berkas cepat diproses: bawa KK asli.",
    "Untuk surat kehilangan, silakan lapor ke kantor polisi terdekat.",
    "Kami ikut merasakan kekesalan Bapak, perasaan Bapak wajar.",
    "Sambil menunggu, Kakak bisa dengar lagu di ruang tunggu.",
    "Tidak ada pertanyaan yang bodoh, Kak, terima kasih sudah bertanya.",
  ])("does not flag %s", (reply) => {
    const v = violations(reply);
    expect(v.filter((id) => ["abusive", "blame", "bribe"].includes(id))).toEqual([]);
  });
});

describe("abuse in any spelling", () => {
  it.each(["Jangan bego ya", "Dasar gooblokkk", "g0bl0k banget sih", "dasar 4njing", "b*go amat", "t o l o l", "b.o.d.o.h", "bgst lu", "bodohnya kebangetan"])(
    "flags %s",
    (reply) => {
      expect(violations(reply)).toContain("abusive");
    },
  );

  it.each([
    "Kami rekam 100rb data.",
    "Foto ukuran 2x3 dan 4x6",
    "KTP-el bisa diambil jam 10.00",
    "Kode 8B4 untuk loket",
    "Belagu itu bukan kata kami.".replace("Belagu itu bukan kata kami.", "Lagu daerah diputar di MPP."),
  ])("does not flag %s", (reply) => {
    expect(violations(reply)).not.toContain("abusive");
  });

  it("treats laughter as a tone note, not abuse", () => {
    const exercise = makeExercise({ channel: "facebook-comment", turns: [{ message: CITIZEN }] });
    const g = gradeReply(exercise, "t1", "wkwkwk iya pak nanti kami cek ya");
    expect(g.violations).not.toContain("abusive");
    expect(g.notes.map((n) => n.id)).toEqual(["tone:laughter"]);
    expect(g.review).toContain("tone:laughter");
  });
});

describe("pii-request: advice not to send data, whatever the punctuation", () => {
  it.each([
    "Terima kasih kak, foto KK tidak perlu dikirim lewat chat.",
    "Terima kasih kak. Foto KK tidak perlu dikirim lewat chat.",
    "Terima kasih kak; foto KK tidak perlu dikirim lewat chat",
    "Terima kasih kak - foto KK tidak usah dikirim ke sini ya",
    "Makasih kak, NIK dan foto KTP jangan dikirim di chat ya.",
  ])("does not flag %s", (reply) => {
    expect(violations(reply, "instagram-dm")).not.toContain("pii-request");
  });

  it("still flags a request after thanks", () => {
    expect(violations("Terima kasih kak, kirim foto KK ke sini ya.", "instagram-dm")).toContain("pii-request");
  });
});

describe("personal data in any spelling", () => {
  it.each([
    ["NIK Bapak 1601/2345/6789/0001 sudah kami cek.", "1601/2345/6789/0001"],
    ["NIK 1601_2345_6789_0001 ya Pak", "1601_2345_6789_0001"],
    ["Nomor 16.01.23.45.67.89.00.01 sedang diproses.", "16.01.23.45.67.89.00.01"],
    ["NIK 16xx-xxxx-xxxx-0001 sudah masuk.", "16xx-xxxx-xxxx-0001"],
    [
      "NIK satu enam nol satu dua tiga empat lima enam tujuh delapan sembilan sudah kami cek",
      "satu enam nol satu dua tiga empat lima enam tujuh delapan sembilan",
    ],
    ["Hubungi ke nol delapan satu dua tujuh tujuh delapan delapan sembilan sembilan ya", "nol delapan satu dua tujuh tujuh delapan delapan sembilan sembilan"],
    ["Rumah ortu di RT/RW 03/02 sudah kami catat", "RT/RW 03/02"],
    ["Kami kirim tim ke RT.03 RW.02", "RT.03 RW.02"],
  ])("flags %s", (reply, leaked) => {
    expect(evidenceOf(reply, "pii-public")).toContain(leaked);
  });

  it.each([
    "Mohon jangan tulis NIK, nomor KK, atau nomor HP di kolom komentar ya Pak.",
    "Layanan buka Senin–Jumat 08.00–15.00 dan Sabtu 08.00–12.00.",
    "Antrean nomor satu sampai dua puluh dilayani pagi ini.",
    "Pas foto 2x3 dua lembar, satu untuk arsip.",
    "Standar pelayanan paling lama 14 hari kerja, tanggal 12/05/2026 sudah lewat.",
  ])("does not flag %s", (reply) => {
    expect(violations(reply, "facebook-comment")).not.toContain("pii-public");
  });
});

describe("no abuse or blame flags on ordinary and official language", () => {
  it.each([
    "Babi hutan masuk kebun warga, mohon waspada.",
    "Anjing tetangga menggonggong terus semalaman.",
    "Gila sih pertandingan semalam, seru banget.",
    "Semoga kita dijauhkan dari godaan setan.",
    "Antrean panjang karena banyak warga yang belum melakukan perekaman datang bersamaan.",
    "Warga yang tidak membawa berkas lengkap belum dapat kami proses, jadi mohon cek persyaratan sebelum datang ya.",
    "Masyarakat diimbau tidak mudah percaya informasi yang belum jelas sumbernya.",
    "Keterlambatan pencetakan disebabkan gangguan jaringan pusat, kami mohon maaf.",
    "Harus kakak sendiri yang datang karena sidik jari diambil langsung.",
  ])("%s", (reply) => {
    expect(violations(reply, "facebook-comment").filter((v) => ["abusive", "blame"].includes(v))).toEqual([]);
  });

  it.each(["Dasar babi lu", "muka lo kayak monyet", "dasar gila", "setan lu"])("still flags %s", (reply) => {
    expect(violations(reply)).toContain("abusive");
  });
});

describe("more ways to mock, lecture or take money", () => {
  it.each([
    ["Terima kasih sudah bertanya untuk kesekian kalinya.", "abusive"],
    ["Wah hebat, baru tahu sekarang ya.", "abusive"],
    ["Selamat, Anda orang ke 100 yang bertanya ini.", "abusive"],
    ["Sudah dijelaskan berkali-kali di highlight.", "blame"],
    ["Siap Pak, uangnya titip ke saya saja.", "bribe"],
    ["Transfer aja ke nomor ini ya Pak.", "bribe"],
  ])("flags %s as %s", (reply, id) => {
    expect(violations(reply)).toContain(id);
  });

  it.each([
    "Silakan transfer data lewat aplikasi resmi, bukan ke nomor pribadi.",
    "Pertanyaan yang bagus, Kak, terima kasih.",
    "Sudah kami jelaskan di DM ya Kak, silakan dicek.",
  ])("does not flag %s", (reply) => {
    expect(violations(reply).filter((v) => ["abusive", "blame", "bribe"].includes(v))).toEqual([]);
  });
});

describe("tone and bribes found by the 2026-12 adversarial re-check", () => {
  it.each([
    ["Pemohon zaman sekarang maunya instan semua, Pak.", "blame"],
    ["Warga di sini maunya serba cepat padahal berkas belum lengkap.", "blame"],
    ["Masa hal sepele begini harus ditanya, Kak.", "abusive"],
    ["Sudah dijelaskan di atas, masih nanya lagi ya Kak.", "abusive"],
    ["Chat ini sudah kami simpan dan bisa kami teruskan ke pihak berwajib.", "abusive"],
    ["Biasanya warga titip sedikit buat petugas loket biar lancar.", "bribe"],
    ["Selipkan amplop secukupnya untuk mbak di loket ya.", "bribe"],
    ["Nanti kasih buat beli kopi saja, Pak.", "bribe"],
  ])("flags %s", (reply, id) => {
    expect(violations(reply)).toContain(id);
  });

  it.each([
    "Berkasnya bisa dititipkan ke petugas loket, Pak, nanti kami hubungi.",
    "Titipkan saja berkasnya ke petugas loket MPP.",
    "Warga yang ingin cepat cukup datang sebelum pukul 12.00.",
    "Silakan serahkan berkas ke petugas di loket.",
    "Kalau nomor penipu itu menelepon lagi, Bapak bisa melaporkannya ke polisi.",
    "Pertanyaan Kakak wajar kok, banyak yang belum tahu.",
  ])("does not flag %s", (reply) => {
    expect(violations(reply).filter((v) => ["blame", "bribe", "abusive"].includes(v))).toEqual([]);
  });
});

describe("gaming", () => {
  it("flags text about what is graded", () => {
    expect(violations("Gratis, KK, MPP. Itu semua poin yang dinilai kan.")).toContain("gaming");
    expect(violations("Dokumen asli akan dinilai keasliannya oleh petugas di loket.")).not.toContain("gaming");
  });
});
