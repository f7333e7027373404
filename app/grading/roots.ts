/**
 * A compact list of Indonesian root words (kata dasar) for the stemmer.
 *
 * The stemmer is rule-based; this list only resolves what rules cannot decide:
 * - morphophonemic ambiguity: meng+V ("mengirim" → kirim, "mengurus" → urus),
 *   mem+V (memakai → pakai, meminta → minta), men+V (menulis → tulis, menikah → nikah);
 * - roots that look affixed: berkas, perlu, selamat, terima, pesan, bukan, kena, sebut, bebas.
 * Public-service vocabulary is over-represented on purpose.
 */
export const ROOT_WORDS = `
abai abang abdi acara ada adat adik adil adu agak agama agar agen ahli air ajak ajar aju akal akan akhir akibat akrab aksi aktif akta akun akurat
alam alamat alami alas alat alih alir aman amat ambil ampun anak ancam andal aneh angka angkat angkut anjur antar antre antri anggap anggar anggota
apa api arah arahan arsip arti asal asing asli atas atur awal awas ayah ayo
bagi bagus bahasa bahaya bahwa baik baju baku balas balik banding bangga bangun bantu banyak bapak baru baris batal batas bawa bawah bayar bayi
beda bebas beber bekal bela belakang belanja beli belum benar bencana bentuk berani berat beras beri berita berkas bersih besar betul biasa biaya
bicara bijak bila bimbing bina bingung bisa blanko blokir bocor bodoh bohong boleh bolak buat bujuk buka bukan bukti buku bulan buruk butuh
cabut cair cakap calo camat cantum capai capek cara catat cegah cek cepat cerah cerita cermat cetak cicil cinta cipta cocok contoh coba cukup
curang curiga
daftar dalam damai dampak dapat darah dari darurat dasar data datang daulat dekat demi denda dengan dengar depan desa desak detail dewasa
diam dini dinas diri disdukcapil diskon dokumen domisili dua duduk dukung dulu duga dukcapil
edar edit efektif ejek ekspedisi elektronik email emosi empat enak entah
fakta filter foto fotokopi fungsi
gaji gampang ganggu ganti gratis guna gunting guru
habis hadap hadir hak hal halaman hambat hampir hangat hanya harap harga hari harus hasil hati hapus hebat hemat hendak heran hidup hilang
hindar hitung hoaks hormat hubung hukum hutang
ibu ijazah ikat ikut ilmu imbau indah informasi ingat ingin ini inti isi istirahat izin iris
jabat jadi jaga jalan jalur jam jamin janji jangan jangka jarang jari jasa jawab jelas jelek jemput jenis jual juga jujur jumpa
kabar kacau kait kakak kali kalian kamar kami kamu kanal kantor kapan karena karya kartu kasih kasus kata kawal kawin kecewa kecil
keluar keluarga keluh kemarin kembali kena kenal kenapa kepada kepala keras kerja kesal ketik ketua khawatir khusus kirim kita klarifikasi
kolom komentar konfirmasi konsultasi kontak kosong kota kritik kuasa kumpul kunci kunjung kurang kutip
laku lalu lama lambat lampir langgar langsung lanjut lapor larang lari lawan layak layan lebih lekas lelah lengkap lepas lewat libur lihat
lindung lingkung lisan luang luar lupa lurah lurus
maaf macet main maju makan maklum maksud malam malas malu mampu mana mandiri manfaat marah masa masalah masih masuk masyarakat mata mati
mau media medis meja memang menang menit mental merdeka mereka milik minta minggu miskin mohon muat mudah mula mulai muncul mundur musuh mutu
nama nanti nasihat negara nikah nilai niat nomor nyaman nyata
obat ojek olah omong online operator orang otak
pada padahal pagi paham paksa pakai paket palsu panggil panik pantau pasti patuh pegawai pejabat peka pelan penting percaya perlu pernah
persen pertama pesan petugas pihak pikir pilih pimpin pindah pinjam pintar pintu privasi proses publik pukul pulang pungut punya pusat putus
rahasia ragu rajin rakyat ramah rampung rapi rawan rekam rekomendasi remaja rencana repot resmi respons retribusi ribet ribu rinci risiko
ruang rugi rumah rupa rusak
saat sabar sadar saja saksi salah salin saluran sama sampai sanksi santun sapa saran sarana satu sayang sebab sebar sebelum sebut sedang
sedia segera sehat sekali sekarang sekolah selalu selamat selesai semangat sembunyi sementara semua sendiri senang sensor sepakat seperti
serah serta sering sesuai setia setuju siap siapa sidik siang simpan singkat sini sipil situ sistem sopan sosial status stok suami suara
sudah suka sulit sumber surat susah syarat
tagih tahan tahu tahun takut tambah tampil tanda tangan tanggal tanggap tanggung tangkap tanpa tanya tarif tata tawar teguh telat telepon
teliti teman tempat tempel temu tenang tentang tentu tepat terang terima terus tetap tetapi tiba tidak tiket tindak tinggal tipu titip tolak
tolong tonton tua tuduh tugas tuju tulis tunda tunggu tunjuk turun tutup
uang ubah ucap udara ujar ulang umum umur undang unggah untuk upaya urus urut usah usaha usia usul utama
valid verifikasi viral
waktu wajar wajib wakil warga wilayah
yakin yang
akses bagaimana begitu begini bersama berapa dimana kemudian kepada ketika lagi masing memang pada sampai sebagai secara setelah sudah tetapi
hanya bukan belum jangan tidak adalah agar supaya karena
gratis hoaks calo pungli ombudsman sp4n lapor disdukcapil dukcapil mpp ktp kia nik dm inbox whatsapp instagram facebook email
selasa rabu kamis jumat sabtu senin minggu
beritahu
kerja kertas kereta keliru kelola kejar kelas keren ketat keparat kampungan murahan rendahan semoga sesudah setiap segala digital disiplin menu merah mesin
pergi perintah periksa perkara penjara tengah tertib telah tenaga tetangga teknis tegas tekan beban bulan badan taman hujan kawan zaman lain
mungkin cari tinggi peduli polisi administrasi instansi regulasi sosialisasi publikasi aplikasi lokasi edukasi situasi posisi kondisi
koordinasi partisipasi transparansi tamu kalah jumlah langkah sedikit sebentar sekitar selama sewa setan ongkos mahal murah langka tipis
posting makelar antara oknum suap gratifikasi biometrik salam sore sambut tarik bangsa kontrol
`;
