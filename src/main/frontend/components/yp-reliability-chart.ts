/*
 * <yp-reliability-chart>: a model's reliability diagram (calibration plot) as an ECharts chart, for
 * ReliabilityChart.java.
 *
 * Properties (set from Java):
 *   label  what the bins belong to, e.g. "v3 on 2025-05-01…2025-05-30"
 *   bins   [[meanScore, outcomeRate, count], ...], one per score bin; bins without pool-days are left out
 *
 * It draws the diagonal (perfect calibration) as a dashed line and the bins as points joined in score order,
 * each point's size growing with its count; the tooltip gives the numbers. Colours follow the Lumo theme and
 * its colour scheme, and the ECharts instance is `chart` (yp-echart.ts).
 */
import { css, type PropertyValues } from 'lit';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { YpEChart } from './yp-echart';

echarts.use([LineChart, ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Bin = [number, number, number];

export class YpReliabilityChart extends YpEChart {
  static override properties = {
    label: { type: String },
    bins: { attribute: false },
  };

  static override styles = [
    YpEChart.styles,
    css`
      :host {
        height: 320px;
        max-width: 420px;
      }
    `,
  ];

  declare label: string;
  declare bins: Bin[];

  constructor() {
    super();
    this.label = '';
    this.bins = [];
  }

  protected override render() {
    const empty = this.bins.length === 0;
    return this.frame(`Reliability diagram ${this.label}`, empty, 'No validation pool-days for this version');
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('bins') || changed.has('label')) {
      this.draw();
    }
  }

  protected override draw() {
    if (!this.chart) {
      return;
    }
    const text = this.color('var(--lumo-secondary-text-color)');
    const body = this.color('var(--lumo-body-text-color)');
    const line = this.color('var(--lumo-primary-color)');
    const grid = this.color('var(--lumo-contrast-10pct)');
    const diagonal = this.color('var(--lumo-contrast-50pct)');
    const surface = this.color('var(--lumo-base-color)');
    const bins = [...(this.bins ?? [])].sort((a, b) => a[0] - b[0]);
    const largest = Math.max(1, ...bins.map((b) => b[2]));
    const axis = (name: string) => ({
      type: 'value' as const,
      min: 0,
      max: 1,
      interval: 0.2,
      name,
      nameLocation: 'middle' as const,
      nameGap: 28,
      nameTextStyle: { color: text },
      axisLine: { lineStyle: { color: grid } },
      axisLabel: { color: text },
      splitLine: { lineStyle: { color: grid } },
    });
    this.chart.setOption(
      {
        animation: false,
        backgroundColor: 'transparent',
        textStyle: { color: text },
        grid: { left: 44, right: 16, top: 16, bottom: 44 },
        tooltip: {
          trigger: 'item',
          backgroundColor: surface,
          borderColor: grid,
          textStyle: { color: body },
          formatter: (params: unknown) => {
            const p = params as { seriesName: string; value: number[] };
            if (p.seriesName !== 'bins') {
              return 'perfect calibration';
            }
            const [score, rate, count] = p.value;
            return `mean score <b>${score.toFixed(3)}</b><br>observed rate <b>${rate.toFixed(3)}</b><br>${count} pool-days`;
          },
        },
        xAxis: axis('predicted'),
        yAxis: axis('observed'),
        series: [
          {
            name: 'diagonal',
            type: 'line',
            silent: true,
            symbol: 'none',
            lineStyle: { color: diagonal, type: 'dashed', width: 1 },
            data: [
              [0, 0],
              [1, 1],
            ],
          },
          {
            name: 'bins',
            type: 'line',
            lineStyle: { color: line, width: 2 },
            itemStyle: { color: line },
            symbolSize: (value: number[]) => 6 + 10 * Math.sqrt(value[2] / largest),
            data: bins,
          },
        ],
      },
      { notMerge: true },
    );
  }
}

customElements.define('yp-reliability-chart', YpReliabilityChart);

declare global {
  interface HTMLElementTagNameMap {
    'yp-reliability-chart': YpReliabilityChart;
  }
}
