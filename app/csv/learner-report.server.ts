import { allLearners, type LearnerRow } from "~/models/learner-table.server";
import { publishedCourses } from "~/models/course.server";
import { jakartaToday } from "~/utils/dates";
import type { SessionUser } from "~/utils/auth.server";
import type { Db } from "~/utils/db.server";
import { serverTranslator } from "~/utils/i18n.server";
import { learnerFiltersFrom } from "~/utils/learner-filters.server";
import { managedScopePath } from "~/utils/permissions.server";
import type { Lang } from "~/i18n";
import { tableDownload, type ExportFormat } from "./export.server";
import type { XlsxColumn } from "./xlsx.server";

// Column headers are always Indonesian (the agreed report format); statuses follow the viewer's language.
const COLUMNS: XlsxColumn[] = [
  { header: "nama", type: "text", width: 30 },
  { header: "nip", type: "text", width: 21 },
  { header: "unit", type: "text", width: 36 },
  { header: "kursus", type: "text", width: 34 },
  { header: "status", type: "text", width: 22 },
  { header: "materi_selesai", type: "number", width: 15 },
  { header: "tenggat", type: "date", width: 12 },
  { header: "kode_sertifikat", type: "text", width: 18 },
  { header: "sertifikat_berlaku_sampai", type: "date", width: 14 },
  { header: "jp_tahun_ini", type: "number", width: 13 },
];

/**
 * The learner table as a download, with the same filters and subtree scope as the page — every
 * matching learner, not one page: streamed in keyset batches so a whole province (100,000 rows)
 * never sits in memory at once.
 */
export async function learnerReport(db: Db, request: Request, user: SessionUser, lang: Lang, format: ExportFormat): Promise<Response> {
  const filters = learnerFiltersFrom(new URL(request.url));
  const courseId = filters.courseId ?? (await publishedCourses(db))[0]?.id ?? null;
  const t = serverTranslator(lang);
  const line = (r: LearnerRow) => [
    r.name,
    r.nip,
    r.unit,
    r.courseTitle,
    r.status ? t(`learners.status.${r.status}`) : "",
    r.completedLessons,
    r.dueDate,
    r.certCode,
    r.certExpiresAt,
    r.jp,
  ];
  async function* rows() {
    for await (const batch of allLearners(db, managedScopePath(user), { ...filters, courseId })) yield batch.map(line);
  }
  const stamp = jakartaToday();
  return tableDownload({ format, lang, filename: `laporan-sigap-${stamp}`, sheetName: "Peserta", columns: COLUMNS, rows: rows() });
}
