/**
 * Measures a page's boxes for the screenshot tests: text whose glyphs fall outside a box that
 * clips them (Q001 losing its tail reads "O001"), boxes that overflow their clipping parent (a
 * half row), and text that another element paints over (a notice over the waiting counts).
 *
 * Glyph boxes are real ink, not line boxes: a canvas measures the text in the element's computed
 * font (actualBoundingBoxAscent/Descent), placed on the baseline of the text's client rects.
 * Covering is hit-tested with elementFromPoint through every shadow root, with pointer-events
 * forced on for the measurement (an overlay with pointer-events: none still hides what is under it).
 * Inside a scroll container only the part in its view is hit-tested (a row scrolled out of view is not "covered" by what lies below the scroller).
 * Scroll containers (overflow auto/scroll) are not clipping: what is in them can be scrolled to;
 * likewise a page that scrolls may hold text below the fold (one with overflow hidden may not).
 * `text-overflow: ellipsis` is a designed horizontal truncation: reported apart as `truncated`.
 * While a modal <dialog> is open the page behind it is inert and under its backdrop by design: only
 * the open modal dialog is measured (its texts clipped, covered or off screen still fail).
 * With `noScroll` the viewport is the limit for everything, scroll containers included: a text or
 * row, or control (a button's whole box, not only its label), that needs any scrolling to be seen is
 * `clipped` or `offscreen`.
 */
import type { Page } from 'playwright-core';
import * as assert from 'uvu/assert';
import { screenshotPath } from './browser';

export interface LayoutProblem {
  kind: 'clipped' | 'overflow' | 'covered' | 'offscreen';
  text: string;
  where: string;
  detail: string;
}

export interface LayoutReport {
  problems: LayoutProblem[];
  /** Texts cut with an ellipsis (allowed unless the test says otherwise). */
  truncated: { text: string; where: string }[];
  /** How many text runs were measured (a test can assert the page was not empty). */
  measured: number;
}

export interface LayoutOptions {
  /** CSS selectors (matched in their own tree) whose subtree is not measured, e.g. a deliberately scrolling list. */
  ignore?: string[];
  /** Tolerance in CSS px. */
  slack?: number;
  /**
   * Everything must be inside the viewport with no scrolling at all: neither the page nor any
   * scroll container may hold a measured text or row below (or beside) the fold. For screens a
   * visitor must see whole at once (the kiosk ticket with its 完成 button).
   */
  noScroll?: boolean;
}

/** The measuring script, a string: tsx-compiled functions reference helpers that do not exist in the page. */
const MEASURE = `(opts) => {
  const slack = opts.slack;
  const problems = [];
  const truncated = [];
  let measured = 0;
  const parentOf = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
  const ignored = (el) => {
    for (let e = el; e; e = parentOf(e)) if (opts.ignore.some((s) => e.matches && e.matches(s))) return true;
    return false;
  };
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && parts.length < 4; e = parentOf(e)) {
      let d = e.tagName.toLowerCase();
      if (e.id) d += '#' + e.id;
      const cls = typeof e.className === 'string' ? e.className.trim().split(/\\s+/).filter(Boolean).slice(0, 2) : [];
      if (cls.length) d += '.' + cls.join('.');
      for (const a of ['data-testid', 'data-counter', 'data-zone', 'data-key', 'data-action']) if (e.getAttribute && e.getAttribute(a)) d += '[' + a + '=' + e.getAttribute(a) + ']';
      parts.push(d);
    }
    return parts.reverse().join(' > ');
  };
  const elements = [];
  const roots = [document];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      elements.push(el);
      if (el.shadowRoot) { roots.push(el.shadowRoot); walk(el.shadowRoot); }
    }
  };
  walk(document);
  // An open modal <dialog> makes the page behind it inert (and covered by its backdrop, by design):
  // then only what is inside the open modal dialog(s) is measured.
  const modals = elements.filter((el) => el.tagName === 'DIALOG' && el.open && el.matches(':modal'));
  const inModal = (el) => {
    for (let e = el; e; e = parentOf(e)) if (modals.includes(e)) return true;
    return false;
  };
  if (modals.length) for (let i = elements.length - 1; i >= 0; i--) if (!inModal(elements[i])) elements.splice(i, 1);
  const visible = (el) => {
    for (let e = el; e; e = parentOf(e)) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    }
    return true;
  };
  const clipsX = (cs) => !['visible', 'auto', 'scroll'].includes(cs.overflowX);
  const clipsY = (cs) => !['visible', 'auto', 'scroll'].includes(cs.overflowY);
  const inner = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left + el.clientLeft, top: r.top + el.clientTop, right: r.left + el.clientLeft + el.clientWidth, bottom: r.top + el.clientTop + el.clientHeight };
  };
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  // A page that scrolls shows what is below the fold by scrolling; one that does not (the wall display) must fit the viewport.
  const scrolls = (axis) => [document.documentElement, document.body].every((e) => getComputedStyle(e)['overflow' + axis] !== 'hidden' && getComputedStyle(e)['overflow' + axis] !== 'clip');
  const pageW = !opts.noScroll && scrolls('X') ? Math.max(vw, document.documentElement.scrollWidth) - window.scrollX : vw;
  const pageH = !opts.noScroll && scrolls('Y') ? Math.max(vh, document.documentElement.scrollHeight) - window.scrollY : vh;
  const canvas = document.createElement('canvas').getContext('2d');
  const ellipsisOn = (el, stop) => {
    for (let e = el; e; e = parentOf(e)) {
      if (getComputedStyle(e).textOverflow === 'ellipsis') return true;
      if (e === stop) break;
    }
    return false;
  };
  /** Checks one box (ink of a text, or an element's border box) against its clipping ancestors and the viewport. */
  const checkBox = (box, el, text, what) => {
    let scrollerX = false, scrollerY = false;
    for (let a = parentOf(el); a; a = parentOf(a)) {
      const cs = getComputedStyle(a);
      const sx = ['auto', 'scroll'].includes(cs.overflowX), sy = ['auto', 'scroll'].includes(cs.overflowY);
      // With noScroll a scroll container is a box its content must fit in, like any clipping box.
      if (sx && !opts.noScroll) scrollerX = true;
      if (sy && !opts.noScroll) scrollerY = true;
      // Past a scroll container an axis is settled: the scroller shows its content by scrolling.
      const cx = (clipsX(cs) || (sx && opts.noScroll)) && !scrollerX, cy = (clipsY(cs) || (sy && opts.noScroll)) && !scrollerY;
      if (!cx && !cy) continue;
      const c = inner(a);
      const outY = cy && (box.top < c.top - slack || box.bottom > c.bottom + slack);
      const outX = cx && (box.left < c.left - slack || box.right > c.right + slack);
      if (outX && !outY && ellipsisOn(el, a)) { truncated.push({ text, where: describe(el) }); return; }
      if (outX || outY) {
        problems.push({ kind: 'clipped', text, where: describe(el), detail: what + ' ' + JSON.stringify(round(box)) + ' outside ' + describe(a) + ' ' + JSON.stringify(round(c)) });
        return;
      }
    }
    // Inside a scroll container the text can be scrolled to on that axis (never set with noScroll).
    const outX = !scrollerX && (box.left < -slack || box.right > pageW + slack);
    const outY = !scrollerY && (box.top < -slack || box.bottom > pageH + slack);
    if (outX || outY) {
      if (!ellipsisOn(el, null) || outY) problems.push({ kind: 'offscreen', text, where: describe(el), detail: what + ' ' + JSON.stringify(round(box)) + ' outside the ' + pageW + 'x' + pageH + ' page' });
    }
  };
  const round = (b) => ({ l: Math.round(b.left), t: Math.round(b.top), r: Math.round(b.right), b: Math.round(b.bottom) });

  // Force hit-testing on everywhere while measuring.
  const force = new CSSStyleSheet();
  force.replaceSync('*, *::before, *::after { pointer-events: auto !important; }');
  for (const r of roots) r.adoptedStyleSheets = [...r.adoptedStyleSheets, force];
  const hit = (x, y) => {
    let el = document.elementFromPoint(x, y);
    while (el && el.shadowRoot) {
      const deeper = el.shadowRoot.elementFromPoint(x, y);
      if (!deeper || deeper === el) break;
      el = deeper;
    }
    return el;
  };
  const within = (child, anc) => {
    for (let e = child; e; e = parentOf(e)) if (e === anc) return true;
    return false;
  };

  /** The part of the viewport that el's scroll container ancestors show (everything, without any). */
  const scrolledView = (el) => {
    const v = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (let a = parentOf(el); a; a = parentOf(a)) {
      const cs = getComputedStyle(a);
      if (!['auto', 'scroll'].includes(cs.overflowX) && !['auto', 'scroll'].includes(cs.overflowY)) continue;
      if (a === document.documentElement || a === document.body) continue;
      const c = inner(a);
      v.left = Math.max(v.left, c.left); v.top = Math.max(v.top, c.top); v.right = Math.min(v.right, c.right); v.bottom = Math.min(v.bottom, c.bottom);
    }
    return v;
  };
  const boxesChecked = new Set();
  try {
    for (const el of elements) {
      if (ignored(el) || !visible(el)) continue;
      const cs = getComputedStyle(el);
      for (const node of el.childNodes) {
        if (node.nodeType !== 3 || !node.textContent.trim()) continue;
        const text = node.textContent.trim();
        const range = document.createRange();
        range.selectNodeContents(node);
        canvas.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
        const m = canvas.measureText(text);
        for (const r of range.getClientRects()) {
          if (r.width < 0.5 || r.height < 0.5) continue;
          measured++;
          const baseline = r.bottom - m.fontBoundingBoxDescent * (r.height / (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent));
          const ink = { left: r.left, right: r.right, top: baseline - m.actualBoundingBoxAscent, bottom: baseline + m.actualBoundingBoxDescent };
          checkBox(ink, el, text, 'glyphs');
          // Covered: hit-test the visible part of the ink box.
          // Text cut with an ellipsis only shows inside its own box: hit-test that part.
          const own = cs.textOverflow === 'ellipsis' ? el.getBoundingClientRect() : { left: -Infinity, right: Infinity };
          // Text scrolled out of a scroll container's view is not hit-tested there (what lies beside the scroller is not over it).
          const view = scrolledView(el);
          const l = Math.max(ink.left, own.left, view.left, 0), rr = Math.min(ink.right, own.right, view.right, vw), t = Math.max(ink.top, view.top, 0), b = Math.min(ink.bottom, view.bottom, vh);
          if (rr - l < 1 || b - t < 1) continue;
          const ys = [t + (b - t) * 0.5];
          const xs = [l + (rr - l) * 0.15, l + (rr - l) * 0.5, l + (rr - l) * 0.85];
          for (const y of ys) for (const x of xs) {
            const h = hit(x, y);
            if (h && !within(h, el) && !within(el, h)) {
              problems.push({ kind: 'covered', text, where: describe(el), detail: 'at ' + Math.round(x) + ',' + Math.round(y) + ' by ' + describe(h) });
              break;
            }
          }
        }
        // A clipping box that holds text must not hold more than it shows.
        if (!boxesChecked.has(el) && cs.display !== 'inline') {
          boxesChecked.add(el);
          if ((clipsX(cs) || clipsY(cs)) && cs.textOverflow !== 'ellipsis') {
            if (el.scrollWidth > el.clientWidth + slack || el.scrollHeight > el.clientHeight + slack) {
              problems.push({ kind: 'overflow', text, where: describe(el), detail: 'content ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight });
            }
          }
        }
      }
      // With noScroll a control is whole on screen, not only its label (a button half below the fold).
      if (opts.noScroll && ['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) {
        checkBox(el.getBoundingClientRect(), el, (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40), 'control');
      }
      // List rows: a row cut by its list is half a row, whatever text it holds.
      if ((el.tagName === 'LI' || el.getAttribute('role') === 'listitem' || el.tagName === 'TR') && !boxesChecked.has(el)) {
        boxesChecked.add(el);
        checkBox(el.getBoundingClientRect(), el, (el.textContent || '').trim().slice(0, 40), 'row');
      }
    }
  } finally {
    for (const r of roots) r.adoptedStyleSheets = r.adoptedStyleSheets.filter((s) => s !== force);
  }
  // One line per problem is enough: a text clipped by two ancestors is reported once per kind.
  const seen = new Set();
  return { measured, truncated, problems: problems.filter((p) => { const k = p.kind + p.where + p.text; if (seen.has(k)) return false; seen.add(k); return true; }) };
}`;

/** Measures the page as it is now. */
export async function measureLayout(page: Page, opts: LayoutOptions = {}): Promise<LayoutReport> {
  return (await page.evaluate(`(${MEASURE})(${JSON.stringify({ ignore: opts.ignore ?? [], slack: opts.slack ?? 1, noScroll: opts.noScroll ?? false })})`)) as LayoutReport;
}

/** Formats a report for an assertion message. */
export function formatProblems(problems: readonly LayoutProblem[]): string {
  return problems.map((p) => `${p.kind}: "${p.text.slice(0, 40)}" ${p.where} — ${p.detail}`).join('\n');
}

/**
 * Screenshot into artifacts/screenshots/<name>.png, then fails when any text is clipped, overflows,
 * is off screen or is covered. Returns the report for further assertions (e.g. on `truncated`).
 */
export async function assertLayoutFits(page: Page, name: string, opts: LayoutOptions = {}): Promise<LayoutReport> {
  await page.screenshot({ path: screenshotPath(name) });
  const report = await measureLayout(page, opts);
  assert.ok(report.measured > 0, `${name}: no text measured`);
  assert.ok(report.problems.length === 0, `${name}: ${report.problems.length} layout problem(s)\n${formatProblems(report.problems)}`);
  return report;
}
