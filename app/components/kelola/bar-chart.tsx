/**
 * A horizontal bar chart drawn as server-rendered SVG: readable without JavaScript, with a
 * title and a text description for screen readers, and the numbers printed next to each bar.
 */
export function BarChart({ title, bars, max, unit = "" }: { title: string; bars: { label: string; value: number }[]; max?: number; unit?: string }) {
  const rowHeight = 26;
  const labelWidth = 210;
  const width = 620;
  const barArea = width - labelWidth - 60;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const height = bars.length * rowHeight + 8;
  const id = title.replace(/\W+/g, "-").toLowerCase();
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} className="bar-chart">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{bars.map((b) => `${b.label}: ${b.value}${unit}`).join("; ")}</desc>
      {bars.map((b, i) => {
        const y = i * rowHeight + 4;
        const w = Math.round((b.value / top) * barArea);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#1b2430">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={Math.max(w, 1)} height={rowHeight - 9} rx="3" fill="#0b5cad" />
            <text x={labelWidth + Math.max(w, 1) + 6} y={y + 16} fontSize="13" fill="#1b2430">
              {b.value}
              {unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
