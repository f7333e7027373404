import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/csv/write";
import { dashboardStats, listLearners } from "~/models/dashboard.server";
import { requireRole } from "~/utils/auth.server";
import { getLang, serverTranslator } from "~/utils/i18n.server";
import { learnerFiltersFrom } from "~/utils/learner-filters.server";
import { managedScopePath } from "~/utils/permissions.server";

/** CSV of the learner table with the same filters and the same subtree scope as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["manager", "admin"]);
  const scope = managedScopePath(user);
  const filters = learnerFiltersFrom(new URL(request.url));
  const courseId = filters.courseId ?? (await dashboardStats(scope, null)).selectedCourseId;
  const rows = await listLearners(scope, { ...filters, courseId });
  // Column headers are always Indonesian (the agreed report format); statuses follow the viewer's language.
  const t = serverTranslator(getLang(request));
  const csv = toCsv(
    ["nama", "nip", "unit", "kursus", "status", "materi_selesai", "tenggat", "kode_sertifikat", "sertifikat_berlaku_sampai", "jp_tahun_ini"],
    rows.map((r) => [r.name, r.nip, r.unit, r.courseTitle, r.status ? t(`learners.status.${r.status}`) : "", r.completedLessons, r.dueDate, r.certCode, r.certExpiresAt, r.jp]),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="laporan-sigap-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
