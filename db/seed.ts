import { createAgency, getAgencyByCode } from "../app/models/agency.server";
import { countUsers, createUser } from "../app/models/user.server";
import type { Db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";
import { seededRandom, seedHistory } from "./seed-history";
import { users, type Role } from "./schema";

export const DEMO_PASSWORD = "sigap-demo-2026";

/** Agency tree used in demos and end-to-end tests; codes follow the Kemendagri region codes. */
const demoAgencies = [
  { code: "16", name: "Provinsi Sumatera Selatan", kind: "province", parent: null },
  { code: "16.01", name: "Kabupaten Ogan Komering Ulu", kind: "regency", parent: "16" },
  { code: "16.01.DUKCAPIL", name: "Disdukcapil OKU", kind: "agency", parent: "16.01" },
  { code: "16.01.DUKCAPIL.PDP", name: "Bidang Pelayanan Pendaftaran Penduduk", kind: "unit", parent: "16.01.DUKCAPIL" },
  { code: "16.01.DUKCAPIL.CAPIL", name: "Bidang Pelayanan Pencatatan Sipil", kind: "unit", parent: "16.01.DUKCAPIL" },
  { code: "36", name: "Provinsi Banten", kind: "province", parent: null },
  { code: "36.01", name: "Kabupaten Pandeglang", kind: "regency", parent: "36" },
  { code: "36.01.KOMINFO", name: "Diskominfo Pandeglang", kind: "agency", parent: "36.01" },
  { code: "36.01.KOMINFO.IKP", name: "Bidang Informasi dan Komunikasi Publik", kind: "unit", parent: "36.01.KOMINFO" },
  { code: "36.01.KOMINFO.APTIKA", name: "Bidang Aplikasi Informatika", kind: "unit", parent: "36.01.KOMINFO" },
] as const;

const demoAccounts: { email: string; name: string; role: Role; agency: string }[] = [
  { email: "admin@demo.sigap.id", name: "Admin Sigap", role: "admin", agency: "16" },
  { email: "instruktur@demo.sigap.id", name: "Dewi Lestari", role: "instructor", agency: "16" },
  { email: "manajer@demo.sigap.id", name: "Hendra Saputra", role: "manager", agency: "16.01.DUKCAPIL" },
  { email: "manajer.banten@demo.sigap.id", name: "Siti Rohmah", role: "manager", agency: "36.01.KOMINFO" },
  { email: "peserta@demo.sigap.id", name: "Rina Marlina", role: "learner", agency: "16.01.DUKCAPIL.PDP" },
];

const firstNames = [
  "Agus",
  "Budi",
  "Citra",
  "Dian",
  "Eka",
  "Fajar",
  "Gita",
  "Hadi",
  "Indah",
  "Joko",
  "Kartika",
  "Lukman",
  "Maya",
  "Nanda",
  "Oki",
  "Putri",
  "Rizky",
  "Sari",
  "Taufik",
  "Umi",
  "Wahyu",
];
const lastNames = ["Pratama", "Wijaya", "Lestari", "Hidayat", "Kusuma", "Nugroho", "Rahmawati", "Siregar", "Syahputra", "Utami"];
const learnerUnits = ["16.01.DUKCAPIL.PDP", "16.01.DUKCAPIL.CAPIL", "16.01.DUKCAPIL", "36.01.KOMINFO.IKP", "36.01.KOMINFO.APTIKA", "36.01.KOMINFO"];
// More staff for the history (issue 15 item 5): enough people per unit for the charts to mean something.
const moreFirstNames = [
  "Adi",
  "Bayu",
  "Dewi",
  "Erna",
  "Fitri",
  "Galih",
  "Hana",
  "Irfan",
  "Januar",
  "Kiki",
  "Lia",
  "Mira",
  "Nur",
  "Rahmat",
  "Sinta",
  "Tri",
  "Wulan",
  "Yogi",
  "Zulkifli",
  "Ratna",
  "Andi",
  "Bambang",
  "Desi",
  "Ferry",
];
const moreLastNames = ["Saputra", "Hasibuan", "Maharani", "Purnomo", "Anggraini", "Setiawan", "Harahap", "Fitriani", "Gunawan", "Susanti", "Ramadhan", "Pohan"];
const HISTORY_STAFF = 60;

/** A valid-looking 18-digit NIP: birth date + appointment year/month + gender + sequence. */
export function demoNip(i: number): string {
  const birth = `19${80 + (i % 15)}${String((i % 12) + 1).padStart(2, "0")}${String((i % 27) + 1).padStart(2, "0")}`;
  const appointed = `20${10 + (i % 12)}${String(((i * 5) % 12) + 1).padStart(2, "0")}`;
  return `${birth}${appointed}${(i % 2) + 1}${String(i).padStart(3, "0")}`;
}

/** Inserts demo agencies and accounts unless users already exist. Returns true when it seeded. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  return db.transaction(async (tx) => {
    for (const a of demoAgencies) {
      const parent = a.parent ? await getAgencyByCode(tx, a.parent) : null;
      await createAgency(tx, { code: a.code, name: a.name, kind: a.kind, parentId: parent?.id ?? null });
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const agencyId = async (code: string) => (await getAgencyByCode(tx, code))!.id;
    let i = 1;
    for (const acc of demoAccounts) {
      await createUser(tx, { ...acc, nip: acc.role === "admin" ? null : demoNip(i++), agencyId: await agencyId(acc.agency), passwordHash }, null);
    }
    for (let n = 0; n < 42; n++) {
      const name = `${firstNames[n % firstNames.length]} ${lastNames[(n * 7) % lastNames.length]}`;
      const email = `peserta${String(n + 1).padStart(2, "0")}@demo.sigap.id`;
      await createUser(
        tx,
        { name, email, role: "learner", nip: demoNip(i++), agencyId: await agencyId(learnerUnits[n % learnerUnits.length]!), passwordHash },
        null,
      );
    }
    // One statement for the history staff: nothing is assigned yet, so there is nothing to enrol them in.
    const rng = seededRandom(1703);
    const unitIds = new Map<string, string>();
    for (const code of learnerUnits) unitIds.set(code, await agencyId(code));
    await tx.insert(users).values(
      Array.from({ length: HISTORY_STAFF }, (_, n) => ({
        id: `demo-pegawai-${String(n + 1).padStart(3, "0")}`,
        name: `${rng.pick(moreFirstNames)} ${rng.pick(moreLastNames)}`,
        email: `pegawai${String(n + 1).padStart(3, "0")}@demo.sigap.id`,
        nip: demoNip(i++),
        agencyId: unitIds.get(learnerUnits[(n * 5 + 1) % learnerUnits.length]!)!,
        role: "learner" as const,
        passwordHash,
        passwordSetAt: now,
      })),
    );
    await seedHistory(tx, now);
    return true;
  });
}
