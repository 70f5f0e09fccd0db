/* Powerhouse: the series upload wizard's enhancements. Every step works without this file. With it:
 *  - step 1 sends the file with a progress bar (same multipart form post, through XMLHttpRequest) and then
 *    follows the server's redirect to the settings step;
 *  - step 3 reloads itself when the import job finishes, so the result (step 4) appears by itself. The job
 *    row is kept live by app.js (Server-Sent Events), which announces each update as `powerhouse:job-update`.
 * No inline scripts or styles: the CSP forbids them.
 */

function formatBytes(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

function setUpUploadForm() {
  const form = document.getElementById("series-upload-form");
  if (!form || !("FormData" in window)) return;
  const progress = document.getElementById("upload-progress");
  const status = document.getElementById("upload-status");
  form.addEventListener("submit", (event) => {
    const input = form.querySelector("input[type=file]");
    const file = input?.files?.[0];
    if (!file) return; // let the browser say that a file is required
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Uploading ${file.name} (${formatBytes(file.size)})…`;
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      progress.value = e.loaded / e.total;
      status.textContent = `Uploading ${file.name}: ${formatBytes(e.loaded)} of ${formatBytes(e.total)}`;
    });
    request.addEventListener("load", () => {
      // The server answers 303 to the settings step; XMLHttpRequest followed it.
      if (request.status >= 200 && request.status < 300 && request.responseURL && !request.responseURL.endsWith("/series/upload")) {
        window.location.assign(request.responseURL);
        return;
      }
      if (button) button.disabled = false;
      progress.hidden = true;
      status.textContent = failureText(request);
    });
    request.addEventListener("error", () => {
      if (button) button.disabled = false;
      progress.hidden = true;
      status.textContent = "The upload failed: the connection was lost. Try again.";
    });
    request.send(new FormData(form));
  });
}

function failureText(request) {
  try {
    const problem = JSON.parse(request.responseText);
    if (problem && problem.detail) return `The upload was refused: ${problem.detail}`;
  } catch {
    // Not a problem document: an HTML error page or nothing.
  }
  return `The upload was refused (HTTP ${request.status}).`;
}

function setUpImportProgress() {
  const panel = document.getElementById("series-import");
  if (!panel || panel.dataset.finished === "true") return;
  panel.addEventListener("powerhouse:job-update", (event) => {
    const state = event.detail?.state;
    if (state === "succeeded" || state === "failed" || state === "cancelled") window.location.reload();
  });
}

setUpUploadForm();
setUpImportProgress();
