import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/kelola/filter-select";
import { ManageNav } from "~/components/kelola/manage-nav";
import { TableWrap } from "~/components/table-wrap";
import { formatMean, MIN_GROUP, SURVEY_QUESTIONS, surveySummary, type SurveyMeans } from "~/learning/evaluation";
import { publishedCourses } from "~/models/course.server";
import { actionPlans, surveyComments, surveySums } from "~/models/evaluation.server";
import { formatDate } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

const PLANS_SHOWN = 200;

/**
 * Training evaluation for the manager's subtree (decision 016): survey means per course and per
 * unit (small groups hidden), anonymous comments, and each learner's action plan for one course.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, scope, lang }) => {
    const db = await getDb();
    const requested = new URL(request.url).searchParams.get("kursus");
    const [courses, sums] = await Promise.all([publishedCourses(db), surveySums(db, scope)]);
    const answered = new Set(sums.map((s) => s.courseId));
    const selected = courses.find((c) => c.id === requested) ?? courses.find((c) => answered.has(c.id)) ?? courses[0] ?? null;
    const summary = surveySummary(sums, selected?.id ?? null);
    const selectedMeans = selected ? summary.courses.get(selected.id) : undefined;
    const [plans, comments] = selected
      ? await Promise.all([
          actionPlans(db, scope, selected.id, PLANS_SHOWN + 1),
          selectedMeans && selectedMeans.responses >= MIN_GROUP ? surveyComments(db, scope, selected.id) : Promise.resolve(null),
        ])
      : [[], null];
    const unitNames = new Map(sums.map((s) => [s.unitId, s.unitName]));
    return json({
      minGroup: MIN_GROUP,
      courses: courses.map((c) => ({ id: c.id, title: c.title, means: summary.courses.get(c.id) ?? null })),
      selected: selected ? { id: selected.id, title: selected.title } : null,
      units: [...summary.units].map(([id, means]) => ({ id, name: unitNames.get(id) ?? "", means })),
      comments,
      plans: plans.slice(0, PLANS_SHOWN).map((p) => ({
        userId: p.userId,
        name: p.name,
        nip: p.nip,
        unit: p.unit,
        planChange: p.planChange,
        planDue: formatDate(p.planDue, lang),
        planEvidence: p.planEvidence,
        submitted: formatDate(p.submittedAt, lang),
      })),
      morePlans: plans.length > PLANS_SHOWN,
    });
  });
}

function MeanCells({ means, minGroup }: { means: SurveyMeans; minGroup: number }) {
  const t = useT();
  const lang = useLang();
  if (means.overall === null) {
    return (
      <td colSpan={SURVEY_QUESTIONS.length + 1} className="muted">
        {t("evaluation.tooFew", { min: minGroup })}
      </td>
    );
  }
  return (
    <>
      {SURVEY_QUESTIONS.map((q) => (
        <td key={q}>{formatMean(means.means[q]!, lang)}</td>
      ))}
      <td>
        <strong>{formatMean(means.overall, lang)}</strong>
      </td>
    </>
  );
}

function MeanHeader({ first }: { first: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t("evaluation.colResponses")}</th>
        {SURVEY_QUESTIONS.map((q) => (
          <th key={q} scope="col">
            {t(`evaluation.q.${q}`)}
          </th>
        ))}
        <th scope="col">{t("evaluation.colOverall")}</th>
      </tr>
    </thead>
  );
}

export default function Evaluation() {
  const t = useT();
  const { minGroup, courses, selected, units, comments, plans, morePlans } = useLoaderData<typeof loader>();
  const answered = courses.filter((c) => c.means);
  const query = selected ? `?kursus=${encodeURIComponent(selected.id)}` : "";
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("evaluation.title")}</h1>
      <p className="muted">{t("evaluation.intro")}</p>
      <div className="card">
        <h2 id="means-h">{t("evaluation.meansTitle")}</h2>
        <p className="hint">{t("evaluation.meansHint", { min: minGroup })}</p>
        {answered.length === 0 ? (
          <p>{t("evaluation.none")}</p>
        ) : (
          <TableWrap labelledBy="means-h">
            <table className="data">
              <MeanHeader first={t("evaluation.colCourse")} />
              <tbody>
                {answered.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`?kursus=${encodeURIComponent(c.id)}`}>{c.title}</Link>
                    </th>
                    <td>{c.means!.responses}</td>
                    <MeanCells means={c.means!} minGroup={minGroup} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </div>
      <Form method="get" className="card filters">
        <FilterSelect id="kursus" label={t("evaluation.filterCourse")} value={selected?.id} options={courses.map((c) => ({ value: c.id, label: c.title }))} />
        <div className="row">
          <button type="submit" className="button">
            {t("evaluation.show")}
          </button>
        </div>
      </Form>
      {selected ? (
        <>
          {units.length > 0 ? (
            <div className="card">
              <h2 id="units-h">{t("evaluation.unitsTitle", { course: selected.title })}</h2>
              <TableWrap labelledBy="units-h">
                <table className="data">
                  <MeanHeader first={t("evaluation.colUnit")} />
                  <tbody>
                    {units.map((u) => (
                      <tr key={u.id}>
                        <th scope="row">{u.name}</th>
                        <td>{u.means.responses}</td>
                        <MeanCells means={u.means} minGroup={minGroup} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </div>
          ) : null}
          <section className="card" aria-labelledby="comments-h">
            <h2 id="comments-h">{t("evaluation.commentsTitle", { course: selected.title })}</h2>
            {comments === null ? (
              <p className="hint">{t("evaluation.commentsHidden", { min: minGroup })}</p>
            ) : comments.length === 0 ? (
              <p>{t("evaluation.noComments")}</p>
            ) : (
              <ul>
                {comments.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="stack">
            <h2 id="plans-h">{t("evaluation.plansTitle", { course: selected.title })}</h2>
            {plans.length === 0 ? (
              <p className="card">{t("evaluation.noPlans")}</p>
            ) : (
              <TableWrap labelledBy="plans-h">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("evaluation.colName")}</th>
                      <th scope="col">{t("evaluation.colNip")}</th>
                      <th scope="col">{t("evaluation.colUnit")}</th>
                      <th scope="col">{t("evaluation.colPlan")}</th>
                      <th scope="col">{t("evaluation.colDue")}</th>
                      <th scope="col">{t("evaluation.colEvidence")}</th>
                      <th scope="col">{t("evaluation.colSubmitted")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plans.map((p) => (
                      <tr key={p.userId}>
                        <td>
                          <Link to={`/kelola/peserta/${p.userId}`}>{p.name}</Link>
                        </td>
                        <td>{p.nip ?? "—"}</td>
                        <td>{p.unit}</td>
                        <td className="prewrap">{p.planChange}</td>
                        <td>{p.planDue}</td>
                        <td className="prewrap">{p.planEvidence}</td>
                        <td>{p.submitted}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {morePlans ? <p className="hint">{t("evaluation.plansMore", { shown: plans.length })}</p> : null}
          </div>
        </>
      ) : null}
      <section className="card" aria-labelledby="export-h">
        <h2 id="export-h">{t("evaluation.exportTitle")}</h2>
        <p className="hint">{t("evaluation.exportHint", { min: minGroup })}</p>
        <p className="row">
          <a className="button secondary" href={`/kelola/evaluasi.xlsx${query}`} download>
            {t("evaluation.exportPlansXlsx")}
          </a>
          <a className="button secondary" href={`/kelola/evaluasi.csv${query}`} download>
            {t("evaluation.exportPlansCsv")}
          </a>
          <a className="button secondary" href="/kelola/evaluasi.xlsx?jenis=rerata" download>
            {t("evaluation.exportMeansXlsx")}
          </a>
          <a className="button secondary" href="/kelola/evaluasi.csv?jenis=rerata" download>
            {t("evaluation.exportMeansCsv")}
          </a>
        </p>
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "evaluation.title");
