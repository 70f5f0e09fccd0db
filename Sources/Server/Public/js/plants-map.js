// plants-map.js: zoom, pan and tooltips for the plant map (Sources/WebUI/Plants/PlantMapSVG.swift).
//
// Without this module the map is complete: every circle links to its plant and carries a <title>, which
// browsers show as a tooltip. With it:
// - scroll (or the + and − buttons, or the + / − keys) zooms around the pointer, drag or arrow keys pan,
//   "Reset" (or 0) goes back; circles grow only with the square root of the zoom so dense areas separate;
// - hovering or focusing a circle shows a tooltip drawn inside the SVG (no style attributes: the CSP
//   forbids them), built with textContent from the circle's <title>;
// - a drag that ends on a circle does not open it; a click does.

const SVGNS = "http://www.w3.org/2000/svg";

function enhance(svg) {
  const box = svg.viewBox.baseVal;
  const home = { x: box.x, y: box.y, width: box.width, height: box.height };
  let view = { ...home };
  const circles = Array.from(svg.querySelectorAll("circle.pd"));
  const labels = Array.from(svg.querySelectorAll(".map-label, .map-inset-label, .map-graticule-label"));

  function apply() {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.width} ${view.height}`);
    const zoom = home.width / view.width;
    const shrink = 1 / Math.sqrt(zoom);
    for (const c of circles) c.setAttribute("r", (Number(c.dataset.r) * shrink).toFixed(2));
    for (const t of labels) t.setAttribute("font-size", (12 / zoom).toFixed(2));
    svg.classList.toggle("zoomed", zoom > 1.01);
  }

  function zoomAt(factor, cx, cy) {
    const width = Math.min(home.width, Math.max(home.width / 40, view.width / factor));
    const height = width * home.height / home.width;
    const px = cx ?? view.x + view.width / 2, py = cy ?? view.y + view.height / 2;
    view = {
      x: px - (px - view.x) * (width / view.width),
      y: py - (py - view.y) * (height / view.height),
      width, height,
    };
    clamp();
    apply();
  }

  function clamp() {
    view.x = Math.min(home.x + home.width - view.width, Math.max(home.x, view.x));
    view.y = Math.min(home.y + home.height - view.height, Math.max(home.y, view.y));
  }

  function svgPoint(event) {
    const rect = svg.getBoundingClientRect();
    return {
      x: view.x + (event.clientX - rect.left) / rect.width * view.width,
      y: view.y + (event.clientY - rect.top) / rect.height * view.height,
    };
  }

  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const p = svgPoint(event);
    zoomAt(event.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
  }, { passive: false });

  // Drag to pan.
  let drag = null;
  let moved = false;
  svg.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view } };
    moved = false;
  });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const rect = svg.getBoundingClientRect();
    const dx = (event.clientX - drag.x) / rect.width * view.width;
    const dy = (event.clientY - drag.y) / rect.height * view.height;
    if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 4) moved = true;
    if (!moved) return;
    svg.classList.add("panning");
    view = { ...drag.view, x: drag.view.x - dx, y: drag.view.y - dy };
    clamp();
    apply();
  });
  window.addEventListener("pointerup", () => {
    drag = null;
    svg.classList.remove("panning");
  });
  svg.addEventListener("click", (event) => {
    if (moved) {
      event.preventDefault();
      moved = false;
    }
  }, true);

  // Keyboard, when the map has focus.
  svg.setAttribute("tabindex", "0");
  svg.addEventListener("keydown", (event) => {
    const step = view.width / 10;
    const actions = {
      "+": () => zoomAt(1.5), "=": () => zoomAt(1.5), "-": () => zoomAt(1 / 1.5), "0": () => { view = { ...home }; apply(); },
      ArrowLeft: () => { view.x -= step; clamp(); apply(); }, ArrowRight: () => { view.x += step; clamp(); apply(); },
      ArrowUp: () => { view.y -= step; clamp(); apply(); }, ArrowDown: () => { view.y += step; clamp(); apply(); },
    };
    const action = actions[event.key];
    if (action) {
      action();
      event.preventDefault();
    }
  });

  // Buttons in the toolbar above the map.
  const toolbar = document.querySelector(`[data-map-controls="${svg.id}"]`);
  if (toolbar) {
    const group = document.createElement("div");
    group.className = "map-buttons";
    for (const [label, title, act] of [
      ["+", "Zoom in", () => zoomAt(1.5)], ["−", "Zoom out", () => zoomAt(1 / 1.5)],
      ["Reset", "Show the whole map", () => { view = { ...home }; apply(); }],
    ]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = label;
      button.title = title;
      button.setAttribute("aria-label", title);
      button.addEventListener("click", act);
      group.appendChild(button);
    }
    toolbar.prepend(group);
  }

  // Tooltip drawn in the SVG.
  const tip = document.createElementNS(SVGNS, "g");
  tip.setAttribute("class", "map-tip");
  tip.setAttribute("aria-hidden", "true");
  tip.setAttribute("visibility", "hidden");
  const back = document.createElementNS(SVGNS, "rect");
  back.setAttribute("rx", "3");
  tip.appendChild(back);
  svg.appendChild(tip);

  function show(circle) {
    const title = circle.querySelector("title")?.textContent ?? "";
    const lines = title.split(" · ");
    while (tip.childNodes.length > 1) tip.removeChild(tip.lastChild);
    const zoom = home.width / view.width;
    const size = 12 / zoom;
    lines.forEach((line, i) => {
      const text = document.createElementNS(SVGNS, "text");
      text.setAttribute("x", String(6 / zoom));
      text.setAttribute("y", String((i + 1) * size * 1.3));
      text.setAttribute("font-size", size.toFixed(2));
      if (i === 0) text.setAttribute("class", "map-tip-title");
      text.textContent = line;
      tip.appendChild(text);
    });
    tip.setAttribute("visibility", "visible");
    const bbox = tip.getBBox();
    back.setAttribute("x", "0");
    back.setAttribute("y", "0");
    back.setAttribute("width", String(bbox.width + 12 / zoom));
    back.setAttribute("height", String(bbox.height + 8 / zoom));
    const cx = Number(circle.getAttribute("cx")), cy = Number(circle.getAttribute("cy"));
    const r = Number(circle.getAttribute("r"));
    let x = cx + r + 4 / zoom, y = cy - (bbox.height + 8 / zoom) / 2;
    if (x + bbox.width + 12 / zoom > view.x + view.width) x = cx - r - 4 / zoom - bbox.width - 12 / zoom;
    y = Math.max(view.y, Math.min(y, view.y + view.height - bbox.height - 8 / zoom));
    tip.setAttribute("transform", `translate(${x} ${y})`);
  }

  function hide() { tip.setAttribute("visibility", "hidden"); }

  for (const circle of circles) {
    circle.addEventListener("pointerenter", () => { if (!drag) show(circle); });
    circle.addEventListener("pointerleave", hide);
    const link = circle.parentElement;
    link?.addEventListener("focus", () => show(circle));
    link?.addEventListener("blur", hide);
  }
  svg.addEventListener("pointerleave", hide);
  apply();
}

for (const svg of document.querySelectorAll("svg.plant-map-svg")) enhance(svg);
