import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FinalScore } from "~/components/final-score";
import { getTextEntry, listTextEntries } from "~/exercises/entries.server";
import { listAttemptsInScope, regradeExercise } from "~/models/exercise-attempt.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import type { StringsHandle } from "~/i18n";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { practice: idPractice } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ user }) => {
    // DM replies and post rewrites: every exercise graded as free text.
    const entries = await listTextEntries();
    const attempts = await listAttemptsInScope(
      await getDb(),
      managedScopePath(user),
      entries.map((e) => e.grading.slug),
    );
    return json({
      i18n: englishParts(args.request, handle),
      exercises: entries.map((e) => ({ slug: e.grading.slug, title: e.title, course: e.course.meta.title })),
      attempts: attempts.map((a) => ({ ...a, completedAt: a.completedAt?.toISOString() ?? null })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "studio:open", keep: {} }, async ({ user, form }) => {
    const entry = await getTextEntry(String(form.get("slug") ?? ""), true);
    if (!entry) throw new Response("Not found", { status: 404 });
    const result = await regradeExercise(await getDb(), user.id, managedScopePath(user), entry.grading, {
      lessonId: entry.ids.lessonId,
      courseId: entry.ids.courseId,
    });
    return json({ slug: entry.grading.slug, ...result });
  });
}

export default function StaffAttempts() {
  const t = useT();
  const { exercises, attempts } = useLoaderData<typeof loader>();
  const regraded = useActionData<typeof action>();
  const titleOf = (slug: string) => exercises.find((e) => e.slug === slug)?.title ?? slug;
  return (
    <section className="stack">
      <h1>{t("staff.attempts")}</h1>
      <p className="muted">{t("staff.attemptsIntro")}</p>
      <p>
        <Link to="/studio/uji-rubrik">{t("staff.playground")} →</Link>
      </p>
      {regraded ? (
        <p className="alert success" role="status">
          {titleOf(regraded.slug)}: {t("staff.regraded", { attempts: regraded.attempts, changed: regraded.changed })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("staff.exercise")}</th>
              <th scope="col">{t("staff.learner")}</th>
              <th scope="col">{t("staff.score")}</th>
              <th scope="col">{t("staff.result")}</th>
              <th scope="col">{t("staff.open")}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("staff.none")}</td>
              </tr>
            ) : null}
            {attempts.map((a) => {
              const passed = a.overridePassed ?? a.passed;
              return (
                <tr key={a.id}>
                  <td>{titleOf(a.exerciseSlug)}</td>
                  <td>
                    {a.learnerName}
                    <div className="meta muted">{a.agencyName}</div>
                  </td>
                  <td>
                    <FinalScore attempt={a} />
                    {a.overrideScore !== null ? <span className="badge warn"> {t("staff.overridden")}</span> : null}
                  </td>
                  <td>
                    {a.reviewStatus === "pending" ? (
                      <Link to={`/studio/tinjauan/${a.id}`} className="badge warn">
                        {t("exercise.reviewPendingBadge")}
                      </Link>
                    ) : (
                      <span className={`badge ${passed ? "ok" : "bad"}`}>{t(passed ? "exercise.passed" : "exercise.failed")}</span>
                    )}
                  </td>
                  <td>
                    <Link to={`/studio/latihan/${a.id}`} aria-label={`${t("staff.open")}: ${a.learnerName}, ${titleOf(a.exerciseSlug)}`}>
                      {t("staff.open")}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{t("staff.regrade")}</h2>
      <ul className="outline">
        {exercises.map((e) => (
          <li key={e.slug}>
            <span>
              {e.title} <span className="meta muted">· {e.course}</span>
            </span>
            <Form method="post">
              <input type="hidden" name="slug" value={e.slug} />
              <button type="submit" className="button secondary" aria-label={`${t("staff.regrade")}: ${e.title}`}>
                {t("staff.regrade")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.attempts");
