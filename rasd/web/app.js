// rasd web page: the analyst's workspace. A Leaflet map (offline: Natural Earth borders from
// world-atlas, the governorate/district layer from /geo/admin), a timeline with a date brush, an
// actor network, the event table, the report view with its spans highlighted from their offsets,
// and corrections. Nothing is fetched from elsewhere. Report text is only ever set with
// textContent (or passed to Leaflet as DOM nodes), never parsed as HTML, so a report cannot
// inject markup.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
                 "#469990", "#800000", "#808000", "#000075", "#bfef45", "#a9a9a9", "#dcbeff", "#fabed4",
                 "#ffe119", "#aaffc3", "#ffd8b1"];
const TYPES = ["ARMED_CLASH", "TERRITORY_TAKEN", "AIRSTRIKE", "SHELLING", "BOMBING", "CHEMICAL_ATTACK",
               "ATTACK_ON_CIVILIANS", "ABDUCTION", "ARREST", "PROTEST", "RIOT", "MOBILIZATION", "DEFECTION",
               "ALLIANCE", "AGREEMENT", "MEETING", "PRISONER_RELEASE", "TERRITORY_HANDOVER", "CASUALTIES"];
const MODALITIES = ["asserted", "negated", "planned", "conditional"];
const FILTERS = ["type", "modality", "outlet", "actor", "person", "place", "text", "from", "to", "bbox", "limit",
                 "offset"];

const $ = (sel) => document.querySelector(sel);
const colour = (type) => PALETTE[Math.max(0, TYPES.indexOf(type)) % PALETTE.length];

function svgEl(name, attrs = {}, parent = null) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

function htmlEl(name, text = null, parent = null, attrs = {}) {
  const el = document.createElement(name);
  if (text !== null && text !== undefined) el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

// A name in a left-to-right line keeps its own direction: <bdi> isolates it (mixed Arabic/English).
function bdi(text, parent) { return htmlEl("bdi", text, parent); }

function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

function emptyNote(svg, text) {
  const vb = svg.viewBox.baseVal;
  svgEl("text", {x: vb.width / 2, y: vb.height / 2, "text-anchor": "middle", class: "empty"}, svg).textContent = text;
}

// ---- record helpers ---------------------------------------------------------------------------

const nameOf = (p) => p.name_en || p.name_ar || "?";
const bothNames = (p) => (p.name_ar && p.name_en && p.name_ar !== p.name_en) ? `${p.name_ar} (${p.name_en})` : nameOf(p);
const actorKey = (p) => p.kb_id || `name:${p.name_ar || p.name_en}`;
const dateOf = (ev) => (ev.date && ev.date.value) || null;
const located = (ev) => (ev.places || []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
const evidenceOf = (ev) => (ev.sources || []).flatMap((s) => s.evidence || []);
const isWrong = (ev) => Boolean(ev.correction && ev.correction.wrong);

// Arabic and English names each isolated, so neither reorders the other or the line around them.
function nameInto(parent, p) {
  const span = htmlEl("span", null, parent, {class: "name"});
  if (p.name_ar) bdi(p.name_ar, span);
  if (p.name_en && p.name_en !== p.name_ar) {
    if (p.name_ar) span.appendChild(document.createTextNode(" ("));
    bdi(p.name_en, span);
    if (p.name_ar) span.appendChild(document.createTextNode(")"));
  }
  if (!p.name_ar && !p.name_en) span.appendChild(document.createTextNode("?"));
  return span;
}

function namesInto(parent, list, sep = ", ") {
  (list || []).forEach((p, i) => {
    if (i) parent.appendChild(document.createTextNode(sep));
    nameInto(parent, p);
  });
}

function actorsInto(parent, ev) {
  if ((ev.agents || []).length || (ev.targets || []).length) {
    if ((ev.agents || []).length) namesInto(parent, ev.agents); else parent.appendChild(document.createTextNode("?"));
    parent.appendChild(document.createTextNode(" → "));
    if ((ev.targets || []).length) namesInto(parent, ev.targets); else parent.appendChild(document.createTextNode("—"));
  }
  if ((ev.partners || []).length) {
    parent.appendChild(document.createTextNode(" with "));
    namesInto(parent, ev.partners);
  }
}

function correctedBadge(ev, parent) {
  if (!ev.correction) return;
  const c = ev.correction;
  const text = c.wrong ? "marked wrong" : `corrected: ${c.fields.join(", ")}`;
  htmlEl("span", text, parent, {class: c.wrong ? "badge wrong" : "badge corrected",
                                title: `by ${c.author} at ${c.time}`});
}

// ---- tooltip (timeline, network) ----------------------------------------------------------------

const tooltip = $("#tooltip");

function showTip(event, lines) {
  clear(tooltip);
  for (const [label, value] of lines) {
    if (!value) continue;
    const row = htmlEl("div", null, tooltip);
    htmlEl("b", `${label}: `, row);
    bdi(value, row);
  }
  tooltip.hidden = false;
  const pad = 14;
  const x = Math.min(event.clientX + pad, window.innerWidth - tooltip.offsetWidth - pad);
  const y = Math.min(event.clientY + pad, window.innerHeight - tooltip.offsetHeight - pad);
  tooltip.style.left = `${Math.max(0, x)}px`;
  tooltip.style.top = `${Math.max(0, y)}px`;
}

function hideTip() { tooltip.hidden = true; }

function withTip(el, lines) {
  el.addEventListener("mousemove", (e) => showTip(e, lines()));
  el.addEventListener("mouseleave", hideTip);
}

function eventCard(ev, place) {
  const card = htmlEl("div", null, null, {class: "card", dir: "ltr"});
  const head = htmlEl("div", null, card);
  htmlEl("b", ev.type, head);
  head.appendChild(document.createTextNode(` · ${dateOf(ev) || "undated"}`));
  if (ev.fatalities != null) head.appendChild(document.createTextNode(` · ${ev.fatalities} killed`));
  correctedBadge(ev, head);
  const who = htmlEl("div", null, card);
  actorsInto(who, ev);
  const where = htmlEl("div", null, card);
  namesInto(where, place ? [place] : ev.places);
  const evidence = evidenceOf(ev);
  if (evidence.length) htmlEl("div", evidence[0], card, {class: "quote", lang: "ar", dir: "rtl"});
  return card;
}

// ---- state ----------------------------------------------------------------------------------

const state = {events: [], byId: new Map(), selected: null, doc: null, pickPoint: null, editing: null};

// ---- map ------------------------------------------------------------------------------------

const map = L.map("map", {zoomControl: true, minZoom: 3, maxZoom: 14, keyboard: true, worldCopyJump: false, preferCanvas: false,
                          attributionControl: true}).setView([35, 38.5], 6);
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Borders: Natural Earth · Admin: Open-Syria (CC BY 4.0); " +
                                      "governorate/district lines approximate, drawn from OCHA localities");
const SYRIA_ISO_NUMERIC = "760";
const bordersLayer = L.layerGroup().addTo(map);
const adminLayer = L.layerGroup().addTo(map);
const markers = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true});
map.addLayer(markers);
let boxLayer = null;

async function drawBorders() {
  const topo = await getJSON("static/vendor/countries-50m.json");
  const countries = topojson.feature(topo, topo.objects.countries);
  state.syria = countries.features.find((f) => String(f.id) === SYRIA_ISO_NUMERIC) || null;
  const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  L.geoJSON(countries, {style: {color: "#c5ccd6", weight: 0, fillColor: "#f5f3ec", fillOpacity: 1},
                        interactive: false}).addTo(bordersLayer);
  L.geoJSON(borders, {style: {color: "#7d8794", weight: 1.2}, interactive: false,
                      className: "country-border"}).addTo(bordersLayer);
}

// Is [lon, lat] inside a GeoJSON (Multi)Polygon?  Even-odd ray casting over every ring.
function inside(geometry, lon, lat) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let hit = false;
  for (const rings of polys) {
    for (const ring of rings) {
      for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
        const [x1, y1] = ring[k], [x2, y2] = ring[m];
        if ((y1 > lat) !== (y2 > lat) && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) hit = !hit;
      }
    }
  }
  return hit;
}

// Approximate governorate and district boundaries.  The installed data has no polygons, only
// ~5,800 localities filed under their governorate and district, so the boundary between two units
// is drawn where a Voronoi cell of one unit's locality meets a cell of the other's: the edge
// dual to each Delaunay edge whose two localities lie in different units.  Edges of sparse areas
// (longer than MAX_EDGE degrees) and edges outside Syria's border are left out.  The attribution
// says the lines are approximate.
const MAX_EDGE = 0.6;
function drawBoundaries(cells) {
  const pts = (cells && cells.points) || [];
  if (pts.length < 3 || typeof d3 === "undefined") return;
  const delaunay = d3.Delaunay.from(pts, (p) => p[0], (p) => p[1]);
  const {halfedges, triangles} = delaunay;
  const cc = delaunay.voronoi().circumcenters;
  const lines = {governorate: [], district: []};
  for (let e = 0; e < halfedges.length; e++) {
    const o = halfedges[e];
    if (o < e) continue;                          // each inner edge once; hull edges have o = -1
    const a = pts[triangles[e]], b = pts[triangles[e % 3 === 2 ? e - 2 : e + 1]];
    const kind = a[2] !== b[2] ? "governorate" : (a[3] !== b[3] ? "district" : null);
    if (!kind) continue;
    const ta = Math.floor(e / 3), tb = Math.floor(o / 3);
    const [x1, y1, x2, y2] = [cc[2 * ta], cc[2 * ta + 1], cc[2 * tb], cc[2 * tb + 1]];
    if (!(Math.hypot(x1 - x2, y1 - y2) <= MAX_EDGE)) continue;
    if (state.syria && !inside(state.syria.geometry, (x1 + x2) / 2, (y1 + y2) / 2)) continue;
    lines[kind].push([[y1, x1], [y2, x2]]);
  }
  L.polyline(lines.district, {color: "#a9b1bb", weight: 0.8, dashArray: "2 3", interactive: false,
                              className: "admin-line admin-line-district"}).addTo(adminLayer);
  L.polyline(lines.governorate, {color: "#8a939e", weight: 1.4, dashArray: "5 3", interactive: false,
                                 className: "admin-line admin-line-governorate"}).addTo(adminLayer);
  $("#map").dataset.adminLines = String(lines.governorate.length + lines.district.length);
}

async function drawAdmin() {
  let fc;
  try { fc = await getJSON("geo/admin"); } catch (err) { return; }   // no gazetteer installed: no layer
  drawBoundaries(fc.cells);
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates;
    const gov = f.properties.kind === "governorate";
    const label = htmlEl("span", null, null, {class: gov ? "gov-label" : "district-label"});
    bdi(f.properties.name_en || f.properties.name_ar, label);
    const m = L.circleMarker([lat, lon], {radius: gov ? 0 : 2, color: "#9aa2ad", weight: 1, interactive: false,
                                          className: `admin-${f.properties.kind}`});
    if (gov) m.bindTooltip(label, {permanent: true, direction: "center", className: "admin-tip"});
    m.addTo(adminLayer);
  }
  // districts only when zoomed in, so labels do not pile on each other
  const toggle = () => document.body.classList.toggle("zoomed-out", map.getZoom() < 8);
  map.on("zoomend", toggle);
  toggle();
}

function markerFor(ev, p) {
  const killed = ev.fatalities || 0;
  const size = Math.round(12 + Math.min(26, 4 * Math.sqrt(killed)));
  const dot = htmlEl("span", null, null, {class: "dot"});
  dot.style.background = colour(ev.type);
  dot.style.width = dot.style.height = `${size}px`;
  if (isWrong(ev)) dot.classList.add("wrong");
  if (ev.correction && !isWrong(ev)) dot.classList.add("corrected");
  const icon = L.divIcon({html: dot, className: "event-marker", iconSize: [size, size]});
  const m = L.marker([p.lat, p.lon], {icon, keyboard: true, title: `${ev.type} ${dateOf(ev) || ""}`,
                                      alt: `${ev.type} ${dateOf(ev) || ""}`});
  m.bindTooltip(() => eventCard(ev, p), {direction: "top", opacity: 0.97});
  m.on("click keypress", () => select(ev.merged_id));
  // the cluster layer re-creates a marker's element whenever it is shown again (zoom, spiderfy),
  // so the element learns its event, and whether it is the selected one, each time it is added
  m.on("add", () => {
    const el = m.getElement();
    if (!el) return;
    el.dataset.event = ev.merged_id;
    el.classList.toggle("selected", state.selected === ev.merged_id);
  });
  m.eventId = ev.merged_id;
  return m;
}

function drawMap(events) {
  markers.clearLayers();
  const layers = [];
  for (const ev of events) {
    for (const p of located(ev).slice(0, 1)) layers.push(markerFor(ev, p));  // one marker per event
  }
  markers.addLayers(layers);
  $("#map").dataset.markers = String(layers.length);
  if (layers.length && !state.keepView) {
    const b = L.latLngBounds(layers.map((m) => m.getLatLng()));
    map.fitBounds(b.pad(0.6), {maxZoom: 8});
  }
  state.keepView = false;
}

function drawLegend(events) {
  const legend = $("#legend");
  clear(legend);
  const counts = new Map();
  for (const ev of events) counts.set(ev.type, (counts.get(ev.type) || 0) + 1);
  for (const [type, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    const item = htmlEl("span", `${type} (${n})`, legend);
    item.style.setProperty("--swatch", colour(type));
  }
}

// Box drawing: press the button, then drag on the map; the box becomes the bbox filter.
function setupBoxDrawing() {
  const button = $("#draw-box");
  let start = null, rect = null;
  button.addEventListener("click", () => {
    const on = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(on));
    if (on) map.dragging.disable(); else map.dragging.enable();
  });
  map.on("mousedown", (e) => {
    if (button.getAttribute("aria-pressed") !== "true") return;
    start = e.latlng;
    rect = L.rectangle([start, start], {color: "#1f5fa8", weight: 1, interactive: false}).addTo(map);
  });
  map.on("mousemove", (e) => { if (start && rect) rect.setBounds([start, e.latlng]); });
  map.on("mouseup", (e) => {
    if (!start) return;
    const b = L.latLngBounds(start, e.latlng);
    map.removeLayer(rect);
    start = rect = null;
    button.setAttribute("aria-pressed", "false");
    map.dragging.enable();
    const f = (v) => v.toFixed(3);
    $("#filters").bbox.value = `${f(b.getWest())},${f(b.getSouth())},${f(b.getEast())},${f(b.getNorth())}`;
    state.keepView = true;
    load(true);
  });
}

function drawBox() {
  if (boxLayer) { map.removeLayer(boxLayer); boxLayer = null; }
  const v = $("#filters").bbox.value.split(",").map(Number);
  if (v.length === 4 && v.every(Number.isFinite)) {
    boxLayer = L.rectangle([[v[1], v[0]], [v[3], v[2]]], {color: "#1f5fa8", weight: 1, fill: false,
                                                          interactive: false, dashArray: "4"}).addTo(map);
  }
}

// ---- selection: one event everywhere ----------------------------------------------------------

function select(mergedId) {
  state.selected = mergedId;
  document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  document.querySelectorAll(`[data-event="${mergedId}"]`).forEach((el) => el.classList.add("selected"));
  const row = document.getElementById(`event-${mergedId}`);
  if (row) row.scrollIntoView({block: "nearest"});
  const ev = state.byId.get(mergedId);
  document.querySelectorAll(".bar.picked, .node.picked").forEach((el) => el.classList.remove("picked"));
  if (ev) {
    // the same event in the timeline (its bar) and the network (its actors)
    const d = dateOf(ev);
    if (d && state.timelineKey) {
      document.querySelectorAll(`#timeline .bar[data-bin="${CSS.escape(state.timelineKey(d))}"][data-type="${CSS.escape(ev.type)}"]`)
        .forEach((el) => el.classList.add("picked"));
    }
    for (const p of [...(ev.agents || []), ...(ev.targets || []), ...(ev.partners || [])]) {
      document.querySelectorAll(`#network .node[data-actor="${CSS.escape(actorKey(p))}"]`)
        .forEach((el) => el.classList.add("picked"));
    }
    drawDetail(ev);
    const m = markers.getLayers().find((x) => x.eventId === mergedId);
    if (m) revealMarker(m, mergedId);
  }
}

// Bring a selected event's marker into view: pan to it, zoom into its cluster, or fan the
// cluster out at the deepest zoom, looking again after each step (the cluster plug-in ignores a
// fan-out asked for while it animates).  The marker's "add" handler marks it selected whenever
// its element appears, so nothing waits on a callback.  The plug-in's zoomToShowLayer is not
// used: its pending listener throws once a redraw has removed the marker.  A newer selection or
// a redraw of the map ends an older attempt.
function revealMarker(m, mergedId, tries = 10) {
  if (state.selected !== mergedId || !markers.hasLayer(m)) return;
  const shown = markers.getVisibleParent(m);
  if (shown === m && map.getBounds().contains(m.getLatLng())) {
    const el = m.getElement();
    if (el) el.classList.add("selected");
    return;
  }
  if (tries <= 0) return;
  if (!shown || shown === m) map.panTo(m.getLatLng());
  else if (map.getZoom() >= map.getMaxZoom()) shown.spiderfy();
  else shown.zoomToBounds({padding: [20, 20]});
  setTimeout(() => revealMarker(m, mergedId, tries - 1), 300);
}

function drawDetail(ev) {
  const box = $("#detail");
  clear(box);
  const head = htmlEl("p", null, box);
  const sw = htmlEl("span", null, head, {class: "swatch"});
  sw.style.background = colour(ev.type);
  htmlEl("b", ev.type, head);
  head.appendChild(document.createTextNode(` · ${ev.modality} · ${dateOf(ev) || "undated"} · event ${ev.merged_id}`));
  correctedBadge(ev, head);
  if (ev.machine) {   // what the machine said, beside the analyst's correction
    const m = htmlEl("p", "machine said: ", box, {class: "muted machine"});
    const shown = Object.entries(ev.machine).filter(([k]) => !["acled", "plover"].includes(k));
    shown.forEach(([k, v], i) => {
      if (i) m.appendChild(document.createTextNode("; "));
      m.appendChild(document.createTextNode(`${k} `));
      if (Array.isArray(v)) namesInto(m, v, " / ");
      else bdi(v == null ? "—" : String(v), m);
    });
  }
  const dl = htmlEl("dl", null, box);
  const row = (label, fill) => { htmlEl("dt", label, dl); const dd = htmlEl("dd", null, dl, {dir: "ltr"}); fill(dd); };
  row("Actors", (dd) => actorsInto(dd, ev));
  row("Places", (dd) => (ev.places || []).forEach((p) => {
    const line = htmlEl("div", null, dd);
    nameInto(line, p);
    if (p.precision != null) line.appendChild(document.createTextNode(` · precision ${p.precision}`));
    if (p.why) htmlEl("div", p.why, line, {class: "why muted"});
  }));
  row("Killed", (dd) => {
    dd.textContent = ev.fatalities == null ? "not reported" : String(ev.fatalities);
    for (const f of ev.fatalities_reported || []) {
      htmlEl("div", `${f.value} (${f.outlet || f.doc_id})`, dd, {class: "muted"});
    }
  });
  row("Attribution", (dd) => bdi(ev.attribution || "—", dd));
  row("Confidence", (dd) => { dd.textContent = ev.confidence == null ? "—" : ev.confidence.toFixed(2); });
  row(`Sources (${(ev.sources || []).length})`, (dd) => {
    for (const s of ev.sources || []) {
      const line = htmlEl("div", null, dd, {class: "source"});
      htmlEl("b", s.outlet || "?", line);
      if (s.published) line.appendChild(document.createTextNode(` ${s.published} `));
      if (s.doc_id) {
        const a = htmlEl("button", "report view", line, {type: "button", class: "link"});
        a.addEventListener("click", () => openReport(s.doc_id, ev.merged_id));
      }
      for (const e of s.evidence || []) htmlEl("p", e, line, {class: "quote", lang: "ar", dir: "rtl"});
    }
  });
  const actions = htmlEl("p", null, box, {class: "row"});
  htmlEl("button", "Correct…", actions, {type: "button", id: "correct-button"})
    .addEventListener("click", () => openCorrection(ev));
  htmlEl("button", "Mark wrong", actions, {type: "button", id: "wrong-button"})
    .addEventListener("click", () => submitCorrection(`events/${ev.merged_id}/corrections`, {kind: "wrong", fields: {}}));
}

// ---- timeline: events per day (month, year for long spans), stacked by type; a date brush -----

const UNITS = [
  {name: "day", key: (d) => d.slice(0, 10), maxDays: 366,
   next: (d) => new Date(Date.parse(d + "T00:00:00Z") + 86400000).toISOString().slice(0, 10),
   range: (b) => [b, b]},
  {name: "month", key: (d) => d.slice(0, 7), maxDays: 366 * 12,
   next: (b) => (+b.slice(5, 7) === 12 ? `${String(+b.slice(0, 4) + 1).padStart(4, "0")}-01`
                                     : `${b.slice(0, 5)}${String(+b.slice(5, 7) + 1).padStart(2, "0")}`),
   range: (b) => [`${b}-01`, new Date(Date.UTC(+b.slice(0, 4), +b.slice(5, 7), 0)).toISOString().slice(0, 10)]},
  {name: "year", key: (d) => d.slice(0, 4), maxDays: Infinity,
   next: (b) => String(+b + 1).padStart(4, "0"), range: (b) => [`${b}-01-01`, `${b}-12-31`]},
];

function drawTimeline(events) {
  const svg = $("#timeline");
  clear(svg);
  const W = 800, H = 220, L0 = 34, R = 10, T = 10, B = 30;
  const dated = events.filter((ev) => /^\d{4}-\d{2}-\d{2}/.test(dateOf(ev) || ""));
  if (!dated.length) return emptyNote(svg, "No dated events.");

  const dates = dated.map((ev) => dateOf(ev).slice(0, 10)).sort();
  const span = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 86400000;
  const unit = UNITS.find((u) => span <= u.maxDays);
  const last = unit.key(dates[dates.length - 1]);
  const bins = [];
  for (let b = unit.key(dates[0]); b <= last && bins.length < 5000; b = unit.next(b)) bins.push(b);

  state.timelineKey = unit.key;
  const stacks = new Map(bins.map((b) => [b, new Map()]));
  for (const ev of dated) {
    const s = stacks.get(unit.key(dateOf(ev)));
    if (s) s.set(ev.type, (s.get(ev.type) || 0) + 1);
  }
  const max = Math.max(...[...stacks.values()].map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
  const bw = (W - L0 - R) / bins.length, h = (H - T - B) / max;

  const axis = svgEl("g", {class: "axis"}, svg);
  svgEl("line", {x1: L0, x2: W - R, y1: H - B, y2: H - B}, axis);
  svgEl("text", {x: L0 - 4, y: T + 10, "text-anchor": "end"}, axis).textContent = String(max);
  svgEl("text", {x: L0 - 4, y: H - B, "text-anchor": "end"}, axis).textContent = "0";
  const every = Math.max(1, Math.ceil(bins.length / 8));
  bins.forEach((b, i) => {
    if (i % every) return;
    svgEl("text", {x: L0 + i * bw + bw / 2, y: H - B + 16, "text-anchor": "middle"}, axis).textContent = b;
  });
  bins.forEach((b, i) => {
    let base = H - B;
    for (const [type, n] of [...stacks.get(b)].sort()) {
      const rect = svgEl("rect", {x: L0 + i * bw + 0.5, y: base - n * h, width: Math.max(bw - 1, 1), height: n * h,
                                  fill: colour(type), class: "bar", "data-bin": b, "data-type": type}, svg);
      base -= n * h;
      withTip(rect, () => [[unit.name, b], ["Type", type], ["Events", String(n)]]);
    }
  });

  // the brush: drag from one bin to another; a click without a drag picks one bin
  const brush = svgEl("rect", {class: "brush", y: T, height: H - T - B, width: 0, x: 0}, svg);
  const binAt = (evt) => {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM().inverse());
    return Math.max(0, Math.min(bins.length - 1, Math.floor((p.x - L0) / bw)));
  };
  let from = null;
  svg.onmousedown = (e) => { from = binAt(e); e.preventDefault(); };
  svg.onmousemove = (e) => {
    if (from === null) return;
    const to = binAt(e), a = Math.min(from, to), b = Math.max(from, to);
    brush.setAttribute("x", L0 + a * bw);
    brush.setAttribute("width", (b - a + 1) * bw);
  };
  svg.onmouseup = (e) => {
    if (from === null) return;
    const to = binAt(e), a = Math.min(from, to), b = Math.max(from, to);
    from = null;
    const form = $("#filters");
    form.from.value = unit.range(bins[a])[0];
    form.to.value = unit.range(bins[b])[1];
    hideTip();
    load(true);
  };
}

// ---- network: armed actors (persons left out), hostile and allied edges ------------------------

const isActor = (p) => !(p.kb_id || "").startsWith("person:") && !(p.kb_id || "").startsWith("source:");

function networkOf(events) {
  const nodes = new Map(), edges = new Map();
  const node = (p) => {
    const k = actorKey(p);
    if (!nodes.has(k)) nodes.set(k, {id: k, actor: p, degree: 0});
    return nodes.get(k);
  };
  const edge = (a, b, kind) => {
    if (a === b) return;
    const k = kind === "allied" && a.id > b.id ? `${b.id}|${a.id}|${kind}` : `${a.id}|${b.id}|${kind}`;
    const e = edges.get(k) || {source: a, target: b, kind, n: 0};
    e.n += 1;
    edges.set(k, e);
  };
  for (const ev of events) {
    if (isWrong(ev)) continue;
    const agents = (ev.agents || []).filter(isActor).map(node), targets = (ev.targets || []).filter(isActor).map(node);
    const partners = (ev.partners || []).filter(isActor).map(node);
    for (const a of agents) for (const t of targets) edge(a, t, "hostile");
    partners.forEach((a, i) => partners.slice(i + 1).forEach((b) => edge(a, b, "allied")));
  }
  for (const e of edges.values()) { e.source.degree += e.n; e.target.degree += e.n; }
  return {nodes: [...nodes.values()], edges: [...edges.values()]};
}

const MAX_NODES = 40, LABELLED = 14;

function layout(nodes, edges, W, H) {
  const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.7;
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = W / 2 + (W / 3) * Math.cos(a);
    n.y = H / 2 + (H / 3) * Math.sin(a);
  });
  let temperature = W / 8;
  for (let iter = 0; iter < 300; iter++) {
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01, d = Math.hypot(dx, dy);
        const f = (k * k) / d;
        a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = e.source, b = e.target;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01;
      const f = (d * d) / k;
      a.dx -= (dx / d) * f; a.dy -= (dy / d) * f; b.dx += (dx / d) * f; b.dy += (dy / d) * f;
    }
    for (const n of nodes) {
      n.dx += (W / 2 - n.x) * 0.02; n.dy += (H / 2 - n.y) * 0.02;
      const d = Math.hypot(n.dx, n.dy) || 1, move = Math.min(d, temperature);
      n.x = Math.min(W - 60, Math.max(60, n.x + (n.dx / d) * move));
      n.y = Math.min(H - 20, Math.max(20, n.y + (n.dy / d) * move));
    }
    temperature *= 0.985;
  }
}

function drawNetwork(events) {
  const svg = $("#network");
  clear(svg);
  const W = 800, H = 520;
  const all = networkOf(events);
  const kept = new Set(all.nodes.filter((n) => n.degree > 0).sort((a, b) => b.degree - a.degree).slice(0, MAX_NODES));
  const nodes = [...kept], edges = all.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  if (!nodes.length) return emptyNote(svg, "No two actors are linked in these events.");
  layout(nodes, edges, W, H);
  svgEl("text", {x: 6, y: H - 6, class: "empty"}, svg).textContent =
    `${nodes.length} linked actors shown of ${all.nodes.length}; labels on the ${LABELLED} busiest, hover for others`;
  const defs = svgEl("defs", {}, svg);
  const marker = svgEl("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7,
                                  markerHeight: 7, orient: "auto-start-reverse"}, defs);
  svgEl("path", {d: "M0,0 L10,5 L0,10 z", fill: "#c0392b"}, marker);
  const radius = (n) => Math.min(16, 4 + 1.5 * Math.sqrt(n.degree));
  for (const e of edges) {
    const {source: a, target: b} = e;
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1, r = radius(b) + 2;
    const line = svgEl("line", {x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) / d) * r, y2: b.y - ((b.y - a.y) / d) * r,
                                class: `edge ${e.kind}`, "stroke-width": 1 + Math.log2(1 + e.n)}, svg);
    if (e.kind === "hostile") line.setAttribute("marker-end", "url(#arrow)");
    withTip(line, () => [[e.kind === "hostile" ? "Hostile" : "Allied",
                          `${bothNames(a.actor)} ${e.kind === "hostile" ? "→" : "—"} ${bothNames(b.actor)}`],
                         ["Events", String(e.n)]]);
  }
  const labelled = new Set([...nodes].sort((a, b) => b.degree - a.degree).slice(0, LABELLED));
  for (const n of nodes) {
    const g = svgEl("g", {class: "node", transform: `translate(${n.x},${n.y})`, tabindex: 0, "data-actor": n.id}, svg);
    svgEl("circle", {r: radius(n)}, g);
    if (labelled.has(n)) svgEl("text", {x: radius(n) + 3, y: 4}, g).textContent = nameOf(n.actor);
    withTip(g, () => [["Actor", bothNames(n.actor)], ["kb_id", n.actor.kb_id], ["Category", n.actor.category],
                      ["Links", String(n.degree)], ["Click", "filter to this actor"]]);
    g.addEventListener("click", () => {
      $("#filters").actor.value = n.actor.kb_id || n.actor.name_ar || n.actor.name_en;
      hideTip();
      load(true);
    });
  }
}

// ---- table ----------------------------------------------------------------------------------

function drawTable(events) {
  const body = $("#events tbody");
  clear(body);
  for (const ev of events) {
    const tr = htmlEl("tr", null, body, {id: `event-${ev.merged_id}`, "data-event": ev.merged_id, tabindex: 0});
    if (isWrong(ev)) tr.classList.add("wrong");
    htmlEl("td", dateOf(ev) || "", tr, {dir: "ltr"});
    const type = htmlEl("td", null, tr, {dir: "ltr"});
    htmlEl("span", null, type, {class: "swatch"}).style.background = colour(ev.type);
    type.appendChild(document.createTextNode(ev.type));
    correctedBadge(ev, type);
    actorsInto(htmlEl("td", null, tr, {dir: "ltr"}), ev);
    namesInto(htmlEl("td", null, tr, {dir: "ltr"}), ev.places, "; ");
    htmlEl("td", ev.fatalities == null ? "" : String(ev.fatalities), tr);
    const evidence = htmlEl("td", null, tr, {class: "evidence"});
    for (const s of evidenceOf(ev).slice(0, 2)) htmlEl("p", s, evidence, {dir: "rtl", lang: "ar"});
    const sources = htmlEl("td", null, tr);
    for (const s of ev.sources || []) {
      const line = htmlEl("div", null, sources, {dir: "auto"});
      if (s.url && /^https?:/i.test(s.url)) htmlEl("a", s.outlet || s.url, line, {href: s.url, rel: "noopener noreferrer"});
      else line.appendChild(document.createTextNode(s.outlet || "?"));
      if (s.published) line.appendChild(document.createTextNode(` ${s.published}`));
      if (s.doc_id) {
        line.appendChild(document.createTextNode(" · "));
        const b = htmlEl("button", "report", line, {type: "button", class: "link report-link", title: s.doc_id});
        b.addEventListener("click", (e) => { e.stopPropagation(); openReport(s.doc_id, ev.merged_id); });
      }
    }
    tr.addEventListener("click", () => select(ev.merged_id));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") select(ev.merged_id); });
  }
}

// ---- the report view: the text with its spans, the events beside it ----------------------------

// Spans to mark: entity mentions (by type) and triggers; evidence sentences are blocks around them.
function reportSpans(doc) {
  const marks = [];
  for (const e of doc.entities || []) {
    for (const m of e.mentions || []) marks.push({start: m.start, end: m.end, kind: e.type, label: e.type, id: e.id});
  }
  for (const ev of doc.events || []) {
    const t = ev.trigger;
    if (t && Number.isInteger(t.start)) marks.push({start: t.start, end: t.end, kind: "TRIGGER", label: ev.type, id: ev.id});
  }
  marks.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept = [];
  let last = -1;
  for (const m of marks) {   // overlapping marks: the first (longest at a start) wins
    if (m.start >= last && m.end > m.start) { kept.push(m); last = m.end; }
  }
  return kept;
}

function evidenceBlocks(doc) {
  const blocks = new Map();
  (doc.events || []).forEach((ev) => {
    for (const [s, e] of ev.evidence || []) {
      const k = `${s}:${e}`;
      if (!blocks.has(k)) blocks.set(k, {start: s, end: e, events: []});
      blocks.get(k).events.push(ev.id);
    }
  });
  return [...blocks.values()].sort((a, b) => a.start - b.start);
}

// Each text piece is an element with data-start, so a selection maps back to offsets in doc.text.
function textPiece(parent, text, start, tag = "span") {
  if (!text) return;
  htmlEl(tag, text, parent, {"data-start": start});
}

function renderText(doc) {
  const root = $("#report-text");
  clear(root);
  const text = doc.text || "";
  const marks = reportSpans(doc);
  // top-level pieces: evidence blocks and the text between them (overlapping blocks merge visually)
  const blocks = [];
  let pos = 0;
  for (const b of evidenceBlocks(doc)) {
    if (b.start < pos) continue;
    if (b.start > pos) blocks.push({start: pos, end: b.start, events: null});
    blocks.push(b);
    pos = b.end;
  }
  if (pos < text.length) blocks.push({start: pos, end: text.length, events: null});
  for (const b of blocks) {
    const el = b.events ? htmlEl("span", null, root, {class: "evidence", "data-events": b.events.join(" "),
                                                      "data-span-start": b.start, "data-span-end": b.end})
      : htmlEl("span", null, root);
    let at = b.start;
    for (const m of marks) {
      if (m.start < b.start || m.end > b.end) continue;
      textPiece(el, text.slice(at, m.start), at);
      const mark = htmlEl("mark", null, el, {class: `ent ent-${m.kind}`, "data-start": m.start, "data-end": m.end,
                                             "data-label": m.label, "data-entity": m.id});
      mark.textContent = text.slice(m.start, m.end);
      at = m.end;
    }
    textPiece(el, text.slice(at, b.end), at);
  }
}

function offsetOf(node, offset) {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  const host = el && el.closest("[data-start]");
  if (!host || !$("#report-text").contains(host)) return null;
  return Number(host.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
}

async function openReport(docId, mergedId = null) {
  const panel = $("#report-panel");
  panel.hidden = false;
  status("loading the report…");
  try {
    const [doc, links] = await Promise.all([getJSON(`reports/${encodeURIComponent(docId)}`),
                                            getJSON(`reports/${encodeURIComponent(docId)}/events`)]);
    state.doc = doc;
    $("#report-title").textContent = `${doc.doc_id} · ${(doc.source || {}).outlet || ""} ${(doc.source || {}).published || ""}`;
    renderText(doc);
    renderReportEvents(doc, links, mergedId);
    const legend = $("#report-legend");
    clear(legend);
    for (const k of ["ACTOR", "PERSON", "PLACE", "TRIGGER"]) htmlEl("mark", k, legend, {class: `ent-${k} key`});
    htmlEl("span", "evidence sentence", legend, {class: "evidence key"});
    status(`report ${doc.doc_id}: ${(doc.events || []).length} events`);
    panel.scrollIntoView({block: "start"});
  } catch (err) {
    status(err.message, true);
  }
}

function renderReportEvents(doc, links, mergedId) {
  const box = $("#report-events");
  clear(box);
  const ents = new Map((doc.entities || []).map((e) => [e.id, e]));
  const byVid = new Map(links.events.map((l) => [l.vid, l]));
  const names = (ids) => (Array.isArray(ids) ? ids : (ids ? [ids] : [])).map((i) => ents.get(i)).filter(Boolean);
  for (const ev of doc.events || []) {
    const link = byVid.get(ev.id) || {};
    const card = htmlEl("div", null, box, {class: "report-event", "data-vid": ev.id, "data-event": link.merged_id});
    const head = htmlEl("div", null, card);
    const sw = htmlEl("span", null, head, {class: "swatch"});
    sw.style.background = colour(ev.type);
    htmlEl("b", `${ev.id} ${ev.type}`, head);
    head.appendChild(document.createTextNode(` · ${ev.modality || "asserted"} · ${(ev.date && ev.date.value) || "undated"}`));
    if (link.correction) {
      const c = link.correction;
      htmlEl("span", c.kind === "wrong" ? "marked wrong" : `corrected: ${Object.keys(c.fields).join(", ")}`, head,
             {class: c.kind === "wrong" ? "badge wrong" : "badge corrected", title: `by ${c.author} at ${c.time}`});
    }
    const dl = htmlEl("dl", null, card);
    const row = (label, fill) => { htmlEl("dt", label, dl); fill(htmlEl("dd", null, dl, {dir: "ltr"})); };
    for (const role of ["agents", "targets", "partners"]) {
      if ((ev[role] || []).length) row(role, (dd) => namesInto(dd, names(ev[role])));
    }
    row("places", (dd) => names(ev.places).forEach((p) => {
      const line = htmlEl("div", null, dd);
      nameInto(line, p);
      const g = p.geo || {};
      if (g.precision != null) line.appendChild(document.createTextNode(` · precision ${g.precision}`));
      if (g.why) htmlEl("div", g.why, line, {class: "why muted"});
    }));
    if (ev.attribution) row("attribution", (dd) => namesInto(dd, names(ev.attribution)));
    row("killed", (dd) => { dd.textContent = ev.fatalities == null ? "—" : String(ev.fatalities); });
    row("confidence", (dd) => { dd.textContent = ev.confidence == null ? "—" : Number(ev.confidence).toFixed(2); });
    if (ev.why) row("why", (dd) => { dd.textContent = typeof ev.why === "string" ? ev.why : JSON.stringify(ev.why); });
    const actions = htmlEl("div", null, card, {class: "row"});
    if (link.merged_id) {
      htmlEl("button", link.reports > 1 ? `all ${link.reports} reports' sources` : "sources", actions, {type: "button"})
        .addEventListener("click", async () => {
          const merged = await getJSON(`events/${link.merged_id}`);
          state.byId.set(merged.merged_id, merged);
          select(merged.merged_id);
          $("#detail-panel").scrollIntoView({block: "start"});
        });
    }
    card.addEventListener("mouseenter", () => highlightEvidence(ev.id, true));
    card.addEventListener("mouseleave", () => highlightEvidence(ev.id, false));
    if (link.merged_id === mergedId) { card.classList.add("selected"); highlightEvidence(ev.id, true); }
  }
  for (const a of links.added || []) {
    const card = htmlEl("div", null, box, {class: "report-event added"});
    htmlEl("b", `added: ${a.fields.type}`, card);
    card.appendChild(document.createTextNode(` · ${a.fields.modality} · by ${a.author} ${a.time}`));
    htmlEl("p", (state.doc.text || "").slice(a.fields.start, a.fields.end), card, {class: "quote", dir: "rtl", lang: "ar"});
  }
}

function highlightEvidence(vid, on) {
  document.querySelectorAll("#report-text .evidence").forEach((el) => {
    if ((el.dataset.events || "").split(" ").includes(vid)) el.classList.toggle("active", on);
  });
}

// ---- corrections --------------------------------------------------------------------------------

const splitNames = (s) => s.split(/[;؛]/).map((x) => x.trim()).filter(Boolean).map((n) => ({name_ar: n}));
const analyst = () => ({name: $("#analyst-name").value.trim(), token: $("#analyst-token").value.trim()});

function fillTypeSelect(sel, value) {
  clear(sel);
  for (const t of TYPES) sel.appendChild(new Option(t, t, false, t === value));
}

function openCorrection(ev, span = null) {
  const form = $("#correct-form");
  state.editing = {ev, span};
  state.pickPoint = null;
  $("#place-point").textContent = "";
  $("#correct-error").textContent = "";
  clear($("#namesakes"));
  $("#correct-title").textContent = span ? `Add an event: «${state.doc.text.slice(span.start, span.end).slice(0, 80)}»`
                                         : `Correct event ${ev.merged_id}`;
  fillTypeSelect(form.type, ev ? ev.type : "ARMED_CLASH");
  form.modality.value = ev ? ev.modality : "asserted";
  form.agents.value = ev ? (ev.agents || []).map((p) => p.name_ar || p.name_en).join("؛ ") : "";
  form.targets.value = ev ? (ev.targets || []).map((p) => p.name_ar || p.name_en).join("؛ ") : "";
  form.place.value = ev ? ((ev.places || [])[0] || {}).name_ar || "" : "";
  form.note.value = "";
  $("#correct-dialog").showModal();
}

async function findNamesakes() {
  const name = $("#correct-form").place.value.trim();
  const list = $("#namesakes");
  clear(list);
  if (!name) return;
  try {
    const {places} = await getJSON(`places?name=${encodeURIComponent(name)}`);
    if (!places.length) htmlEl("li", "no namesake in the gazetteer; click the map instead", list);
    for (const p of places) {
      const li = htmlEl("li", null, list);
      const b = htmlEl("button", null, li, {type: "button"});
      bdi(`${p.name_ar} (${p.name_en}) · ${p.kind} · ${[p.admin1, p.admin2].filter(Boolean).join(" / ")}`, b);
      b.addEventListener("click", () => {
        state.pickPoint = {name_ar: p.name_ar, name_en: p.name_en, kb_id: p.kb_id, lat: p.lat, lon: p.lon};
        $("#place-point").textContent = `${p.kb_id} ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`;
      });
    }
  } catch (err) {
    htmlEl("li", err.message, list);
  }
}

function pickOnMap() {
  const dialog = $("#correct-dialog");
  dialog.close();
  status("click the map where the event happened");
  map.once("click", (e) => {
    const name = $("#correct-form").place.value.trim();
    state.pickPoint = {name_ar: name || null, name_en: name ? null : "point", lat: +e.latlng.lat.toFixed(5),
                       lon: +e.latlng.lng.toFixed(5)};
    $("#place-point").textContent = `${state.pickPoint.lat}, ${state.pickPoint.lon}`;
    status("");
    dialog.showModal();
  });
}

function correctionFields() {
  const form = $("#correct-form");
  const {ev, span} = state.editing;
  const fields = {};
  const place = state.pickPoint || (form.place.value.trim() ? {name_ar: form.place.value.trim()} : null);
  if (span) {
    return {type: form.type.value, modality: form.modality.value, agents: splitNames(form.agents.value),
            targets: splitNames(form.targets.value), places: place ? [place] : [], start: span.start, end: span.end};
  }
  if (form.type.value !== ev.type) fields.type = form.type.value;
  if (form.modality.value !== ev.modality) fields.modality = form.modality.value;
  const was = (list) => (list || []).map((p) => p.name_ar || p.name_en).join("؛ ");
  if (form.agents.value.trim() !== was(ev.agents)) fields.agents = splitNames(form.agents.value);
  if (form.targets.value.trim() !== was(ev.targets)) fields.targets = splitNames(form.targets.value);
  if (state.pickPoint || form.place.value.trim() !== (((ev.places || [])[0] || {}).name_ar || "")) {
    fields.places = place ? [place] : [];
  }
  return fields;
}

async function submitCorrection(path, body) {
  const who = analyst();
  if (!who.name || !who.token) {
    $("#analyst").open = true;
    status("give your name and the token (Analyst, top right) to correct", true);
    return false;
  }
  try {
    const response = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json",
                                                                   Authorization: `Bearer ${who.token}`},
                                        body: JSON.stringify({...body, analyst: who.name})});
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const err = (data && data.error) || {code: String(response.status), message: response.statusText};
      throw new Error(`${err.code}: ${err.message}`);
    }
    $("#correct-dialog").close();   // saved: the dialog closes now, whatever the redraw does
    status(`correction ${data.id} saved (${data.kind})`);
  } catch (err) {
    status(err.message, true);
    $("#correct-error").textContent = err.message;
    return false;
  }
  // redraw every view with the corrected event; a failure here is shown, the correction stays saved
  loadStats();
  await load(false, true);
  if (state.doc) await openReport(state.doc.doc_id, state.selected);
  if (state.selected && state.byId.has(state.selected)) select(state.selected);
  return true;
}

function setupCorrections() {
  const nameField = $("#analyst-name"), tokenField = $("#analyst-token");
  nameField.value = sessionStorage.getItem("rasd-analyst") || "";
  tokenField.value = sessionStorage.getItem("rasd-token") || "";
  nameField.addEventListener("change", () => sessionStorage.setItem("rasd-analyst", nameField.value));
  tokenField.addEventListener("change", () => sessionStorage.setItem("rasd-token", tokenField.value));
  $("#find-namesakes").addEventListener("click", findNamesakes);
  $("#pick-on-map").addEventListener("click", pickOnMap);
  $("#correct-form").addEventListener("submit", async (e) => {
    if (e.submitter && e.submitter.value === "cancel") return;
    e.preventDefault();
    const {ev, span} = state.editing;
    const fields = correctionFields();
    const note = $("#correct-form").note.value.trim() || null;
    if (span) await submitCorrection(`reports/${encodeURIComponent(state.doc.doc_id)}/corrections`, {kind: "add", fields, note});
    else await submitCorrection(`events/${ev.merged_id}/corrections`, {kind: "edit", fields, note});
  });
  $("#add-from-selection").addEventListener("click", () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !state.doc) return status("select words of the report first", true);
    const a = offsetOf(sel.anchorNode, sel.anchorOffset), b = offsetOf(sel.focusNode, sel.focusOffset);
    if (a === null || b === null) return status("select words inside the report text", true);
    openCorrection(null, {start: Math.min(a, b), end: Math.max(a, b)});
  });
  $("#close-report").addEventListener("click", () => { $("#report-panel").hidden = true; state.doc = null; });
}

// ---- loading ------------------------------------------------------------------------------------

function status(text, isError = false) {
  const el = $("#status");
  el.textContent = text;
  el.classList.toggle("error", isError);
}

async function getJSON(url) {
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = (body && body.error) || {code: String(response.status), message: response.statusText, hint: ""};
    throw new Error(`${err.code}: ${err.message}${err.hint ? ` — ${err.hint}` : ""}`);
  }
  return body;
}

function params(withPage = true) {
  const form = $("#filters");
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    if (!withPage && (name === "limit" || name === "offset")) continue;
    const value = form[name].value.trim();
    if (value && !(name === "offset" && value === "0")) p.set(name, value);
  }
  return p;
}

function fillFacet(select, counts, all) {
  const current = select.value;
  clear(select);
  select.appendChild(new Option(`all (${all})`, ""));
  const values = new Set(Object.keys(counts || {}));
  if (current) values.add(current);
  for (const v of values) {
    const opt = new Option(`${v} (${(counts || {})[v] || 0})`, v);
    select.appendChild(opt);
  }
  select.value = current;
}

async function loadFacets(filterParams) {
  const form = $("#filters");
  // each facet counts over the other filters (datasette's way), so its other choices stay visible
  for (const [field, key] of [["type", "type"], ["modality", "modality"], ["outlet", "outlet"]]) {
    const p = new URLSearchParams(filterParams);
    p.delete(field);
    if (field !== "modality") p.delete("modality");   // /facets takes no modality filter
    try {
      const f = await getJSON(`facets?${p}`);
      fillFacet(form[field], f[key], f.total);
    } catch (err) { /* the events call reports errors */ }
  }
}

function setDownloads(p) {
  const q = new URLSearchParams(p);
  q.delete("limit"); q.delete("offset");
  $("#dl-csv").href = `export/acled-csv?${q}`;
  $("#dl-geojson").href = `export/geojson?${q}`;
  $("#dl-jsonl").href = `export/jsonl?${q}`;
  $("#dl-gold").href = "corrections/gold.zip";
}

async function load(resetPage = false, keepView = false) {
  const form = $("#filters");
  if (resetPage) form.offset.value = "0";
  state.keepView = keepView || state.keepView;
  const p = params();
  history.replaceState(null, "", `?${p}`);   // the address bar keeps the view: shareable
  setDownloads(p);
  drawBox();
  status("loading…");
  try {
    const body = await getJSON(`events?${p}`);
    state.events = body.events;
    state.byId = new Map(body.events.map((ev) => [ev.merged_id, ev]));
    drawMap(body.events);
    drawLegend(body.events);
    drawTimeline(body.events);
    drawNetwork(body.events);
    drawTable(body.events);
    const first = body.total ? body.offset + 1 : 0;
    $("#page-info").textContent = `${first}–${body.offset + body.count} of ${body.total}`;
    $("#prev").disabled = body.offset === 0;
    $("#next").disabled = !body.next;
    status(`${body.total} events`);
    document.body.dataset.total = String(body.total);
    document.body.dataset.loaded = String(Date.now());
    loadFacets(params(false));
  } catch (err) {
    status(err.message, true);
  }
}

async function loadStats() {
  try {
    const s = await getJSON("stats");
    $("#stats").textContent = `${s.reports} reports · ${s.sources} sources · ${s.merged_events} events · ` +
                              `${s.corrections} corrections · ${s.quarantine} quarantined`;
  } catch (err) {
    status(err.message, true);
  }
}

function page(step) {
  const form = $("#filters");
  const limit = Number(form.limit.value) || 100;
  form.offset.value = String(Math.max(0, Number(form.offset.value || 0) + step * limit));
  load(false, true);
}

for (const sel of [$("#filters").type]) for (const t of TYPES) sel.appendChild(new Option(t, t));
for (const m of MODALITIES) $("#filters").modality.appendChild(new Option(m, m));
for (const [name, value] of new URLSearchParams(location.search)) {
  const field = $("#filters").elements.namedItem(name);
  if (field) {
    if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) field.appendChild(new Option(value, value));
    field.value = value;
  }
}
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); load(true); });
$("#filters").addEventListener("reset", () => setTimeout(() => load(true), 0));
for (const name of ["type", "modality", "outlet"]) $("#filters")[name].addEventListener("change", () => load(true));
$("#prev").addEventListener("click", () => page(-1));
$("#next").addEventListener("click", () => page(1));
setupBoxDrawing();
setupCorrections();
drawBorders().then(() => { document.body.dataset.borders = "1"; }).catch((err) => status(err.message, true))
  .finally(drawAdmin);   // after the borders: the boundary lines are clipped to Syria's
loadStats();
load();
