import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/utils/i18n";
import { gainRowsHtml, type GainCells, type MeanCells } from "./gain-rows";

type Mean = { mean: number; learners: number } | null;
export type GainRow = { courseId: string; title: string; pre: Mean; post: Mean };
export type UnitGainRow = { unitId: string; unit: string; pre: Mean; post: Mean };
/**
 * A unit's row as the page data carries it: name, pre-test, final quiz. A province has ~2,000
 * units, and as objects with ids their rows were half the page (≈ 230 kB of JSON in the HTML).
 */
export type UnitGainCells = GainCells;

const cells = (m: Mean): MeanCells => (m ? [m.mean, m.learners] : null);

/** The per-unit rows in the page data's compact form (the loader sends these). */
export function unitGainCells(units: UnitGainRow[]): UnitGainCells[] {
  return units.map((u) => [u.unit, cells(u.pre), cells(u.post)]);
}

/**
 * Mean pre-test vs best final-quiz score (LAN learning gain) in the manager's subtree: per course,
 * and for the selected course per unit.
 */
export function LearningGain({ rows, units, courseTitle }: { rows: GainRow[]; units: readonly UnitGainCells[]; courseTitle: string | null }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <section className="card">
      <h2 id="gain-h">{t("gain.title")}</h2>
      <p className="hint">{t("gain.hint")}</p>
      {/* The scroller is the named region (a cheap phone is narrower than four columns). */}
      <GainTable labelledBy="gain-h" first={t("gain.course")} rows={rows.map((r) => [r.title, cells(r.pre), cells(r.post)])} />
      {units.length > 0 && courseTitle ? (
        <>
          <h3 id="gain-unit-h">{t("gain.byUnit", { course: courseTitle })}</h3>
          <GainTable labelledBy="gain-unit-h" first={t("gain.unit")} rows={units} />
        </>
      ) : null}
    </section>
  );
}

function GainTable({ labelledBy, first, rows }: { labelledBy: string; first: string; rows: readonly GainCells[] }) {
  const t = useT();
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
        {/* The rows as one escaped string (see gain-rows.ts): the same markup as elements, at a fraction of the cost. */}
        <tbody dangerouslySetInnerHTML={{ __html: gainRowsHtml(rows, (mean, learners) => t("gain.mean", { mean, learners })) }} />
      </table>
    </TableWrap>
  );
}
