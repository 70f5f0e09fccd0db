/* Powerhouse: small enhancements on top of server-rendered pages.
 *
 * Every page works without this file. With it:
 *  - job tables (table[data-live-jobs]) follow job events live over Server-Sent Events;
 *  - submit buttons with data-confirm ask before submitting;
 *  - the header's theme toggle cycles system → light → dark (theme.js applies the choice at load);
 *  - charts (figure[data-chart]) get charts.js, loaded only on pages that have one.
 * No inline styles or handlers anywhere: the CSP forbids them. State is shown with classes, `hidden` and
 * element properties.
 */

const THEME_KEY = "powerhouse.theme";
const THEMES = ["system", "light", "dark"];
const THEME_NAMES = { system: "system", light: "light", dark: "dark" };
const THEME_ICONS = { system: "◐", light: "☀", dark: "☾" };
const FINISHED = new Set(["succeeded", "failed", "cancelled"]);
const JOB_EVENTS = ["job.queued", "job.running", "job.succeeded", "job.failed", "job.cancelled"];

// MARK: theme

function savedTheme() {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return THEMES.includes(value) ? value : "system";
  } catch {
    return "system"; // storage disabled by policy
  }
}

function applyTheme(mode) {
  const root = document.documentElement;
  if (mode === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", mode);
}

function describeToggle(button, mode) {
  const next = THEMES[(THEMES.indexOf(mode) + 1) % THEMES.length];
  const label = `Colour theme: ${THEME_NAMES[mode]}. Switch to ${THEME_NAMES[next]}.`;
  button.setAttribute("aria-label", label);
  button.title = label;
  button.dataset.mode = mode;
  button.textContent = THEME_ICONS[mode];
}

function setUpThemeToggle() {
  const button = document.getElementById("theme-toggle");
  if (!button) return;
  describeToggle(button, savedTheme());
  button.addEventListener("click", () => {
    const mode = THEMES[(THEMES.indexOf(savedTheme()) + 1) % THEMES.length];
    try {
      if (mode === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, mode);
    } catch {
      // Not saved, but still applied for this page.
    }
    applyTheme(mode);
    describeToggle(button, mode);
  });
  // Another tab changed the theme: follow it, so that open tabs agree.
  window.addEventListener("storage", (event) => {
    if (event.key !== THEME_KEY && event.key !== null) return;
    const mode = savedTheme();
    applyTheme(mode);
    describeToggle(button, mode);
  });
}

// MARK: confirmation

function setUpConfirm() {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    // `submitter` names the button used; older browsers lack it, so fall back to the form's only confirm button.
    const button = event.submitter ?? form.querySelector("[type=submit][data-confirm]");
    const question = button?.dataset?.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
}

// MARK: live jobs

/** The rows showing job `id` (the overview may show a job in more than one table). */
function rowsFor(id) {
  if (!id) return [];
  // Pages write ids in lower case; JSON encoders may not.
  const key = CSS.escape(String(id).toLowerCase());
  return document.querySelectorAll(`table[data-live-jobs] tr[data-job-id="${key}"]`);
}

function percent(fraction) {
  return `${Math.round(fraction * 100)}%`;
}

/** Writes what an event says into one row; fields the event does not carry stay as they are. */
function updateRow(row, job) {
  const stateEl = row.querySelector("[data-field=state]");
  if (job.state && stateEl) {
    for (const name of [...stateEl.classList]) if (name.startsWith("state-")) stateEl.classList.remove(name);
    stateEl.classList.add(`state-${job.state}`);
    stateEl.textContent = job.state;
  }
  const progressEl = row.querySelector("[data-field=progress]");
  if (typeof job.progress === "number" && progressEl) {
    const value = Math.min(Math.max(job.progress, 0), 1);
    progressEl.value = value;
    progressEl.textContent = percent(value);
  }
  const messageEl = row.querySelector("[data-field=message]");
  const message = job.error ?? job.message;
  if (messageEl && message != null) messageEl.textContent = message;
  if (job.state && FINISHED.has(job.state)) {
    // A finished job can no longer be cancelled: drop the stale button rather than let it fail.
    for (const form of row.querySelectorAll("form[action$='/cancel']")) form.remove();
  }
  row.dispatchEvent(new CustomEvent("powerhouse:job-update", { bubbles: true, detail: { ...job } }));
}

/** A polite live region for finished jobs. Created with the table, not at the first message: screen readers
 * announce changes only in regions that already existed. */
function announcer() {
  let region = document.getElementById("live-announcer");
  if (!region) {
    region = document.createElement("div");
    region.id = "live-announcer";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    document.body.append(region);
  }
  return region;
}

function apply(job, announce) {
  const rows = rowsFor(job.id);
  for (const row of rows) updateRow(row, job);
  if (announce && rows.length > 0 && FINISHED.has(job.state)) {
    announcer().textContent = ["Job", job.kind, job.state].filter(Boolean).join(" ") + ".";
  }
}

/** After (re)connecting, fetch unfinished jobs once: events sent before the stream opened are not replayed. */
async function reconcile() {
  const rows = document.querySelectorAll("table[data-live-jobs] tr[data-job-id]");
  const pending = new Set();
  for (const row of rows) {
    const state = row.querySelector("[data-field=state]")?.textContent.trim();
    if (!FINISHED.has(state)) pending.add(row.dataset.jobId);
  }
  for (const id of pending) {
    try {
      const response = await fetch(`/api/v1/jobs/${encodeURIComponent(id)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) apply(await response.json(), false);
    } catch {
      // Offline for a moment: the stream's next events will catch up.
    }
  }
}

function connect(tables) {
  const mark = (status) => tables.forEach((table) => (table.dataset.live = status));
  mark("connecting");
  // EventSource reconnects by itself (the server sends `retry:`) and resumes with Last-Event-ID.
  const source = new EventSource("/api/v1/events?topics=jobs");
  source.addEventListener("open", () => {
    mark("open");
    reconcile();
  });
  source.addEventListener("error", () => mark(source.readyState === EventSource.CLOSED ? "closed" : "connecting"));
  const handle = (announce) => (event) => {
    try {
      apply(JSON.parse(event.data), announce);
    } catch {
      // A malformed event is not worth breaking the page for.
    }
  };
  source.addEventListener("job.progress", handle(false));
  for (const type of JOB_EVENTS) source.addEventListener(type, handle(true));
  return source;
}

function setUpLiveJobs() {
  const tables = document.querySelectorAll("table[data-live-jobs]");
  if (tables.length === 0 || !("EventSource" in window)) return;
  announcer();
  let source = connect(tables);
  // Leave cleanly, so that the server frees the subscription at once and the page may enter the back/forward
  // cache; coming back from that cache opens a new stream.
  window.addEventListener("pagehide", () => source.close());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) source = connect(tables);
  });
}

// MARK: charts

function setUpCharts() {
  if (!document.querySelector("figure[data-chart]")) return;
  // Same cache-busting query as this file, so a release never mixes old and new scripts.
  const url = new URL("./charts.js", import.meta.url);
  url.search = new URL(import.meta.url).search;
  import(url.href)
    .then((charts) => charts.enhance?.())
    .catch(() => {
      // The server-rendered SVG stays readable without the enhancement.
    });
}

setUpThemeToggle();
setUpConfirm();
setUpLiveJobs();
setUpCharts();
