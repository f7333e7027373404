import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtmlText, gainRowsHtml, gainText, type GainCells } from "./gain-rows";

const meanText = (mean: number, learners: number) => `${mean}% (${learners} peserta)`;

/** The rows as React elements, as the table rendered them before they became one string. */
function ReactRows({ rows }: { rows: readonly GainCells[] }) {
  const cell = (m: GainCells[1]) => (m ? meanText(m[0], m[1]) : "–");
  return (
    <tbody>
      {rows.map(([name, pre, post], i) => (
        <tr key={i}>
          <th scope="row">{name}</th>
          <td>{cell(pre)}</td>
          <td>{cell(post)}</td>
          <td>{pre && post ? `${post[0] - pre[0] >= 0 ? "+" : ""}${post[0] - pre[0]}` : "–"}</td>
        </tr>
      ))}
    </tbody>
  );
}

const rows: GainCells[] = [
  ["Bidang 1-1-1-1", [48, 91], [70, 91]],
  ["Dinas <Kominfo> & \"Statistik\" 'Kota'", [70, 3], [55, 2]],
  ["<script>alert(1)</script>", null, [90, 1]],
  ["Unit tanpa pra-tes", [12, 1], null],
  ["", null, null],
  ["Sama", [50, 10], [50, 10]],
];

describe("gain rows as one string", () => {
  it("is the markup React renders for the same rows, names escaped", () => {
    const html = `<tbody>${gainRowsHtml(rows, meanText)}</tbody>`;
    expect(html).toBe(renderToStaticMarkup(<ReactRows rows={rows} />));
    expect(html).toBe(renderToString(<ReactRows rows={rows} />));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes the cell text too, and signs the gain", () => {
    expect(gainRowsHtml([["A", [1, 1], [2, 1]]], () => "<b>&</b>")).toBe(
      '<tr><th scope="row">A</th><td>&lt;b&gt;&amp;&lt;/b&gt;</td><td>&lt;b&gt;&amp;&lt;/b&gt;</td><td>+1</td></tr>',
    );
    expect(gainText([70, 3], [55, 2])).toBe("-15");
    expect(gainText([50, 3], [50, 2])).toBe("+0");
    expect(gainText(null, [50, 2])).toBe("–");
    expect(escapeHtmlText(`"&'<>`)).toBe("&quot;&amp;&#x27;&lt;&gt;");
    expect(gainRowsHtml([], meanText)).toBe("");
  });
});
