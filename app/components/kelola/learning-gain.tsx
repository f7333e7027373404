import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/utils/i18n";

export type GainRow = { courseId: string; title: string; pre: { mean: number; learners: number } | null; post: { mean: number; learners: number } | null };

/** Mean pre-test vs best final-quiz score per course in the manager's subtree (LAN learning gain). */
export function LearningGain({ rows }: { rows: GainRow[] }) {
  const t = useT();
  if (rows.length === 0) return null;
  const cell = (m: GainRow["pre"]) => (m ? t("gain.mean", { mean: m.mean, learners: m.learners }) : "–");
  return (
    // The scroller is the named region (a cheap phone is narrower than four columns).
    <section className="card">
      <h2 id="gain-h">{t("gain.title")}</h2>
      <p className="hint">{t("gain.hint")}</p>
      <TableWrap labelledBy="gain-h">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("gain.course")}</th>
              <th scope="col">{t("gain.pre")}</th>
              <th scope="col">{t("gain.post")}</th>
              <th scope="col">{t("gain.gain")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.courseId}>
                <th scope="row">{r.title}</th>
                <td>{cell(r.pre)}</td>
                <td>{cell(r.post)}</td>
                <td>{r.pre && r.post ? `${r.post.mean - r.pre.mean >= 0 ? "+" : ""}${r.post.mean - r.pre.mean}` : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
