/** A bar chart (optionally with a line on a percentage axis) drawn by chart.js on a canvas in the shadow root. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { LitElement, css, html } from 'lit';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";
Chart.defaults.animation = false;

export interface Series {
  label: string;
  data: (number | null)[];
  color: string;
}

export class YcDashChart extends LitElement {
  static override properties = { labels: { attribute: false }, bars: { attribute: false }, line: { attribute: false }, height: { type: Number } };
  declare labels: string[];
  declare bars: Series[];
  /** Percentages 0–100 on a right-hand axis. */
  declare line: Series | null;
  declare height: number;

  private chart: Chart | null = null;

  static override styles = css`
    :host {
      display: block;
    }
    .box {
      position: relative;
      width: 100%;
    }
  `;

  constructor() {
    super();
    this.labels = [];
    this.bars = [];
    this.line = null;
    this.height = 220;
  }

  override render() {
    return html`<div class="box" style="height:${this.height}px"><canvas role="img" aria-label=${this.bars.map((b) => b.label).join(', ')}></canvas></div>`;
  }

  override updated() {
    const datasets: ChartDataset<'bar' | 'line', (number | null)[]>[] = this.bars.map((b) => ({ type: 'bar' as const, label: b.label, data: b.data, backgroundColor: b.color, yAxisID: 'y' }));
    if (this.line) {
      datasets.push({ type: 'line' as const, label: this.line.label, data: this.line.data, borderColor: this.line.color, backgroundColor: this.line.color, yAxisID: 'pct', tension: 0.2 });
    }
    if (!this.chart) {
      const canvas = this.renderRoot.querySelector('canvas');
      if (!canvas) return;
      this.chart = new Chart(canvas, {
        type: 'bar',
        data: { labels: this.labels, datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { position: 'bottom' } },
          scales: {
            y: { beginAtZero: true, ticks: { precision: 0 } },
            pct: { display: this.line !== null, position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: (v) => `${v}%` } },
          },
        },
      });
      return;
    }
    this.chart.data.labels = this.labels;
    this.chart.data.datasets = datasets;
    const pct = this.chart.options.scales?.pct;
    if (pct) pct.display = this.line !== null;
    this.chart.update('none');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }
}

customElements.define('yc-dash-chart', YcDashChart);
