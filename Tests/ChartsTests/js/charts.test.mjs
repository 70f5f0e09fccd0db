// Tests for the pure helpers in Sources/Server/Public/js/charts.js, on the same cases as the
// Swift tests, so the client redraws exactly what the server draws. Run: node --test <this file>
// (ChartsJSTests.swift runs it as part of `swift test` when node is installed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

// charts.js is an ES module in a folder without package.json: load it as a data: URL.
const source = await readFile(new URL("../../../Sources/Server/Public/js/charts.js", import.meta.url), "utf8");
const charts = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
const ms = (iso) => Date.parse(iso);
const labels = (ticks) => ticks.map((t) => t.label);

test("formats numbers like ChartNumber", () => {
  assert.equal(charts.formatFixed(1234567.891, 2), "1,234,567.89");
  assert.equal(charts.formatFixed(-4500, 0), "-4,500");
  assert.equal(charts.formatFixed(-0.001, 2), "0.00");
  assert.equal(charts.formatFixed(1234.5, 0), "1,235");
  assert.equal(charts.formatValue(12.3456), "12.35");
  assert.equal(charts.formatValue(12.5), "12.5");
  assert.equal(charts.formatValue(123456.7), "123,457");
  assert.equal(charts.formatValue(-3), "-3");
  assert.equal(charts.formatValue(null), "–");
});

test("svg numbers use one decimal like svgNumber", () => {
  assert.deepEqual([12, 12.04, 12.25, -0.25, -3.5, NaN].map(charts.num), ["12", "12", "12.3", "-0.3", "-3.5", "0"]);
});

test("nice scales like NiceScale", () => {
  assert.deepEqual(charts.niceScale(0, 97, 5), { lower: 0, upper: 100, step: 20 });
  assert.deepEqual(charts.scaleTicks(charts.niceScale(0.13, 0.37, 5)), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]);
  assert.deepEqual(charts.niceScale(230, 250, 5, true), { lower: 0, upper: 250, step: 50 });
  assert.deepEqual(charts.scaleTicks(charts.niceScale(5, 5, 4)), [4.5, 5, 5.5]);
  assert.deepEqual(charts.scaleTicks(charts.niceScale(0.1, 0.3, 2)), [0.1, 0.2, 0.3]);
  assert.equal(charts.decimalsFor(0.05), 2);
});

test("time ticks: one day every three hours, midnight named", () => {
  const ticks = charts.timeTicks(ms("2025-01-01T00:00:00+01:00"), ms("2025-01-02T00:00:00+01:00"), 700, "Europe/Zurich");
  assert.deepEqual(labels(ticks), ["Wed 01", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "Thu 02"]);
});

test("time ticks skip the missing hour and label the repeated hour once", () => {
  const spring = charts.timeTicks(ms("2025-03-30T00:00:00+01:00"), ms("2025-03-30T05:00:00+02:00"), 490, "Europe/Zurich");
  assert.deepEqual(labels(spring), ["Sun 30", "01:00", "03:00", "04:00", "05:00"]);
  assert.equal(spring[2].time - spring[1].time, 3600000);
  const fall = charts.timeTicks(ms("2025-10-26T00:00:00+02:00"), ms("2025-10-26T04:00:00+01:00"), 490, "Europe/Zurich");
  assert.deepEqual(labels(fall), ["Sun 26", "01:00", "02:00", "03:00", "04:00"]);
  assert.equal(fall[2].time, ms("2025-10-26T02:00:00+02:00"));
});

test("day ticks stay at local midnight, and a skipped midnight ticks at the first instant", () => {
  const ny = charts.timeTicks(ms("2025-03-07T00:00:00-05:00"), ms("2025-03-12T00:00:00-04:00"), 490, "America/New_York");
  assert.deepEqual(labels(ny), ["Fri 07", "Sat 08", "Sun 09", "Mon 10", "Tue 11", "Wed 12"]);
  assert.equal(ny[3].time - ny[2].time, 23 * 3600000);
  const chile = charts.timeTicks(ms("2024-09-06T00:00:00-04:00"), ms("2024-09-10T00:00:00-03:00"), 490, "America/Santiago");
  assert.deepEqual(labels(chile), ["Fri 06", "Sat 07", "Sun 08", "Mon 09", "Tue 10"]);
  assert.equal(chile[2].time, ms("2024-09-08T01:00:00-03:00"));
});

test("half-hour zones, quarters and years", () => {
  const kolkata = charts.timeTicks(ms("2025-01-01T01:00:00+05:30"), ms("2025-01-01T10:00:00+05:30"), 280, "Asia/Kolkata");
  assert.deepEqual(labels(kolkata), ["03:00", "06:00", "09:00"]);
  const quarters = charts.timeTicks(ms("2025-01-01T00:00:00+01:00"), ms("2026-01-01T00:00:00+01:00"), 700, "Europe/Berlin");
  assert.deepEqual(labels(quarters), ["Jan 2025", "Apr 2025", "Jul 2025", "Oct 2025", "Jan 2026"]);
  const years = charts.timeTicks(ms("2000-01-01T00:00:00+01:00"), ms("2025-06-01T00:00:00+02:00"), 700, "Europe/Berlin");
  assert.deepEqual(labels(years), ["2000", "2005", "2010", "2015", "2020", "2025"]);
});

test("paths like PathBuilder", () => {
  assert.equal(charts.linePath([0, 10, 20, 30, 40, 50], [5, 6, NaN, 7, NaN, 8.25]), "M0 5L10 6M30 7h0M50 8.3h0");
  assert.equal(charts.stepPath([0, 10, 20, 30], [10, 20, 30, 40], [1, 2, NaN, 3]), "M0 1H10V2H20M30 3H40");
  assert.equal(charts.areaPath([0, 10, 20, 30, 40], [1, 2, NaN, 3, 4], [9, 9, 9, 8, 7]), "M0 1L10 2L10 9L0 9ZM30 3L40 4L40 7L30 8Z");
});

test("stacking like Stacking", () => {
  const spans = charts.stack([[1, -2, 3], [2, -1, null], [4, 5, 1]]);
  assert.deepEqual(spans[1].slice(0, 2), [{ base: 1, end: 3 }, { base: -2, end: -3 }]);
  assert.ok(Number.isNaN(spans[1][2].end));
  assert.deepEqual(spans[2], [{ base: 3, end: 7 }, { base: 0, end: 5 }, { base: 3, end: 4 }]);
});
