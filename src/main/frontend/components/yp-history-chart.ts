/*
 * <yp-history-chart>: one metric's history as an ECharts line chart, for HistoryChart.java.
 *
 * Properties (set from Java):
 *   label   the series name, e.g. "APY"
 *   format  "percent" | "usd" | "number": how values are written on the axis and in the tooltip
 *   points  [[epochMillis, value], ...] or, for rollups, [[epochMillis, value, min, max], ...]
 *   end     epoch millis where the time axis ends (now), so a gap before it shows
 *
 * Colours follow the Lumo theme and its colour scheme, and the ECharts instance is `chart` (yp-echart.ts).
 */
import { css, type PropertyValues } from 'lit';
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { YpEChart } from './yp-echart';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Format = 'percent' | 'usd' | 'number';
type Row = number[];

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 2,
});

export class YpHistoryChart extends YpEChart {
  static override properties = {
    label: { type: String },
    format: { type: String },
    points: { attribute: false },
    end: { type: Number },
  };

  static override styles = [
    YpEChart.styles,
    css`
      :host {
        height: 260px;
      }
    `,
  ];

  declare label: string;
  declare format: Format;
  declare points: Row[];
  declare end: number | undefined;

  constructor() {
    super();
    this.label = '';
    this.format = 'number';
    this.points = [];
  }

  protected override render() {
    return this.frame(this.label, this.points.length === 0, `No ${this.label} data in this range yet`);
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('points') || changed.has('format') || changed.has('label') || changed.has('end')) {
      this.draw();
    }
  }

  private write(value: number): string {
    switch (this.format) {
      case 'percent':
        return `${value.toFixed(2)} %`;
      case 'usd':
        return usd.format(value);
      default:
        return Number(value.toPrecision(6)).toString();
    }
  }

  protected override draw() {
    if (!this.chart) {
      return;
    }
    const text = this.color('var(--lumo-secondary-text-color)');
    const body = this.color('var(--lumo-body-text-color)');
    const line = this.color('var(--lumo-primary-color)');
    const band = this.color('var(--lumo-primary-color-10pct)');
    const grid = this.color('var(--lumo-contrast-10pct)');
    const surface = this.color('var(--lumo-base-color)');
    const points = this.points ?? [];
    const ranged = points.some((p) => p.length >= 4);
    const series: LineSeriesOption[] = [];
    if (ranged) {
      // the band is drawn as the minimum (invisible) with the range stacked on top of it
      series.push({
        name: 'min',
        type: 'line',
        stack: 'range',
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        data: points.map((p) => [p[0], p.length >= 4 ? p[2] : p[1]]),
      });
      series.push({
        name: 'range',
        type: 'line',
        stack: 'range',
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        areaStyle: { color: band },
        data: points.map((p) => [p[0], p.length >= 4 ? p[3] - p[2] : 0]),
      });
    }
    series.push({
      name: this.label,
      type: 'line',
      // a few points (an hour of rollups, a young market) would not show as a line
      showSymbol: points.length < 60,
      sampling: 'lttb',
      lineStyle: { color: line, width: 2 },
      itemStyle: { color: line },
      data: points.map((p) => [p[0], p[1]]),
    });
    const byTime = new Map(points.map((p) => [p[0], p]));
    this.chart.setOption(
      {
        animation: false,
        backgroundColor: 'transparent',
        textStyle: { color: text },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          backgroundColor: surface,
          borderColor: grid,
          textStyle: { color: body },
          formatter: (params: unknown) => {
            const first = (Array.isArray(params) ? params[0] : params) as { value: number[] } | undefined;
            const row = first ? byTime.get(first.value[0]) : undefined;
            if (!row) {
              return '';
            }
            const when = new Date(row[0]).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
            const range = row.length >= 4 ? ` (${this.write(row[2])} – ${this.write(row[3])})` : '';
            return `${when}<br>${this.label}: <b>${this.write(row[1])}</b>${range}`;
          },
        },
        xAxis: {
          type: 'time',
          min: 'dataMin',
          max: this.end ?? 'dataMax',
          axisLine: { lineStyle: { color: grid } },
          axisLabel: { color: text, hideOverlap: true },
          splitLine: { show: false },
        },
        yAxis: {
          type: 'value',
          scale: true,
          axisLabel: { color: text, formatter: (value: number) => this.write(value) },
          splitLine: { lineStyle: { color: grid } },
        },
        series,
      },
      { notMerge: true },
    );
  }
}

customElements.define('yp-history-chart', YpHistoryChart);

declare global {
  interface HTMLElementTagNameMap {
    'yp-history-chart': YpHistoryChart;
  }
}
