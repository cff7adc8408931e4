/** Design tokens shared by every screen: colours with strong contrast, spacing, type scale. */
import { css } from 'lit';

export const tokens = css`
  :host {
    --yc-font: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
    --yc-bg: #f4f6f8;
    --yc-surface: #ffffff;
    --yc-text: #1b2430;
    --yc-muted: #5b6675;
    --yc-primary: #b71c1c;
    --yc-primary-text: #ffffff;
    --yc-accent: #0b5cad;
    --yc-ok: #1b7f3b;
    --yc-warn: #b86e00;
    --yc-bad: #c62828;
    --yc-border: #d5dbe3;
    --yc-radius: 10px;
    --yc-space-1: 4px;
    --yc-space-2: 8px;
    --yc-space-3: 16px;
    --yc-space-4: 24px;
    --yc-space-5: 40px;
    font-family: var(--yc-font);
    color: var(--yc-text);
  }
`;
