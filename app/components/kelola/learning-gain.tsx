import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/utils/i18n";

type Mean = { mean: number; learners: number } | null;
export type GainRow = { courseId: string; title: string; pre: Mean; post: Mean };
export type UnitGainRow = { unitId: string; unit: string; pre: Mean; post: Mean };

/**
 * Mean pre-test vs best final-quiz score (LAN learning gain) in the manager's subtree: per course,
 * and for the selected course per unit.
 */
export function LearningGain({ rows, units, courseTitle }: { rows: GainRow[]; units: UnitGainRow[]; courseTitle: string | null }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <section className="card">
      <h2 id="gain-h">{t("gain.title")}</h2>
      <p className="hint">{t("gain.hint")}</p>
      {/* The scroller is the named region (a cheap phone is narrower than four columns). */}
      <GainTable labelledBy="gain-h" first={t("gain.course")} rows={rows.map((r) => ({ key: r.courseId, name: r.title, pre: r.pre, post: r.post }))} />
      {units.length > 0 && courseTitle ? (
        <>
          <h3 id="gain-unit-h">{t("gain.byUnit", { course: courseTitle })}</h3>
          <GainTable labelledBy="gain-unit-h" first={t("gain.unit")} rows={units.map((u) => ({ key: u.unitId, name: u.unit, pre: u.pre, post: u.post }))} />
        </>
      ) : null}
    </section>
  );
}

function GainTable({ labelledBy, first, rows }: { labelledBy: string; first: string; rows: { key: string; name: string; pre: Mean; post: Mean }[] }) {
  const t = useT();
  const cell = (m: Mean) => (m ? t("gain.mean", { mean: m.mean, learners: m.learners }) : "–");
  return (
    <TableWrap labelledBy={labelledBy}>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{t("gain.pre")}</th>
            <th scope="col">{t("gain.post")}</th>
            <th scope="col">{t("gain.gain")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td>{cell(r.pre)}</td>
              <td>{cell(r.post)}</td>
              <td>{r.pre && r.post ? `${r.post.mean - r.pre.mean >= 0 ? "+" : ""}${r.post.mean - r.pre.mean}` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
