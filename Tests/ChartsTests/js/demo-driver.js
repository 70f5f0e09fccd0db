// Drives charts.js on the demo page (DemoPage.swift) so a headless screenshot shows a tooltip,
// a zoomed chart, keyboard focus and a hidden legend entry. Not shipped; see DemoPage.swift.
import "./js/charts.js";

const pointer = (svg, type, fraction, extra = {}) => {
  const r = svg.getBoundingClientRect();
  svg.dispatchEvent(new PointerEvent(type, {
    clientX: r.left + r.width * fraction, clientY: r.top + r.height / 2, bubbles: true, pointerId: 1, button: 0, ...extra,
  }));
};
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

await wait(50);
const year = document.querySelector("#year svg");
pointer(year, "pointerdown", 0.45);
pointer(year, "pointermove", 0.5);
pointer(year, "pointerup", 0.5);
const balance = document.querySelector("#balance svg");
pointer(balance, "pointerdown", 0.3);
pointer(balance, "pointermove", 0.55);
pointer(balance, "pointerup", 0.55);
document.querySelector('#fuels .chart-legend-item[data-series="1"] button').click();
const feeder = document.querySelector("#feeder svg");
pointer(feeder, "pointerdown", 0.38);
pointer(feeder, "pointermove", 0.52);
pointer(feeder, "pointerup", 0.52);
await wait(500);
pointer(feeder, "pointermove", 0.47);
const price = document.querySelector("#price svg");
price.focus();
for (let i = 0; i < 5; i++) price.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
pointer(document.querySelector("#fuels svg"), "pointermove", 0.3);
document.body.dataset.driven = "yes";
document.querySelector("#hostile details").open = true;
