/* Grid module pages: small enhancements on top of server-rendered pages (everything works without them).
 *
 *  - topology drawing: the filter box highlights houses by name or asset (pv, battery, ev, heat pump, priority);
 *  - tables with class "sortable": column headings become buttons that sort the rows (numbers by data-value);
 *  - run page: reloads once the run finishes (app.js keeps the status row live over Server-Sent Events);
 *  - run setup: a chosen weather file is uploaded at once (POST /api/v1/weather) and selected.
 * No inline styles or handlers (the CSP forbids them); state is shown with classes.
 */

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

function setUpFilter() {
  const input = document.querySelector("input[data-topology-filter]");
  if (!input) return;
  const drawings = document.querySelectorAll("svg.topology");
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/[\s,]+/).filter(Boolean);
    for (const svg of drawings) {
      svg.classList.toggle("filtering", words.length > 0);
      for (const house of svg.querySelectorAll(".node-house")) {
        const text = `${house.dataset.house ?? ""} ${house.dataset.assets ?? ""}`.toLowerCase();
        house.classList.toggle("match", words.length > 0 && words.every((w) => text.includes(w)));
      }
    }
  });
}

function cellValue(row, index) {
  const cell = row.cells[index];
  if (!cell) return "";
  const raw = cell.dataset.value;
  if (raw !== undefined && raw !== "" && !Number.isNaN(Number(raw))) return Number(raw);
  const text = cell.textContent.trim();
  const number = Number(text.replace(/[,\s%]/g, ""));
  return text !== "" && !Number.isNaN(number) ? number : text.toLowerCase();
}

function setUpSorting() {
  for (const table of document.querySelectorAll("table.sortable")) {
    const headings = table.tHead?.rows[0]?.cells ?? [];
    [...headings].forEach((th, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.append(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        for (const other of headings) other.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = [...body.rows];
        rows.sort((a, b) => {
          const x = cellValue(a, index), y = cellValue(b, index);
          const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
}

function setUpReload() {
  const table = document.querySelector("table[data-reload-when-finished='true']");
  if (!table) return;
  table.addEventListener("powerhouse:job-update", (event) => {
    if (FINISHED.has(event.detail?.state)) window.setTimeout(() => window.location.reload(), 300);
  });
}

function csrfToken() {
  return document.querySelector("input[name=csrf_token]")?.value ?? "";
}

function setUpWeatherUpload() {
  const input = document.querySelector("input[data-weather-upload]");
  if (!input) return;
  const select = document.getElementById(input.dataset.weatherUpload);
  const status = document.querySelector("[data-weather-status]");
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file || !select) return;
    status.textContent = `Uploading ${file.name}…`;
    try {
      const response = await fetch(`/api/v1/weather?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "text/csv", "X-CSRF-Token": csrfToken(), Accept: "application/json" },
        body: file,
      });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = body.detail ?? `The upload failed (${response.status}).`;
        return;
      }
      const option = document.createElement("option");
      option.value = body.id;
      option.textContent = `${body.name}: ${body.description}`;
      option.selected = true;
      select.append(option);
      status.textContent = `${body.name} is ready: ${body.description}`;
    } catch {
      status.textContent = "The upload failed; check the connection and try again.";
    }
  });
}

setUpFilter();
setUpSorting();
setUpReload();
setUpWeatherUpload();
