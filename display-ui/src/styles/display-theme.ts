/**
 * The wall display's look: dark background, bright type, one size unit `--u` = 1 px of a
 * 1920×1080 screen, so the same layout fills a 1366×768 panel or a 4K one.
 */
import { css } from 'lit';

export const displayTheme = css`
  :host {
    --u: min(calc(100vw / 1920), calc(100vh / 1080));
    --yc-font: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
    /* Ticket numbers: a heavy, wide face with tabular digits and a plain zero (no dot or slash, which blur at 10 m). */
    --yc-number: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'DIN Alternate', Arial, sans-serif;
    --yc-bg: #03070f;
    --yc-surface: #0c1626;
    --yc-surface-2: #13233a;
    --yc-border: #27405f;
    --yc-text: #ffffff;
    --yc-muted: #b7c4d6;
    --yc-ticket: #ffd54a;
    --yc-counter: #5ef2c2;
    --yc-flash: #ff9f1a;
    --yc-bad: #ff5252;
    --yc-paused: #ff8a80;
    --yc-radius: calc(var(--u) * 14);
    font-family: var(--yc-font);
    color: var(--yc-text);
  }
  .ticket {
    font-family: var(--yc-number);
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
    color: var(--yc-ticket);
    white-space: nowrap;
  }
  .counter-no {
    font-weight: 800;
    color: var(--yc-counter);
    white-space: nowrap;
  }
  .panel {
    background: var(--yc-surface);
    border: calc(var(--u) * 2) solid var(--yc-border);
    border-radius: var(--yc-radius);
    box-sizing: border-box;
    min-width: 0;
    min-height: 0;
    overflow: hidden;
  }
  .panel-title {
    font-size: calc(var(--u) * 38);
    font-weight: 700;
    color: var(--yc-muted);
    margin: 0 0 calc(var(--u) * 12);
    white-space: nowrap;
  }
  .ellipsis {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
