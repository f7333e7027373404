import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { HighlightedReply, TurnFeedback } from "~/components/exercise/turn-feedback";
import { turnFeedback } from "~/exercises/dm.server";
import { getTextEntry, listTextEntries } from "~/exercises/entries.server";
import { MAX_REPLY_CHARS } from "~/exercises/limits";
import { readFacts } from "~/grading";
import type { MessageKey, StringsHandle } from "~/i18n";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { practice: idPractice } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({}) => {
    // DM turns and post rewrites (one turn: the ceremonial post).
    const entries = await listTextEntries();
    return json({
      i18n: englishParts(args.request, handle),
      exercises: entries.map((e) => ({
        slug: e.grading.slug,
        title: e.title,
        turns: e.grading.turns,
      })),
    });
  });
}

/** Grades a sample reply without storing anything (drafts included): rubric tests before publishing. */
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "studio:open", keep: { reply: { show: "textarea", label: "staff.sampleReply" } } }, async ({ form, lang }) => {
    const target = String(form.get("target") ?? "");
    const reply = String(form.get("reply") ?? "").slice(0, MAX_REPLY_CHARS);
    const [slug, turnId] = target.split("#");
    const entry = await getTextEntry(slug ?? "", true);
    const turn = entry?.grading.turns.find((t) => t.id === turnId);
    if (!entry || !turn) return json({ target, reply, feedback: null, facts: null }, { status: 400 });
    const { grading } = entry;
    const grade = grading.grade(turn.id, reply);
    const feedback = turnFeedback({ turnId: turn.id, citizenMessage: turn.message, reply, replySeconds: null, grade }, grading.exercise, {
      lang,
      post: entry.kind === "post",
    });
    // What the grader reads the reply as claiming, per fact slot (null: the exercise declares no facts).
    const facts = grading.exercise.facts
      ? readFacts(grading.exercise, reply, turn.id).map((c) => ({
          slot: c.slot,
          value: c.value,
          stance: c.stance,
          certain: c.certain,
          verdict: c.verdict,
          evidence: c.evidence.text,
          message: c.message ?? null,
        }))
      : null;
    return json({ target, reply, feedback, facts });
  });
}

export default function RubricPlayground() {
  const t = useT();
  const { exercises } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("staff.playground")}</h1>
      <p className="muted">{t("staff.playgroundIntro")}</p>
      <Form method="post" className="card">
        <div className="field">
          <label htmlFor="target">
            {t("staff.exercise")} / {t("staff.turn")}
          </label>
          <select id="target" name="target" defaultValue={result?.target}>
            {exercises.map((e) => (
              <optgroup key={e.slug} label={e.title}>
                {e.turns.map((turn) => (
                  <option key={turn.id} value={`${e.slug}#${turn.id}`}>
                    {turn.id}: {turn.message.slice(0, 70)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reply">{t("staff.sampleReply")}</label>
          <textarea id="reply" name="reply" defaultValue={result?.reply ?? ""} maxLength={MAX_REPLY_CHARS} />
        </div>
        <button type="submit" className="button">
          {t("staff.grade")}
        </button>
      </Form>
      {result?.feedback ? (
        <div className="card" aria-live="polite">
          <p className="reply-text">
            <HighlightedReply segments={result.feedback.segments} />
          </p>
          <TurnFeedback turn={result.feedback} targetSeconds={null} />
        </div>
      ) : null}
      {result?.feedback ? (
        <section className="card" aria-labelledby="fact-reading">
          <h2 id="fact-reading">{t("facts.heading")}</h2>
          <p className="muted">{t("facts.intro")}</p>
          {result.facts === null ? (
            <p>{t("facts.noFacts")}</p>
          ) : result.facts.length === 0 ? (
            <p>{t("facts.none")}</p>
          ) : (
            <table className="data cards-sm">
              <thead>
                <tr>
                  <th scope="col">{t("facts.col.slot")}</th>
                  <th scope="col">{t("facts.col.value")}</th>
                  <th scope="col">{t("facts.col.stance")}</th>
                  <th scope="col">{t("facts.col.verdict")}</th>
                  <th scope="col">{t("facts.col.evidence")}</th>
                </tr>
              </thead>
              <tbody>
                {result.facts.map((c, i) => (
                  <tr key={i}>
                    <td data-label={t("facts.col.slot")}>{t(`facts.slot.${c.slot}` as MessageKey)}</td>
                    <td data-label={t("facts.col.value")}>{c.value}</td>
                    <td data-label={t("facts.col.stance")}>
                      {t(`facts.stance.${c.stance}` as MessageKey)}
                      {c.certain ? `, ${t("facts.certain")}` : ""}
                    </td>
                    <td data-label={t("facts.col.verdict")}>
                      {t(`facts.verdict.${c.verdict}` as MessageKey)}
                      {c.message ? <span className="muted"> — {c.message}</span> : null}
                    </td>
                    <td data-label={t("facts.col.evidence")}>«{c.evidence}»</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.playground");
