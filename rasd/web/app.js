// rasd web page: fetches /events and draws a map, a timeline, an actor network and a table.
// Plain DOM and SVG, no libraries and nothing fetched from elsewhere. Report text is only ever
// set with textContent, never parsed as HTML, so a report cannot inject markup.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
                 "#469990", "#800000", "#808000", "#000075", "#bfef45", "#a9a9a9", "#dcbeff", "#fabed4"];
const typeColours = new Map();   // fixed on first sight, so a type keeps its colour across filters

const $ = (sel) => document.querySelector(sel);

function colour(type) {
  if (!typeColours.has(type)) typeColours.set(type, PALETTE[typeColours.size % PALETTE.length]);
  return typeColours.get(type);
}

function svgEl(name, attrs = {}, parent = null) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

function htmlEl(name, text = null, parent = null, attrs = {}) {
  const el = document.createElement(name);
  if (text !== null) el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

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

function actorsLine(ev) {
  const names = (role) => (ev[role] || []).map(bothNames).join(", ");
  const parts = [];
  if ((ev.agents || []).length || (ev.targets || []).length) {
    parts.push(`${names("agents") || "?"} → ${names("targets") || "—"}`);
  }
  if ((ev.partners || []).length) parts.push(`with ${names("partners")}`);
  return parts.join("; ");
}

// ---- tooltip ---------------------------------------------------------------------------------

const tooltip = $("#tooltip");

function showTip(event, lines) {
  clear(tooltip);
  for (const [label, value] of lines) {
    if (!value) continue;
    const row = htmlEl("div", null, tooltip);
    htmlEl("b", `${label}: `, row);
    row.appendChild(document.createTextNode(value));
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

function eventTip(ev, place) {
  const evidence = evidenceOf(ev);
  return [["Type", ev.type], ["Date", dateOf(ev) || "unknown"], ["Actors", actorsLine(ev)],
          ["Place", place ? bothNames(place) : (ev.places || []).map(bothNames).join(", ")],
          ["Killed", ev.fatalities == null ? null : String(ev.fatalities)],
          ["Evidence", evidence.length ? evidence[0] + (evidence.length > 1 ? ` (+${evidence.length - 1})` : "") : null]];
}

function select(mergedId) {
  document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  document.querySelectorAll(`[data-event="${mergedId}"]`).forEach((el) => el.classList.add("selected"));
  const row = document.getElementById(`event-${mergedId}`);
  if (row) row.scrollIntoView({behavior: "smooth", block: "center"});
}

// ---- map: equirectangular, fitted to the events' bounding box ---------------------------------

function niceStep(span, target) {
  const steps = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 45];
  return steps.find((s) => span / s <= target) || 90;
}

function drawMap(events) {
  const svg = $("#map");
  clear(svg);
  const W = 800, H = 520, M = 30;
  const points = events.flatMap((ev) => located(ev).map((p) => ({ev, p})));
  if (!points.length) return emptyNote(svg, "No event has a place with coordinates.");

  let west = Math.min(...points.map((d) => d.p.lon)), east = Math.max(...points.map((d) => d.p.lon));
  let south = Math.min(...points.map((d) => d.p.lat)), north = Math.max(...points.map((d) => d.p.lat));
  const padLon = Math.max((east - west) * 0.1, 0.2), padLat = Math.max((north - south) * 0.1, 0.2);
  west -= padLon; east += padLon; south -= padLat; north += padLat;
  // One degree of longitude is cos(latitude) degrees of latitude long: keep the shape true.
  const kx = Math.cos(((north + south) / 2) * Math.PI / 180);
  const scale = Math.min((W - 2 * M) / ((east - west) * kx), (H - 2 * M) / (north - south));
  const ox = (W - (east - west) * kx * scale) / 2, oy = (H - (north - south) * scale) / 2;
  const x = (lon) => ox + (lon - west) * kx * scale;
  const y = (lat) => oy + (north - lat) * scale;

  const grid = svgEl("g", {class: "grid"}, svg);
  const step = niceStep(Math.max(east - west, north - south), 8);
  const fmt = (v) => `${+v.toFixed(2)}°`;
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    svgEl("line", {x1: x(lon), x2: x(lon), y1: y(north), y2: y(south)}, grid);
    svgEl("text", {x: x(lon) + 2, y: H - 6}, grid).textContent = fmt(lon) + "E";
  }
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    svgEl("line", {x1: x(west), x2: x(east), y1: y(lat), y2: y(lat)}, grid);
    svgEl("text", {x: 4, y: y(lat) - 2}, grid).textContent = fmt(lat) + "N";
  }

  // Governorate labels at the mean position of their events' places.
  const regions = new Map();
  for (const {p} of points) {
    if (!p.admin1) continue;
    const r = regions.get(p.admin1) || {lon: 0, lat: 0, n: 0};
    r.lon += p.lon; r.lat += p.lat; r.n += 1;
    regions.set(p.admin1, r);
  }
  for (const [name, r] of regions) {
    svgEl("text", {x: x(r.lon / r.n), y: y(r.lat / r.n) - 12, "text-anchor": "middle", class: "region"}, svg)
      .textContent = name;
  }

  // Events at one spot would hide each other: spread them on a small circle.
  const seen = new Map();
  for (const {ev, p} of points) {
    const key = `${p.lon.toFixed(4)},${p.lat.toFixed(4)}`;
    const k = seen.get(key) || 0;
    seen.set(key, k + 1);
    const angle = k * 2.4, radius = k ? 4 + 2 * Math.sqrt(k) : 0;
    const dot = svgEl("circle", {cx: x(p.lon) + radius * Math.cos(angle), cy: y(p.lat) + radius * Math.sin(angle),
                                 r: 6, fill: colour(ev.type), class: "point", "data-event": ev.merged_id}, svg);
    withTip(dot, () => eventTip(ev, p));
    dot.addEventListener("click", () => select(ev.merged_id));
  }
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

// ---- timeline: events per day (month, year for long spans), stacked by type ------------------

// Bins sized to the span, so a stray date centuries away cannot make thousands of bars.
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
  const W = 800, H = 220, L = 34, R = 10, T = 10, B = 30;
  const dated = events.filter((ev) => /^\d{4}-\d{2}-\d{2}/.test(dateOf(ev) || ""));
  if (!dated.length) return emptyNote(svg, "No dated events.");

  const dates = dated.map((ev) => dateOf(ev).slice(0, 10)).sort();
  const span = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 86400000;
  const unit = UNITS.find((u) => span <= u.maxDays);
  const last = unit.key(dates[dates.length - 1]);
  const bins = [];
  for (let b = unit.key(dates[0]); b <= last && bins.length < 5000; b = unit.next(b)) bins.push(b);

  const stacks = new Map(bins.map((b) => [b, new Map()]));
  for (const ev of dated) {
    const s = stacks.get(unit.key(dateOf(ev)));
    if (s) s.set(ev.type, (s.get(ev.type) || 0) + 1);
  }
  const max = Math.max(...[...stacks.values()].map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
  const bw = (W - L - R) / bins.length, h = (H - T - B) / max;

  const axis = svgEl("g", {class: "axis"}, svg);
  svgEl("line", {x1: L, x2: W - R, y1: H - B, y2: H - B}, axis);
  svgEl("text", {x: L - 4, y: T + 10, "text-anchor": "end"}, axis).textContent = String(max);
  svgEl("text", {x: L - 4, y: H - B, "text-anchor": "end"}, axis).textContent = "0";
  const every = Math.max(1, Math.ceil(bins.length / 8));
  bins.forEach((b, i) => {
    if (i % every) return;
    svgEl("text", {x: L + i * bw + bw / 2, y: H - B + 16, "text-anchor": "middle"}, axis).textContent = b;
  });

  bins.forEach((b, i) => {
    let base = H - B;
    for (const [type, n] of [...stacks.get(b)].sort()) {
      const rect = svgEl("rect", {x: L + i * bw + 0.5, y: base - n * h, width: Math.max(bw - 1, 1), height: n * h,
                                  fill: colour(type), class: "bar"}, svg);
      base -= n * h;
      withTip(rect, () => [[unit.name, b], ["Type", type], ["Events", String(n)],
                           ["Click", `filter to this ${unit.name} and type`]]);
      rect.addEventListener("click", () => {
        const form = $("#filters");
        [form.from.value, form.to.value] = unit.range(b);
        form.type.value = type;
        hideTip();
        load();
      });
    }
  });
}

// ---- network: actors, hostile (agent → target) and allied (partners) edges, force layout -------

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
    const agents = (ev.agents || []).map(node), targets = (ev.targets || []).map(node);
    const partners = (ev.partners || []).map(node);
    for (const a of agents) for (const t of targets) edge(a, t, "hostile");
    partners.forEach((a, i) => partners.slice(i + 1).forEach((b) => edge(a, b, "allied")));
  }
  for (const e of edges.values()) { e.source.degree += e.n; e.target.degree += e.n; }
  return {nodes: [...nodes.values()], edges: [...edges.values()]};
}

// A readable drawing holds a few dozen actors: keep the most connected, drop those with no link.
const MAX_NODES = 60;

function busiest({nodes, edges}) {
  const kept = new Set(nodes.filter((n) => n.degree > 0).sort((a, b) => b.degree - a.degree).slice(0, MAX_NODES));
  return {nodes: [...kept], edges: edges.filter((e) => kept.has(e.source) && kept.has(e.target)), total: nodes.length};
}

function layout(nodes, edges, W, H) {
  // Fruchterman–Reingold from a circle (deterministic): repulsion between all, springs on edges.
  const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.6;
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
      // a weak pull to the centre keeps unconnected actors on the canvas
      n.dx += (W / 2 - n.x) * 0.02; n.dy += (H / 2 - n.y) * 0.02;
      const d = Math.hypot(n.dx, n.dy) || 1, move = Math.min(d, temperature);
      n.x = Math.min(W - 40, Math.max(40, n.x + (n.dx / d) * move));
      n.y = Math.min(H - 20, Math.max(20, n.y + (n.dy / d) * move));
    }
    temperature *= 0.985;
  }
}

function drawNetwork(events) {
  const svg = $("#network");
  clear(svg);
  const W = 800, H = 520;
  const {nodes, edges, total} = busiest(networkOf(events));
  if (!nodes.length) return emptyNote(svg, "No two actors are linked in these events.");
  layout(nodes, edges, W, H);
  svgEl("text", {x: 6, y: H - 6, class: "empty"}, svg).textContent =
    `${nodes.length} linked actors shown of ${total}`;

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
  for (const n of nodes) {
    const g = svgEl("g", {class: "node", transform: `translate(${n.x},${n.y})`}, svg);
    svgEl("circle", {r: radius(n)}, g);
    svgEl("text", {x: radius(n) + 3, y: 4}, g).textContent = nameOf(n.actor);
    withTip(g, () => [["Actor", bothNames(n.actor)], ["kb_id", n.actor.kb_id], ["Category", n.actor.category],
                      ["Links", String(n.degree)], ["Click", "filter to this actor"]]);
    g.addEventListener("click", () => {
      $("#filters").actor.value = n.actor.kb_id || n.actor.name_ar || n.actor.name_en;
      hideTip();
      load();
    });
  }
}

// ---- table -------------------------------------------------------------------------------------

function drawTable(events) {
  const body = $("#events tbody");
  clear(body);
  for (const ev of events) {
    const tr = htmlEl("tr", null, body, {id: `event-${ev.merged_id}`, "data-event": ev.merged_id});
    htmlEl("td", dateOf(ev) || "", tr, {dir: "ltr"});
    const type = htmlEl("td", null, tr, {dir: "ltr"});
    htmlEl("span", null, type, {class: "swatch"}).style.background = colour(ev.type);
    type.appendChild(document.createTextNode(ev.type));
    htmlEl("td", actorsLine(ev), tr, {dir: "auto"});
    htmlEl("td", (ev.places || []).map(bothNames).join("، "), tr, {dir: "auto"});
    htmlEl("td", ev.fatalities == null ? "" : String(ev.fatalities), tr);
    const evidence = htmlEl("td", null, tr, {class: "evidence"});
    for (const s of evidenceOf(ev)) htmlEl("p", s, evidence, {dir: "auto", lang: "ar"});
    const sources = htmlEl("td", null, tr);
    for (const s of ev.sources || []) {
      const line = htmlEl("div", null, sources, {dir: "auto"});
      if (s.url && /^https?:/i.test(s.url)) htmlEl("a", s.outlet || s.url, line, {href: s.url, rel: "noopener"});
      else line.appendChild(document.createTextNode(s.outlet || "?"));
      if (s.published) line.appendChild(document.createTextNode(` ${s.published}`));
      if (s.doc_id) {
        line.appendChild(document.createTextNode(" · "));
        htmlEl("a", "report", line, {href: `reports/${encodeURIComponent(s.doc_id)}`, title: s.doc_id});
      }
    }
    tr.addEventListener("click", () => select(ev.merged_id));
  }
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

function addTypeOptions(events) {
  const selectEl = $("#filters").type;
  const known = new Set([...selectEl.options].map((o) => o.value));
  for (const type of [...new Set(events.map((ev) => ev.type))].sort()) {
    if (!known.has(type)) selectEl.appendChild(new Option(type, type));
  }
}

async function load() {
  const form = $("#filters");
  const params = new URLSearchParams();
  for (const name of ["type", "actor", "from", "to", "limit"]) {
    const value = form[name].value.trim();
    if (value) params.set(name, value);
  }
  history.replaceState(null, "", `?${params}`);   // the address bar keeps the view: shareable
  status("loading…");
  try {
    const {events, count} = await getJSON(`events?${params}`);
    addTypeOptions(events);
    drawMap(events);
    drawLegend(events);
    drawTimeline(events);
    drawNetwork(events);
    drawTable(events);
    const limit = Number(form.limit.value);
    status(`${count} events` + (limit && count >= limit ? ` (the first ${limit}: raise the limit for more)` : ""));
  } catch (err) {
    status(err.message, true);
  }
}

async function loadStats() {
  try {
    const s = await getJSON("stats");
    $("#stats").textContent = `${s.reports} reports · ${s.sources} sources · ${s.merged_events} events · ` +
                              `${s.quarantine} quarantined`;
  } catch (err) {
    status(err.message, true);
  }
}

for (const [name, value] of new URLSearchParams(location.search)) {
  const field = $("#filters").elements.namedItem(name);
  if (field) field.value = value;
}
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
$("#filters").addEventListener("reset", () => setTimeout(load, 0));
loadStats();
load();
