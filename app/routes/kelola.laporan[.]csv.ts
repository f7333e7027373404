import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvLines, toCsv } from "~/csv/write";
import { allLearners, publishedCourses, type LearnerRow } from "~/models/dashboard.server";
import { getLang, serverTranslator } from "~/utils/i18n.server";
import { learnerFiltersFrom } from "~/utils/learner-filters.server";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader } from "~/utils/pipeline.server";

// Column headers are always Indonesian (the agreed report format); statuses follow the viewer's language.
const HEADER = ["nama", "nip", "unit", "kursus", "status", "materi_selesai", "tenggat", "kode_sertifikat", "sertifikat_berlaku_sampai", "jp_tahun_ini"];

/**
 * CSV of the learner table with the same filters and the same subtree scope as the page —
 * every matching learner, not one page: streamed in keyset batches so a whole province
 * (100,000 rows) never sits in memory at once.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, user }) => {
  const scope = managedScopePath(user);
  const filters = learnerFiltersFrom(new URL(request.url));
  const courseId = filters.courseId ?? (await publishedCourses())[0]?.id ?? null;
  const t = serverTranslator(getLang(request));
  const line = (r: LearnerRow) => [r.name, r.nip, r.unit, r.courseTitle, r.status ? t(`learners.status.${r.status}`) : "", r.completedLessons, r.dueDate, r.certCode, r.certExpiresAt, r.jp];
  const batches = allLearners(scope, { ...filters, courseId });
  // The first batch is read before answering, so a failing query still gets a proper error page.
  const first = await batches.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toCsv(HEADER, first.done ? [] : first.value.map(line))));
      if (first.done) controller.close();
    },
    async pull(controller) {
      const batch = await batches.next();
      if (batch.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(batch.value.map(line))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="laporan-sigap-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
};
