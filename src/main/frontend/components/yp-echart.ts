/*
 * The part every YieldPilot ECharts element shares: the chart's container, its empty-state text, the
 * ECharts instance's life with the element (created when attached, resized with it, disposed when
 * detached), and the Lumo colours resolved in this element, so a chart follows the light or dark colour
 * scheme and redraws when it changes. A chart extends it, renders `frame(...)` and draws in `draw()`.
 */
import { css, type CSSResultGroup, html, LitElement } from 'lit';
import * as echarts from 'echarts/core';

export abstract class YpEChart extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: block;
      position: relative;
    }
    #chart {
      position: absolute;
      inset: 0;
    }
    .empty {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--lumo-secondary-text-color);
      font-size: var(--lumo-font-size-s);
    }
    .empty[hidden],
    .probe {
      display: none;
    }
  `;

  /** The ECharts instance while the element is attached. */
  chart?: echarts.ECharts;

  private resizeObserver?: ResizeObserver;
  private schemeObserver?: MutationObserver;
  private readonly darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly redraw = () => this.draw();

  /** Sets the options of `chart` from the element's properties; called whenever the chart may have to change. */
  protected abstract draw(): void;

  /** The chart's container, the text shown while there is nothing to draw, and the colour probe. */
  protected frame(label: string, empty: boolean, emptyText: string) {
    return html`<div id="chart" role="img" aria-label=${label}></div>
      <div class="empty" ?hidden=${!empty}>${emptyText}</div>
      <span class="probe"></span>`;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.start();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.schemeObserver?.disconnect();
    this.darkQuery.removeEventListener('change', this.redraw);
    this.chart?.dispose();
    this.chart = undefined;
  }

  protected override firstUpdated() {
    this.start();
  }

  private start() {
    if (this.chart) {
      return;
    }
    const container = this.renderRoot.querySelector<HTMLElement>('#chart')!;
    this.chart = echarts.init(container, undefined, { renderer: 'canvas' });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    // Vaadin switches the scheme on <html> (theme attribute, color-scheme style); "system" follows the OS
    this.schemeObserver = new MutationObserver(this.redraw);
    this.schemeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'style', 'class'] });
    this.darkQuery.addEventListener('change', this.redraw);
    this.draw();
  }

  /** A Lumo colour as the browser resolves it here (light-dark() included), in a form canvas understands. */
  protected color(value: string): string {
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe')!;
    probe.style.color = value;
    return getComputedStyle(probe).color;
  }
}
