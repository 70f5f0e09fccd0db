/* Powerhouse: applies the saved colour theme before first paint.
 *
 * Loaded as a classic, blocking script in <head> (an external file, so the CSP needs no 'unsafe-inline'):
 * it runs before the body is laid out, so a saved dark theme never flashes light. The toggle itself lives in
 * app.js; both agree on the storage key and values below.
 *
 * "system" (nothing stored) leaves <html> without data-theme, so the CSS follows prefers-color-scheme;
 * "light" and "dark" set data-theme, which app.css and charts.css both read.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  // Lets the CSS show controls that only work with JavaScript (the theme toggle).
  root.classList.add("js");
  var saved = null;
  try {
    saved = window.localStorage.getItem("powerhouse.theme");
  } catch (e) {
    // Storage can be disabled by policy; the system theme still applies.
  }
  if (saved === "light" || saved === "dark") root.setAttribute("data-theme", saved);
})();
