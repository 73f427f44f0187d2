import { el, svg } from '../dom/el.js';
import { formatCount } from '../format/format.js';
import { axisTicks, barLengths, stackColumns, type StackedRow } from './chart-scale.js';

export interface SeriesStyle<K extends string> {
  key: K;
  label: string;
  /** A class from admin.css that sets the fill, so colours live with the rest of the theme. */
  className: string;
}

const COLUMN_PLOT = { left: 40, right: 8, top: 12, bottom: 28, width: 640, height: 220 };

/** Stacked columns, one per row (e.g. runs per day stacked by status), with a y axis and a legend. */
export function stackedColumnChart<K extends string>(
  title: string,
  rows: ReadonlyArray<StackedRow<K>>,
  series: ReadonlyArray<SeriesStyle<K>>,
): HTMLElement {
  const plotWidth = COLUMN_PLOT.width - COLUMN_PLOT.left - COLUMN_PLOT.right;
  const plotHeight = COLUMN_PLOT.height - COLUMN_PLOT.top - COLUMN_PLOT.bottom;
  const { max, columns } = stackColumns(
    rows,
    series.map((entry) => entry.key),
    { width: plotWidth, height: plotHeight },
  );
  const labelEvery = Math.max(1, Math.ceil(columns.length / 8));
  const classOf = new Map(series.map((entry) => [entry.key, entry.className]));
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${COLUMN_PLOT.width} ${COLUMN_PLOT.height}`, class: 'chart chart-columns', role: 'img', 'aria-label': title },
    svg('title', null, title),
    axisTicks(max).map((tick) => {
      const y = COLUMN_PLOT.top + plotHeight - (tick / max) * plotHeight;
      return svg(
        'g',
        { class: 'tick' },
        svg('line', { x1: COLUMN_PLOT.left, x2: COLUMN_PLOT.width - COLUMN_PLOT.right, y1: y, y2: y }),
        svg('text', { x: COLUMN_PLOT.left - 6, y: y + 4, 'text-anchor': 'end' }, formatCount(tick)),
      );
    }),
    columns.map((column, index) =>
      svg(
        'g',
        { class: 'column', transform: `translate(${COLUMN_PLOT.left} ${COLUMN_PLOT.top})` },
        svg('title', null, `${column.label}: ${column.pieces.map((piece) => `${piece.value} ${piece.key}`).join(', ') || 'none'}`),
        column.pieces.map((piece) =>
          svg('rect', { x: column.x, y: piece.y, width: column.width, height: piece.height, class: classOf.get(piece.key) ?? '' }),
        ),
        index % labelEvery === 0
          ? svg('text', { x: column.x + column.width / 2, y: plotHeight + 18, 'text-anchor': 'middle', class: 'axis-label' }, column.label)
          : null,
      ),
    ),
  );
  return el(
    'figure',
    { class: 'chart-figure' },
    chart,
    el(
      'figcaption',
      { class: 'legend' },
      series.map((entry) =>
        el(
          'span',
          { class: 'legend-item' },
          svg(
            'svg',
            { viewBox: '0 0 10 10', class: 'legend-swatch', 'aria-hidden': 'true' },
            svg('rect', { width: 10, height: 10, class: entry.className }),
          ),
          entry.label,
        ),
      ),
    ),
  );
}

const BAR_ROW = 34;
const BAR_WIDTH = 400;

/** Horizontal bars with the label above each bar, so long names never need truncating on a phone. */
export function barChart(title: string, bars: ReadonlyArray<{ label: string; value: number }>, className = 'bar'): SVGSVGElement {
  const { lengths } = barLengths(
    bars.map((bar) => bar.value),
    BAR_WIDTH - 50,
  );
  const height = Math.max(BAR_ROW, bars.length * BAR_ROW);
  return svg(
    'svg',
    { viewBox: `0 0 ${BAR_WIDTH} ${height}`, class: 'chart chart-bars', role: 'img', 'aria-label': title },
    svg('title', null, title),
    bars.map((bar, index) => {
      const top = index * BAR_ROW;
      return svg(
        'g',
        { class: 'bar-row' },
        svg('text', { x: 0, y: top + 12, class: 'bar-label' }, bar.label),
        svg('rect', { x: 0, y: top + 17, width: Math.max(2, lengths[index]), height: 11, rx: 2, class: className }),
        svg('text', { x: Math.max(2, lengths[index]) + 6, y: top + 27, class: 'bar-value' }, formatCount(bar.value)),
      );
    }),
  );
}
