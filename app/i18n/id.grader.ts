/**
 * The words of the grader's own checks (built-in checks of every reply, and a post's own checks), in
 * Bahasa Indonesia: the same as the grader's BUILTIN_TEXT / POST_CHECK_TEXT (a test holds them equal).
 * Server only: a grade already carries its Indonesian words, and `turnFeedback` puts the English
 * ones into the loader data, so the browser bundle carries neither (docs/decisions/010).
 */
export const idGrader = {
  "grader.builtin.bribe.label": "Menawarkan atau menerima imbalan, jalur damai, atau jalan pintas berbayar",
  "grader.builtin.bribe.tip":
    "Layanan tidak boleh dibarter dengan uang, tip, atau hadiah dalam bentuk apa pun. Tolak dengan tegas dan arahkan ke prosedur resmi.",
  "grader.builtin.copy.label": "Menyalin pesan warga",
  "grader.builtin.copy.tip": "Jawab dengan kata-kata Anda sendiri; menempel ulang pesan warga tidak menjawab apa pun.",
  "grader.builtin.gaming.label": "Menulis tentang penilaian, bukan kepada warga",
  "grader.builtin.gaming.tip": "Balasan ditujukan kepada warga. Jangan menyebut kata kunci, skor, atau penilaian.",
  "grader.builtin.keyword-list.label": "Hanya deretan kata kunci, tanpa kalimat",
  "grader.builtin.keyword-list.tip": "Tulis kalimat utuh yang bisa dipahami warga, bukan potongan kata.",
  "grader.builtin.curt.label": "Terlalu singkat dan ketus",
  "grader.builtin.curt.tip": "Sapa warga (Kak, Bapak, Ibu) dan sampaikan isinya dalam kalimat yang sopan, bukan kata demi kata.",
  "grader.builtin.language.label": "Tidak ditulis dalam bahasa Indonesia (atau bahasa daerah latihan ini)",
  "grader.builtin.language.tip": "Balas dalam bahasa Indonesia yang mudah dipahami warga.",
  "grader.builtin.contradiction.label": "Balasan bertentangan dengan dirinya sendiri",
  "grader.builtin.contradiction.tip": "Jangan menyatakan sesuatu lalu menyangkalnya di kalimat lain; warga tidak tahu mana yang benar.",
  "grader.builtin.fact-wrong.label": "Fakta keliru atau janji yang belum pasti",
  "grader.builtin.fact-wrong.tip":
    "Periksa konteks latihan: sebut hanya syarat, biaya, waktu, dan tempat yang benar, dan jangan memastikan hal yang belum terverifikasi.",
  "grader.builtin.abusive.label": "Kata kasar, mengejek, meremehkan, atau mengancam",
  "grader.builtin.abusive.tip": "Balas dengan bahasa santun dan netral. Hindari makian, ejekan, sindiran, dan ancaman, sekesal apa pun warga.",
  "grader.builtin.pii-public.label": "Menulis data pribadi di ruang publik",
  "grader.builtin.pii-public.tip":
    "Jangan menulis ulang NIK, nomor KK, nomor telepon, e-mail, atau alamat warga di kolom publik, meski sebagian disamarkan. Minta warga menghapusnya dan lanjutkan di DM.",
  "grader.builtin.pii-request.label": "Meminta data pribadi atau foto dokumen di tempat yang tidak semestinya",
  "grader.builtin.pii-request.tip":
    "Di ruang publik jangan meminta NIK, nomor KK, telepon, atau alamat: arahkan ke DM atau WhatsApp resmi. Di chat pun jangan meminta NIK atau foto KTP/KK; dokumen asli diperiksa di loket.",
  "grader.builtin.blame.label": "Menyalahkan atau berdebat dengan warga",
  "grader.builtin.blame.tip":
    "Akui keluhannya, minta maaf atas ketidaknyamanan, lalu tawarkan bantuan. Jangan membela diri atau menyalahkan warga, apalagi di depan umum.",
  "grader.builtin.shouting.label": "Berteriak (huruf kapital semua atau tanda seru beruntun)",
  "grader.builtin.shouting.tip": "Tulis dengan huruf biasa dan paling banyak satu tanda seru; huruf kapital semua terbaca seperti membentak.",
  "grader.builtin.empty.label": "Balasan kosong",
  "grader.builtin.empty.tip": "Tulis balasan yang menjawab pesan warga.",
  "grader.builtin.too-long.label": "Balasan terlalu panjang",
  "grader.builtin.too-long.tip": "Ringkas jawaban (paling banyak 300 kata): jawab pertanyaannya dalam beberapa kalimat, lalu tawarkan bantuan lanjutan.",
  "grader.post.copy.label": "Menyalin unggahan seremonial",
  "grader.post.copy.tip": "Tulis ulang dengan kata-kata Anda sendiri: warga perlu informasi layanannya, bukan kalimat acara yang sama.",
  "grader.post.ceremonial.label": "Terlalu banyak basa-basi seremonial atau pujian kepada pejabat",
  "grader.post.ceremonial.tip":
    "Kurangi ucapan terima kasih kepada pejabat, sebutan kehadiran, dan pujian acara; pakai tempatnya untuk syarat, tempat, jam, dan biaya.",
  "grader.post.keyword-list.label": "Deretan kata kunci, bukan kalimat",
  "grader.post.keyword-list.tip":
    "Tulis paling sedikit dua kalimat utuh yang bisa dipahami warga. Daftar syarat boleh, tetapi jangan hanya merangkai kata atau label “Apa:”, “Siapa:”, “Kapan:”.",
  "grader.post.alt-generic.label": "Teks alternatif tidak menjelaskan gambar",
  "grader.post.alt-generic.tip":
    "Jelaskan apa yang tampak di gambar (siapa, sedang apa, tulisan penting di gambar) dalam satu atau dua kalimat; “gambar”, “foto kegiatan”, nama berkas, atau salinan keterangan tidak membantu pembaca layar.",
  "grader.post.too-short.label": "Unggahan terlalu pendek",
  "grader.post.too-short.tip": "Unggahan layanan perlu memuat apa, untuk siapa, di mana, kapan, syarat, biaya, dan kontak dalam kalimat yang jelas.",
  "grader.post.too-long.label": "Unggahan terlalu panjang",
  "grader.post.too-long.tip": "Ringkas: warga membaca di ponsel. Sisakan informasi layanan dan buang yang tidak perlu.",
};

export type GraderKey = keyof typeof idGrader;
