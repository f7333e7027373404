import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ReviewReasons } from "~/components/studio/review-reasons";
import { listExerciseEntries } from "~/exercises/entries.server";
import { getDb } from "~/utils/db.server";
import { listReviewQueue } from "~/models/exercise-attempt.server";
import { formatDate, formatTime } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";

/** The review queue: doubtful (and sampled) passes of learners in the instructor's subtree, oldest first. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ scope }) => {
    const [queue, entries] = await Promise.all([listReviewQueue(await getDb(), scope), listExerciseEntries()]);
    const titles = new Map(entries.map((e) => [e.lesson.slug, e.title]));
    return json({
      queue: queue.map((q) => ({
        id: q.id,
        learnerName: q.learnerName,
        agencyName: q.agencyName,
        exercise: titles.get(q.exerciseSlug) ?? q.exerciseSlug,
        score: q.score,
        reasons: q.reasons,
        completedAt: q.completedAt?.toISOString() ?? null,
      })),
    });
  });
}

export default function ReviewQueue() {
  const t = useT();
  const lang = useLang();
  const { queue } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section className="stack">
      <h1>{t("review.queueTitle")}</h1>
      <p className="muted">{t("review.queueIntro")}</p>
      <p className="row">
        <Link to="/studio/kesepakatan">{t("agreement.title")} →</Link>
        <Link to="/studio/latihan">{t("staff.attempts")} →</Link>
      </p>
      {params.get("diputuskan") ? (
        <p className="alert success" role="status">
          {t("review.decided")}
        </p>
      ) : null}
      <p>{t("review.waiting", { count: queue.length })}</p>
      <div className="table-wrap">
        <table className="data cards-sm">
          <thead>
            <tr>
              <th scope="col">{t("review.since")}</th>
              <th scope="col">{t("staff.learner")}</th>
              <th scope="col">{t("staff.exercise")}</th>
              <th scope="col">{t("review.reasons")}</th>
              <th scope="col">{t("staff.score")}</th>
              <th scope="col">{t("staff.open")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.length === 0 ? (
              <tr>
                <td colSpan={6}>{t("review.empty")}</td>
              </tr>
            ) : null}
            {queue.map((q) => (
              <tr key={q.id}>
                <td data-label={t("review.since")}>{q.completedAt ? `${formatDate(q.completedAt, lang)}, ${formatTime(q.completedAt, lang)}` : "–"}</td>
                <td data-label={t("staff.learner")}>
                  {q.learnerName}
                  <div className="meta muted">{q.agencyName}</div>
                </td>
                <td data-label={t("staff.exercise")}>{q.exercise}</td>
                <td data-label={t("review.reasons")}>
                  <ReviewReasons reasons={q.reasons} />
                </td>
                <td data-label={t("staff.score")}>{q.score ?? "–"}</td>
                <td>
                  <Link to={`/studio/tinjauan/${q.id}`} aria-label={`${t("review.open")}: ${q.learnerName}, ${q.exercise}`}>
                    {t("review.open")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "review.queueTitle");
