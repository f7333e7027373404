import { jakartaToday } from "~/utils/dates";
import { SURVEY_QUESTIONS, surveySummary, type SurveyMeans } from "~/learning/evaluation";
import { publishedCourses } from "~/models/course.server";
import { actionPlans, surveySums } from "~/models/evaluation.server";
import type { Db } from "~/utils/db.server";
import { serverTranslator } from "~/utils/i18n.server";
import type { Scope } from "~/utils/permissions.server";
import type { Lang } from "~/i18n";
import { tableDownload, type ExportFormat } from "./export.server";
import type { CsvCell } from "./write";
import type { XlsxColumn } from "./xlsx.server";

// Column headers are Indonesian whatever the viewer's language (the agreed report format).
const PLAN_COLUMNS: XlsxColumn[] = [
  { header: "nama", type: "text", width: 30 },
  { header: "nip", type: "text", width: 21 },
  { header: "unit", type: "text", width: 32 },
  { header: "kursus", type: "text", width: 32 },
  { header: "rencana_perubahan", type: "text", width: 60 },
  { header: "target", type: "date", width: 12 },
  { header: "cara_atasan_melihat", type: "text", width: 50 },
  { header: "dikirim", type: "date", width: 12 },
  { header: "diubah", type: "date", width: 12 },
];

const MEAN_COLUMNS: XlsxColumn[] = [
  { header: "kursus", type: "text", width: 32 },
  { header: "unit", type: "text", width: 32 },
  { header: "tanggapan", type: "number", width: 11 },
  ...(["relevan", "jelas", "latihan", "waktu_sepadan", "direkomendasikan"] as const).map((h): XlsxColumn => ({ header: h, type: "number", width: 15 })),
  { header: "rata_rata", type: "number", width: 11 },
];

const stamp = () => jakartaToday();

/**
 * The evaluation page as a download: `jenis=rerata` gives the means per course and unit (groups
 * under MIN_GROUP left blank, as on the page), otherwise the action plans of the chosen course
 * (`kursus`, or every course) per learner — both scoped to the manager's subtree in SQL.
 */
export async function evaluationReport(db: Db, request: Request, scope: Scope, lang: Lang, format: ExportFormat): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.get("jenis") === "rerata") return meansReport(db, scope, lang, format);
  const courseId = url.searchParams.get("kursus") || null;
  const plans = await actionPlans(db, scope, courseId);
  const rows: CsvCell[][] = plans.map((p) => [p.name, p.nip, p.unit, p.courseTitle, p.planChange, p.planDue, p.planEvidence, p.submittedAt, p.updatedAt]);
  return tableDownload({ format, lang, filename: `rencana-aksi-sigap-${stamp()}`, sheetName: "Rencana aksi", columns: PLAN_COLUMNS, rows });
}

async function meansReport(db: Db, scope: Scope, lang: Lang, format: ExportFormat): Promise<Response> {
  const [courses, sums] = await Promise.all([publishedCourses(db), surveySums(db, scope)]);
  const t = serverTranslator(lang);
  const names = new Map(sums.map((s) => [s.unitId, s.unitName]));
  // Indonesian Excel reads "4,3" as a number and "4.3" as text; the workbook stores real numbers.
  const decimal = (n: number | null): CsvCell => (n === null ? null : format === "csv" && lang === "id" ? String(n).replace(".", ",") : n);
  const line = (course: string, unit: string, m: SurveyMeans): CsvCell[] => [
    course,
    unit,
    m.responses,
    ...SURVEY_QUESTIONS.map((q) => decimal(m.means[q])),
    decimal(m.overall),
  ];
  const rows: CsvCell[][] = [];
  for (const course of courses) {
    const summary = surveySummary(sums, course.id);
    const total = summary.courses.get(course.id);
    if (!total) continue;
    rows.push(line(course.title, t("evaluation.allUnits"), total));
    for (const [unitId, means] of summary.units) rows.push(line(course.title, names.get(unitId) ?? "", means));
  }
  return tableDownload({ format, lang, filename: `evaluasi-sigap-${stamp()}`, sheetName: "Rata-rata", columns: MEAN_COLUMNS, rows });
}
