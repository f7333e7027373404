import { useId } from "react";

/**
 * A horizontal bar chart in plain HTML and CSS: readable without JavaScript, text at the page's
 * own size on a 360 px phone (an SVG scaled down to fit made it 7 px), the label above its bar
 * on narrow screens and beside it on wide ones, and the numbers printed next to each bar.
 * Screen readers get one image named by `title`, described by every label and value.
 */
export function BarChart({ title, bars, max, unit = "" }: { title: string; bars: { label: string; value: number }[]; max?: number; unit?: string }) {
  const id = useId();
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  return (
    <div className="bar-chart" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <span id={`${id}-t`} hidden>
        {title}
      </span>
      <span id={`${id}-d`} hidden>
        {bars.map((b) => `${b.label}: ${b.value}${unit}`).join("; ")}
      </span>
      {bars.map((b, i) => (
        <div className="bar-row" key={`${b.label}-${i}`} aria-hidden="true">
          <span className="bar-label" title={b.label}>
            {b.label}
          </span>
          <span className="bar-track">
            <span className="bar-fill" style={{ width: `${Math.max((b.value / top) * 100, 0.5)}%` }} />
          </span>
          <span className="bar-value">
            {b.value}
            {unit}
          </span>
        </div>
      ))}
    </div>
  );
}
