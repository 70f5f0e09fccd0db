// charts.js: progressive enhancement for the server-rendered SVG charts (Sources/Charts).
//
// Without this module every chart is complete: SVG, legend and data table. With it:
// - tooltips on hover (nearest point, values with units, local time in the chart's zone);
// - keyboard: focus the chart, ←/→ move the tooltip (Shift: ×10), Home/End, Esc hides;
// - drag across a time chart (figure[data-zoom]) to zoom: the window is re-requested from
//   figure[data-src] (+ &from=ISO&to=ISO&points=WIDTH) and redrawn here; "Reset zoom" restores;
// - legend entries toggle their series.
// It reads the JSON in <script type="application/json" class="chart-data"> and never evaluates
// markup from data (textContent only), so it works under `script-src 'self'`.
//
// The geometry helpers mirror the Swift code (NiceScale, TimeTicks, PathBuilder, ChartNumber);
// Tests/ChartsTests/js/charts.test.mjs checks them against the same cases as the Swift tests.

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400;

// ---- numbers (ChartNumber.swift) ----

/** `value` with `decimals` fixed digits, grouped by thousands with `,`. */
export function formatFixed(value, decimals) {
  if (value == null || !Number.isFinite(value)) return "–";
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor) / factor;
  let text = Math.abs(rounded).toFixed(decimals);
  const [int, frac] = text.split(".");
  text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : "");
  return rounded < 0 && /[1-9]/.test(text) ? "-" + text : text;
}

/** About four significant digits without trailing zeros: `12.35`, `1,235`. */
export function formatValue(value) {
  if (value == null || !Number.isFinite(value)) return "–";
  if (value === 0) return "0";
  const decimals = Math.min(6, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value)))));
  let text = formatFixed(value, decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text === "-0" ? "0" : text;
}

/** SVG coordinate with at most one decimal (svgNumber in Markup.swift). */
export function num(value) {
  if (!Number.isFinite(value)) return "0";
  const tenths = Math.round(value * 10);
  // Swift rounds half away from zero; Math.round rounds half up. Match Swift for negatives.
  const t = value < 0 && Math.abs(value * 10 - Math.trunc(value * 10)) === 0.5 ? tenths - 1 : tenths;
  const whole = Math.trunc(t / 10), fraction = Math.abs(t % 10);
  const sign = t < 0 && whole === 0 ? "-" : "";
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

// ---- value scales (NiceScale.swift) ----

export function niceScale(min, max, targetCount, includeZero = false) {
  let low = min, high = max;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) { low = 0; high = 1; }
  if (includeZero) { low = Math.min(low, 0); high = Math.max(high, 0); }
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= includeZero ? 0 : pad;
    high += pad;
  }
  const raw = (high - low) / Math.max(1, targetCount);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
  const lower = Math.floor(low / step + 1e-9) * step;
  let upper = Math.ceil(high / step - 1e-9) * step;
  if (upper <= lower) upper = lower + step;
  return { lower, upper, step };
}

export const decimalsFor = (step) => Math.max(0, -Math.floor(Math.log10(step)));

export function scaleTicks({ lower, upper, step }) {
  const count = Math.round((upper - lower) / step) + 1;
  const factor = 10 ** decimalsFor(step);
  return Array.from({ length: count }, (_, i) => Math.round((lower + i * step) * factor) / factor);
}

// ---- time ticks (TimeTicks.swift, WallClock.swift) ----

// [advance, unit]: "s" = wall seconds, "m" = months. Nominal month = 30.436875 days.
const STEPS = [
  [60, "s"], [300, "s"], [900, "s"], [1800, "s"], [3600, "s"], [10800, "s"], [21600, "s"], [43200, "s"],
  [DAY, "s"], [7 * DAY, "s"], [1, "m"], [3, "m"], [12, "m"], [24, "m"], [60, "m"], [120, "m"], [300, "m"],
  [600, "m"], [1200, "m"],
];
const nominal = ([n, unit]) => (unit === "s" ? n : n * 2629746);
const level = ([n, unit]) => (unit === "s" ? (n < DAY ? "time" : "day") : n < 12 ? "month" : "year");
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n) => String(n).padStart(2, "0");
const floorDiv = (a, b) => Math.floor(a / b);

const clocks = new Map();
/** Offset from UTC in seconds at UTC second `s` in zone `tz`, via Intl (no tz database of our own). */
export function offsetAt(tz, s) {
  let format = clocks.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric",
    });
    clocks.set(tz, format);
  }
  const p = {};
  for (const part of format.formatToParts(new Date(s * 1000))) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) / 1000 - s;
}

/** UTC second for a wall time: the earlier instant if repeated, `skipped` if in a DST gap. */
function instantForWall(tz, wall) {
  const before = offsetAt(tz, wall - DAY), after = offsetAt(tz, wall + DAY);
  const exact = [wall - before, wall - after].filter((u) => u + offsetAt(tz, u) === wall);
  return exact.length ? { s: Math.min(...exact), skipped: false } : { s: wall - before, skipped: true };
}

function civil(wall) {
  const d = new Date(floorDiv(wall, DAY) * DAY * 1000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: (d.getUTCDay() + 6) % 7 };
}
const monthStart = (index) => Date.UTC(floorDiv(index, 12), index - floorDiv(index, 12) * 12, 1) / 1000;

function floorWall(wall, [n, unit]) {
  if (unit === "m") {
    const c = civil(wall);
    return monthStart(floorDiv(c.y * 12 + c.m - 1, n) * n);
  }
  if (n === 7 * DAY) return (floorDiv(wall, DAY) - civil(wall).wd) * DAY;
  return floorDiv(wall, n) * n;
}

function advance(wall, [n, unit]) {
  if (unit === "s") return wall + n;
  const c = civil(wall);
  return monthStart(c.y * 12 + c.m - 1 + n);
}

function tickLabel(wall, lvl) {
  const c = civil(wall);
  const second = wall - floorDiv(wall, DAY) * DAY;
  if (lvl === "time" && second !== 0) return `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor((second % 3600) / 60))}`;
  if (lvl === "time" || lvl === "day") return `${WEEKDAYS[c.wd]} ${pad2(c.d)}`;
  if (lvl === "month") return `${MONTHS[c.m - 1]} ${c.y}`;
  return String(c.y);
}

/** Ticks `[{time, label}]` within `from…to` (ms) spaced for `width` pixels, at local boundaries in `tz`. */
export function timeTicks(from, to, width, tz, minSpacing = 70) {
  if (!(to >= from)) return [];
  const maxTicks = Math.max(2, Math.floor(width / minSpacing));
  const span = (to - from) / 1000;
  const step = STEPS.find((s) => span / nominal(s) <= maxTicks) ?? STEPS[STEPS.length - 1];
  const lvl = level(step);
  const fromS = floorDiv(from, 1000), toS = floorDiv(to + 999, 1000);
  const last = toS + Math.max(offsetAt(tz, fromS), offsetAt(tz, toS)) + Math.min(nominal(step), DAY);
  const ticks = [];
  for (let wall = floorWall(fromS + offsetAt(tz, fromS), step); wall <= last; wall = advance(wall, step)) {
    const { s, skipped } = instantForWall(tz, wall);
    const ms = s * 1000;
    if (skipped && lvl === "time") continue;
    if (ms >= from && ms <= to && ms > (ticks.length ? ticks[ticks.length - 1].time : -Infinity)) {
      ticks.push({ time: ms, label: tickLabel(wall, lvl) });
    }
  }
  return ticks;
}

// ---- paths (PathBuilder.swift) and stacking (Stacking.swift) ----

export function linePath(xs, ys) {
  let d = "", run = 0;
  ys.forEach((y, i) => {
    if (!Number.isFinite(y)) { if (run === 1) d += "h0"; run = 0; return; }
    d += (run === 0 ? "M" : "L") + num(xs[i]) + " " + num(y);
    run += 1;
  });
  return run === 1 ? d + "h0" : d;
}

export function stepPath(xs, ends, ys) {
  let d = "", inRun = false;
  ys.forEach((y, i) => {
    if (!Number.isFinite(y)) { inRun = false; return; }
    d += (inRun ? "V" + num(y) : "M" + num(xs[i]) + " " + num(y)) + "H" + num(ends[i]);
    inRun = true;
  });
  return d;
}

export function areaPath(xs, tops, bases) {
  let d = "";
  for (let start = 0; start < tops.length; ) {
    if (!Number.isFinite(tops[start])) { start += 1; continue; }
    let end = start;
    while (end + 1 < tops.length && Number.isFinite(tops[end + 1])) end += 1;
    if (end > start) {
      d += "M" + num(xs[start]) + " " + num(tops[start]);
      for (let i = start + 1; i <= end; i++) d += "L" + num(xs[i]) + " " + num(tops[i]);
      for (let i = end; i >= start; i--) d += "L" + num(xs[i]) + " " + num(bases[i]);
      d += "Z";
    }
    start = end + 1;
  }
  return d;
}

/** Positives stack up from zero, negatives down; null/NaN leaves a gap in its own layer only. */
export function stack(columns) {
  const n = Math.max(0, ...columns.map((c) => c.length));
  const pos = new Array(n).fill(0), neg = new Array(n).fill(0);
  return columns.map((values) => values.map((v, i) => {
    if (v == null || !Number.isFinite(v)) return { base: NaN, end: NaN };
    const acc = v >= 0 ? pos : neg;
    const span = { base: acc[i], end: acc[i] + v };
    acc[i] += v;
    return span;
  }));
}

// ---- DOM helpers ----

function el(name, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) if (value != null) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function text(attrs, content) {
  return el("text", attrs, [document.createTextNode(content)]);
}

const estimateWidth = (s) => s.length * 7;
const crisp = (v) => Math.round(v - 0.5) + 0.5;
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const finite = (v) => v != null && Number.isFinite(v);

// ---- one chart ----

class ChartView {
  constructor(figure) {
    this.figure = figure;
    this.svg = figure.querySelector("svg.chart-svg");
    const script = figure.querySelector("script.chart-data");
    if (!this.svg || !script) return;
    this.initial = JSON.parse(script.textContent);
    this.data = this.initial;
    this.pristine = [...this.svg.childNodes].map((n) => n.cloneNode(true));
    this.hidden = new Set();
    this.index = -1;
    this.request = null;
    this.tooltip = document.createElement("div");
    this.tooltip.className = "chart-tooltip";
    this.tooltip.hidden = true;
    this.tooltip.setAttribute("role", "status");
    this.tooltip.setAttribute("aria-live", "polite");
    figure.append(this.tooltip);
    if (figure.dataset.zoom) this.addZoom();
    this.addLegendToggles();
    this.svg.addEventListener("pointermove", (e) => this.onHover(e));
    this.svg.addEventListener("pointerdown", (e) => this.onHover(e)); // a tap shows the tooltip on touch screens
    // Touch pointers "leave" right after lifting; keep the tapped tooltip until the next tap elsewhere.
    this.svg.addEventListener("pointerleave", (e) => { if (!this.drag && e.pointerType !== "touch") this.hide(); });
    this.svg.addEventListener("keydown", (e) => this.onKey(e));
    this.svg.addEventListener("focus", () => this.show(this.index >= 0 ? this.index : this.data.xs.length - 1));
    this.svg.addEventListener("blur", () => this.hide());
  }

  get plot() { const [left, top, width, height] = this.data.plot; return { left, top, width, height }; }

  // Pixel position of x value (or category index).
  px(x) {
    const { left, width } = this.plot;
    if (this.data.x === "category") return left + (x + 0.5) * (width / Math.max(1, this.data.xs.length));
    const [d0, d1] = this.data.domain;
    return left + ((x - d0) / (d1 - d0)) * width;
  }

  py(value, axis = 1) {
    const s = axis === 2 && this.data.y2 ? this.data.y2 : this.data.y;
    const { top, height } = this.plot;
    return top + (1 - (value - s[0]) / (s[1] - s[0])) * height;
  }

  endOf(i) {
    const xs = this.data.xs;
    return i + 1 < xs.length ? xs[i + 1] : xs[i] + this.data.interval;
  }

  isBars() { return this.data.kind === "bars" || this.data.kind === "stacked-bars"; }

  markX(i) {
    const x = this.data.xs[i];
    if (this.data.x !== "category" && this.isBars()) return (this.px(x) + this.px(this.endOf(i))) / 2;
    return this.px(x);
  }

  /** Stack spans by series index for the visible primary series of a stacked chart. */
  stacks(data = this.data) {
    if (data.kind !== "stacked-area" && data.kind !== "stacked-bars") return new Map();
    const primary = data.series.map((s, i) => i).filter((i) => data.series[i].axis === 1 && !this.hidden.has(i));
    const spans = stack(primary.map((i) => data.series[i].values));
    return new Map(primary.map((i, k) => [i, spans[k]]));
  }

  // SVG user units per CSS pixel is size[0] / rendered width.
  toSVG(event) {
    const rect = this.svg.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * this.data.size[0], scale: rect.width / this.data.size[0] };
  }

  nearest(x) {
    const n = this.data.xs.length;
    let lo = 0, hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.markX(mid) < x) lo = mid; else hi = mid;
    }
    return Math.abs(this.markX(lo) - x) <= Math.abs(this.markX(hi) - x) ? lo : hi;
  }

  // ---- tooltip ----

  onHover(event) {
    if (this.drag || !this.data.xs.length) return;
    const { x } = this.toSVG(event);
    const { left, width } = this.plot;
    if (x < left - 4 || x > left + width + 4) return this.hide();
    this.show(this.nearest(x));
  }

  onKey(event) {
    const n = this.data.xs.length;
    if (!n) return;
    const jump = event.shiftKey ? 10 : 1;
    const moves = { ArrowLeft: -jump, ArrowRight: jump, Home: -n, End: n };
    if (event.key === "Escape") { this.hide(); return; }
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.show(Math.max(0, Math.min(n - 1, (this.index < 0 ? n - 1 : this.index) + moves[event.key])));
  }

  xLabel(i) {
    const d = this.data, x = d.xs[i];
    if (d.x === "category") return d.categories[i];
    if (d.x === "linear") return formatValue(x) + (d.xUnit ? " " + d.xUnit : "");
    this.timeFormat ??= new Intl.DateTimeFormat("en-GB", {
      timeZone: d.tz, weekday: "short", day: "2-digit", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
    });
    return this.timeFormat.format(new Date(x));
  }

  show(i) {
    if (i < 0 || i >= this.data.xs.length) return;
    this.index = i;
    const overlay = this.svg.querySelector(".chart-overlay");
    const { top, height } = this.plot;
    const x = this.markX(i);
    const stacks = this.stacks();
    const dots = [];
    const rows = [];
    this.data.series.forEach((s, k) => {
      if (this.hidden.has(k)) return;
      const v = s.values[i];
      const span = stacks.get(k)?.[i];
      const y = finite(v) ? this.py(span ? span.end : v, s.axis) : NaN;
      if (Number.isFinite(y)) dots.push(el("circle", { class: `chart-dot c-${s.color}`, cx: num(x), cy: num(y), r: "3.5" }));
      rows.push(this.tooltipRow(s, v));
    });
    overlay.replaceChildren(
      el("line", { class: "chart-cursor", x1: num(crisp(x)), x2: num(crisp(x)), y1: num(top), y2: num(top + height) }),
      ...dots,
    );
    const head = document.createElement("div");
    head.className = "chart-tooltip-x";
    head.textContent = this.xLabel(i);
    this.tooltip.replaceChildren(head, ...rows);
    this.tooltip.hidden = false;
    this.place(x);
  }

  tooltipRow(series, value) {
    const row = document.createElement("div");
    row.className = `chart-tooltip-row c-${series.color}`;
    const swatch = document.createElement("span");
    swatch.className = series.mark === "line" || series.mark === "step" ? "chart-swatch chart-swatch-line" : "chart-swatch";
    const name = document.createElement("span");
    name.textContent = series.name;
    const val = document.createElement("span");
    val.className = "chart-tooltip-value";
    val.textContent = finite(value) ? formatValue(value) + (series.unit ? " " + series.unit : "") : "no data";
    row.append(swatch, name, val);
    return row;
  }

  // Beside the cursor, flipped to the left near the right edge; CSSOM styles are allowed by the CSP.
  place(x) {
    const svgRect = this.svg.getBoundingClientRect(), figRect = this.figure.getBoundingClientRect();
    const scale = svgRect.width / this.data.size[0];
    const cursor = svgRect.left - figRect.left + x * scale;
    const width = this.tooltip.offsetWidth;
    const left = cursor + 12 + width > figRect.width ? cursor - 12 - width : cursor + 12;
    const top = svgRect.top - figRect.top + this.plot.top * scale;
    this.tooltip.style.transform = `translate(${Math.max(0, Math.round(left))}px, ${Math.round(top)}px)`;
  }

  hide() {
    this.tooltip.hidden = true;
    this.svg.querySelector(".chart-overlay")?.replaceChildren();
  }

  // ---- legend ----

  // Each legend entry's content moves into a toggle button, so keyboards and screen readers get one for free.
  addLegendToggles() {
    for (const item of this.figure.querySelectorAll(".chart-legend-item")) {
      const k = Number(item.dataset.series);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chart-legend-toggle";
      button.setAttribute("aria-pressed", "true");
      button.append(...item.childNodes);
      item.append(button);
      button.addEventListener("click", () => {
        const hidden = !this.hidden.has(k);
        if (hidden) this.hidden.add(k); else this.hidden.delete(k);
        item.classList.toggle("is-hidden", hidden);
        button.setAttribute("aria-pressed", String(!hidden));
        this.applyHidden();
      });
    }
  }

  // Hidden series leave the stacks and the value scales, so the rest fill the chart.
  applyHidden() {
    for (const g of this.svg.querySelectorAll(".chart-series")) {
      g.classList.toggle("is-hidden", this.hidden.has(Number(g.dataset.series)));
    }
    this.data = this.rescale({ ...this.data });
    this.redraw({ xAxis: false });
    if (!this.tooltip.hidden) this.show(this.index);
  }

  // ---- zoom ----

  addZoom() {
    this.reset = document.createElement("button");
    this.reset.type = "button";
    this.reset.className = "chart-reset";
    this.reset.textContent = "Reset zoom";
    this.reset.hidden = true;
    this.reset.addEventListener("click", () => this.resetZoom());
    this.figure.append(this.reset);
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      const { x } = this.toSVG(e);
      const { left, width } = this.plot;
      if (x < left || x > left + width) return;
      this.drag = { start: x, end: x };
      try { this.svg.setPointerCapture(e.pointerId); } catch { /* synthetic or finished pointer */ }
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!this.drag) return;
      const { left, width, top, height } = this.plot;
      this.drag.end = Math.max(left, Math.min(left + width, this.toSVG(e).x));
      const a = Math.min(this.drag.start, this.drag.end), b = Math.max(this.drag.start, this.drag.end);
      this.svg.querySelector(".chart-overlay").replaceChildren(
        el("rect", { class: "chart-brush", x: num(a), y: num(top), width: num(b - a), height: num(height) }),
      );
      this.tooltip.hidden = true;
    });
    const finish = () => {
      if (!this.drag) return;
      const { start, end } = this.drag;
      this.drag = null;
      this.hide();
      if (Math.abs(end - start) < 5) return this.show(this.nearest(end)); // a click or tap, not a drag
      const invert = (x) => this.data.domain[0] + ((x - this.plot.left) / this.plot.width) * (this.data.domain[1] - this.data.domain[0]);
      this.zoomTo(Math.round(invert(Math.min(start, end))), Math.round(invert(Math.max(start, end))));
    };
    this.svg.addEventListener("pointerup", finish);
    this.svg.addEventListener("pointercancel", () => { this.drag = null; this.hide(); });
  }

  async zoomTo(from, to) {
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    let next = null;
    const src = this.figure.dataset.src;
    if (src) {
      this.figure.setAttribute("aria-busy", "true");
      try {
        const points = Math.max(2, Math.round(this.plot.width * (this.svg.getBoundingClientRect().width / this.data.size[0])));
        // Appended as text: re-serializing with URLSearchParams would turn `ids=a,b` into `ids=a%2Cb`.
        const iso = (t) => new Date(t).toISOString();
        const url = `${src}${src.includes("?") ? "&" : "?"}from=${iso(from)}&to=${iso(to)}&points=${points}`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        next = this.merge(await response.json());
      } catch (error) {
        if (error.name === "AbortError") return;
        console.warn("charts.js: could not load zoomed data, magnifying the data on the page", error);
      } finally {
        if (this.request === controller) this.figure.removeAttribute("aria-busy");
      }
    }
    next ??= this.slice(from, to);
    this.data = this.rescale({ ...next, domain: [from, Math.max(to, from + 1)] });
    this.index = -1;
    this.redraw({ xAxis: true });
    this.reset.hidden = false;
  }

  /** The fetched `{times: [ISO], series: [{id, values}]}` onto the initial series (colours, axes, marks). */
  merge(json) {
    const xs = json.times.map((t) => Date.parse(t));
    const byID = new Map(json.series.map((s) => [s.id, s]));
    const series = this.initial.series.map((s) => {
      const fetched = byID.get(s.id);
      const values = fetched ? fetched.values.map((v) => (v == null ? NaN : v)) : xs.map(() => NaN);
      return { ...s, values };
    });
    return { ...this.initial, xs, series };
  }

  /** Without a data source: the points on the page inside the window, plus one either side. */
  slice(from, to) {
    const xs = this.initial.xs;
    let a = xs.findIndex((x) => x >= from);
    if (a < 0) a = xs.length;
    let b = xs.length - 1;
    while (b >= 0 && xs[b] > to) b -= 1;
    const lo = Math.max(0, a - 1), hi = Math.min(xs.length, b + 2);
    return {
      ...this.initial,
      xs: xs.slice(lo, hi),
      series: this.initial.series.map((s) => ({ ...s, values: s.values.slice(lo, hi).map((v) => (v == null ? NaN : v)) })),
    };
  }

  /** New value scales for the visible data, by the rules of PreparedChart.scale. */
  rescale(data) {
    const gaps = [];
    for (let i = 1; i < data.xs.length; i++) if (data.xs[i] > data.xs[i - 1]) gaps.push(data.xs[i] - data.xs[i - 1]);
    data.interval = gaps.length ? median(gaps) : this.initial.interval;
    const target = Math.max(2, Math.floor(data.plot[3] / 48));
    const [d0, d1] = data.domain;
    const visible = (i) => data.xs[i] >= d0 && data.xs[i] <= d1;
    const stacks = this.stacks(data);
    const range = (axis) => {
      let lo = Infinity, hi = -Infinity;
      data.series.forEach((s, k) => {
        if (s.axis !== axis || this.hidden.has(k)) return;
        s.values.forEach((v, i) => {
          const value = stacks.get(k) ? stacks.get(k)[i].end : v;
          if (visible(i) && Number.isFinite(value)) { lo = Math.min(lo, value); hi = Math.max(hi, value); }
        });
      });
      for (const [value, refAxis] of data.refs) if (refAxis === axis) { lo = Math.min(lo, value); hi = Math.max(hi, value); }
      return [lo, hi];
    };
    const zero = !["line", "step"].includes(data.kind);
    const y = data.yRange ? niceScale(data.yRange[0], data.yRange[1], target) : niceScale(...range(1), target, zero);
    data.y = [y.lower, y.upper, y.step];
    if (data.y2) {
      const y2 = niceScale(...range(2), target);
      data.y2 = [y2.lower, y2.upper, y2.step];
    }
    return data;
  }

  resetZoom() {
    this.request?.abort();
    this.figure.removeAttribute("aria-busy");
    this.data = this.initial;
    this.index = -1;
    this.svg.replaceChildren(...this.pristine.map((n) => n.cloneNode(true)));
    if (this.hidden.size) this.applyHidden();
    this.reset.hidden = true;
    this.svg.focus({ preventScroll: true });
  }

  // ---- redraw (PreparedChart+SVG.swift, PreparedChart+Marks.swift) ----

  /** Grid, value axes, marks and reference lines for `this.data`; the time axis too after a zoom. */
  redraw({ xAxis }) {
    const d = this.data, { left, top, width, height } = this.plot;
    const right = left + width, bottom = top + height;
    const y = { lower: d.y[0], upper: d.y[1], step: d.y[2] };

    const grid = scaleTicks(y).map((v) => `M${num(left)} ${num(crisp(this.py(v)))}H${num(right)}`).join("");
    this.svg.querySelector(".chart-grid").setAttribute("d", grid);
    if (xAxis) this.redrawTimeAxis();
    this.redrawYAxis(".chart-axis-y", y, 1, left - 8);
    if (d.y2) this.redrawYAxis(".chart-axis-y2", { lower: d.y2[0], upper: d.y2[1], step: d.y2[2] }, 2, right + 8);

    const stacks = this.stacks();
    const xs = d.xs.map((_, i) => this.markX(i));
    const zero = this.py(Math.max(y.lower, Math.min(y.upper, 0)));
    for (const g of this.svg.querySelectorAll(".chart-series")) {
      const k = Number(g.dataset.series), s = d.series[k], span = stacks.get(k);
      const tops = s.values.map((v, i) => (span ? this.py(span[i].end) : finite(v) ? this.py(v, s.axis) : NaN));
      const line = (path) => el("path", { class: "chart-line", d: path, fill: "none" });
      const mark = s.mark === "step" && d.x === "category" ? "line" : s.mark;
      if (mark === "bars" || mark === "stacked-bars") {
        g.replaceChildren(...this.bars(k, span));
      } else if (mark === "step") {
        g.replaceChildren(line(stepPath(xs, d.xs.map((_, i) => this.px(this.endOf(i))), tops)));
      } else if (mark === "area" || mark === "stacked-area") {
        const bases = span ? span.map((p) => (Number.isFinite(p.end) ? this.py(p.base) : NaN)) : xs.map(() => zero);
        g.replaceChildren(el("path", { class: "chart-area", d: areaPath(xs, tops, bases) }), line(linePath(xs, tops)));
      } else {
        g.replaceChildren(line(linePath(xs, tops)));
      }
    }

    for (const [k, g] of [...this.svg.querySelectorAll(".chart-ref")].entries()) {
      const [value, axis] = d.refs[k];
      const yy = crisp(this.py(value, axis));
      g.querySelector("path")?.setAttribute("d", `M${num(left)} ${num(yy)}H${num(right)}`);
      g.querySelector("text")?.setAttribute("y", num(yy - 4));
    }
  }

  /** Bars of series `k` (PreparedChart.bars): side by side in `bars`, on their stack in `stacked-bars`. */
  bars(k, span) {
    const d = this.data, { top, height, width } = this.plot;
    const barSeries = d.series.map((s, i) => i).filter((i) => d.series[i].mark.endsWith("bars") && !this.hidden.has(i));
    const grouped = d.kind === "bars" ? barSeries.length : 1;
    const slot = Math.max(0, barSeries.indexOf(k));
    const rects = [];
    d.series[k].values.forEach((v, i) => {
      if (!finite(v)) return;
      let left, w;
      if (d.x === "category") {
        const band = width / Math.max(1, d.xs.length);
        [left, w] = [this.px(d.xs[i]) - band * 0.35, band * 0.7];
      } else {
        const start = this.px(d.xs[i]), end = this.px(this.endOf(i));
        w = Math.max(0.5, (end - start) * 0.8);
        left = start + (end - start - w) / 2;
      }
      w /= grouped;
      if (grouped > 1) left += slot * w;
      const { base, end } = span?.[i] ?? { base: 0, end: v };
      const [a, b] = [this.py(base), this.py(end)].map((p) => Math.max(top, Math.min(top + height, p)));
      rects.push(el("rect", { class: "chart-bar", x: num(left), y: num(Math.min(a, b)), width: num(w), height: num(Math.abs(b - a)) }));
    });
    return rects;
  }

  redrawTimeAxis() {
    const d = this.data, { left, top, width, height } = this.plot;
    const right = left + width, bottom = top + height, svgWidth = d.size[0];
    const ticks = timeTicks(d.domain[0], d.domain[1], width, d.tz).map((t) => ({ x: this.px(t.time), label: t.label }));
    const base = crisp(bottom);
    const xAxis = el("g", { class: "chart-axis chart-axis-x", "text-anchor": "middle", "aria-hidden": "true" }, [
      el("path", { class: "chart-axis-line", d: `M${num(left)} ${num(base)}H${num(right)}` + ticks.map((t) => `M${num(crisp(t.x))} ${num(base)}v4`).join("") }),
      ...ticks.map((t) => {
        const half = estimateWidth(t.label) / 2;
        const anchor = t.x - half < 0 ? "start" : t.x + half > svgWidth ? "end" : null;
        return text({ x: num(t.x), y: num(bottom + 16), "text-anchor": anchor }, t.label);
      }),
    ]);
    this.svg.querySelector(".chart-axis-x").replaceWith(xAxis);
  }

  redrawYAxis(selector, scale, axis, x) {
    const group = this.svg.querySelector(selector);
    if (!group) return;
    const label = group.querySelector(".chart-axis-label");
    const decimals = decimalsFor(scale.step);
    group.replaceChildren(
      ...scaleTicks(scale).map((v) => text({ x: num(x), y: num(this.py(v, axis) + 4) }, formatFixed(v, decimals))),
      ...(label ? [label] : []),
    );
  }
}

/** Enhances every chart under `root` once; call again after inserting charts into the page. */
export function enhance(root = document) {
  for (const figure of root.querySelectorAll("figure[data-chart]")) {
    if (!figure.chartView) figure.chartView = new ChartView(figure);
  }
}

if (typeof document !== "undefined") enhance();
