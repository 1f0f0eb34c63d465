// Annals explorer: one page, plain JavaScript, no dependencies. The URL holds every view's state
// (path and query), so a view can be bookmarked and shared; all data comes from the JSON API.
"use strict";

const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const FILTERS = ["q", "actor", "dyad", "undirected", "root", "plover", "since", "until", "include_negated", "min_mentions", "sort", "limit"];
const SVGNS = "http://www.w3.org/2000/svg";

// ---- small helpers -------------------------------------------------------------------------

/** Creates an element; text children are text nodes, never HTML. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** The CAMEO code and the name of an event's actor object (null when the event has none). */
function actorCode(actor) { return actor ? actor.code : ""; }
function actorName(actor) { return actor ? actor.name : ""; }

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A link handled by the router (no page reload). */
function link(href, ...children) {
  return h("a", { href, onclick: (e) => { if (e.ctrlKey || e.metaKey || e.button) return; e.preventDefault(); go(href); } }, ...children);
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body && body.error ? body.error.message : `${res.status} ${res.statusText}`);
  return body;
}

function errorBox(err) { return h("div", { class: "error", role: "alert" }, String(err.message || err)); }
function view() { return document.getElementById("view"); }
function show(...nodes) { view().replaceChildren(...nodes); }
function fmt(n, digits = 1) { return n === null || n === undefined ? "–" : Number(n).toFixed(digits); }
function actorLabel(code, name) { return name && name !== code ? `${name} (${code || "?"})` : code || name || "(none)"; }
function actorLink(code, name) { return code || name ? link(`/actor/${encodeURIComponent(code || name)}`, actorLabel(code, name)) : h("span", { class: "muted" }, "(none)"); }

function go(href, replace) {
  if (replace) history.replaceState(null, "", href); else history.pushState(null, "", href);
  route();
}

// ---- router --------------------------------------------------------------------------------

const routes = [
  [/^\/(events)?$/, eventsView],
  [/^\/event\/(\d+)$/, eventView],
  [/^\/actor\/(.+)$/, actorView],
  [/^\/dyad$/, dyadView],
  [/^\/network$/, networkView],
  [/^\/code$/, codeView],
];

async function route() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  for (const a of document.querySelectorAll("[data-nav]")) a.classList.toggle("active", path.startsWith("/" + a.dataset.nav) || (path === "/" && a.dataset.nav === "events"));
  for (const [re, fn] of routes) {
    const m = path.match(re);
    if (m) {
      try { await fn(params, ...m.slice(1).map(decodeURIComponent)); }
      catch (err) { show(errorBox(err)); }
      document.body.dataset.ready = "true";
      return;
    }
  }
  show(h("h1", {}, "Not found"), h("p", {}, link("/events", "Back to the events")));
  document.body.dataset.ready = "true";
}

// ---- events table --------------------------------------------------------------------------

async function eventsView(params) {
  document.title = "Events · Annals";
  const form = h("form", { class: "filters", id: "filters" },
    field("q", "Words in the sentence", "text", params, "e.g. sanctions"),
    field("actor", "Actor (code or name)", "text", params, "IRN, Trump"),
    field("dyad", "Dyad SOURCE:TARGET", "text", params, "USA:IRN"),
    h("label", {}, "Direction", select("undirected", params.get("undirected") === "true" ? "true" : "", [["", "Source → target"], ["true", "Both directions"]])),
    field("root", "CAMEO root or code", "text", params, "19, 042"),
    field("plover", "PLOVER", "text", params, "ASSAULT"),
    field("since", "Since", "date", params),
    field("until", "Until", "date", params),
    h("label", {}, "Order", select("sort", params.get("sort") || "date",
      [["date", "Date, oldest first"], ["-date", "Date, newest first"], ["-goldstein", "Goldstein, highest"], ["goldstein", "Goldstein, lowest"], ["-mentions", "Most mentioned"]])),
    h("label", {}, "Per page", select("limit", params.get("limit") || "50", [["25", "25"], ["50", "50"], ["100", "100"], ["250", "250"]])),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"), link("/events", "Reset")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) next.set(k, String(v).trim());
    if (next.get("sort") === "date") next.delete("sort");
    if (next.get("limit") === "50") next.delete("limit");
    go("/events" + (next.toString() ? "?" + next : ""));
  });
  show(h("h1", {}, "Events"), form, h("p", { class: "muted" }, "Loading events…"));

  const query = new URLSearchParams();
  for (const k of FILTERS.concat(["cursor"])) if (params.get(k)) query.set(k, params.get(k));
  let page;
  try { page = await api("/api/events?" + query); }
  catch (err) { show(h("h1", {}, "Events"), form, errorBox(err)); return; }

  // Each event is a stored record (docs/record-schema.json): `store_id` addresses it, `source` and
  // `target` are actor objects or null.
  const rows = page.events.map((e) => h("tr", { "data-id": e.store_id },
    h("td", { class: "code date" }, e.date || "–"),
    h("td", {}, actorLink(actorCode(e.source), actorName(e.source))),
    h("td", {}, link(`/event/${e.store_id}`, h("span", { class: "code" }, e.cameo), " ", e.plover || "")),
    h("td", {}, actorLink(actorCode(e.target), actorName(e.target))),
    h("td", { class: "num" }, fmt(e.goldstein)),
    h("td", { class: "num hide-narrow" }, e.num_mentions),
    h("td", { class: "text" }, e.text.length > 180 ? e.text.slice(0, 177) + "…" : e.text)));
  const table = h("div", { class: "table-wrap" }, h("table", { class: "events", id: "events-table" },
    h("thead", {}, h("tr", {}, ["Date", "Source", "Event", "Target", "Goldstein", "Mentions", "Sentence"].map((t, i) => h("th", { class: i === 5 ? "hide-narrow" : null }, t)))),
    h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: 7, class: "muted" }, "No events match these filters.")))));

  const download = (format) => { const q = new URLSearchParams(query); q.delete("cursor"); q.delete("limit"); q.set("format", format); return "/api/events?" + q; };
  const summary = h("div", { class: "summary" },
    page.total === null ? h("strong", {}, "A later page") : h("strong", { id: "total" }, `${page.total} event${page.total === 1 ? "" : "s"}`),
    h("a", { href: download("csv"), download: "annals-events.csv" }, "Download CSV"),
    h("a", { href: download("tsv"), download: "annals-events.tsv" }, "TSV"),
    params.get("dyad") ? link(`/dyad?dyad=${encodeURIComponent(params.get("dyad"))}`, "Dyad over time") : null);
  const pager = h("div", { class: "pager" },
    params.get("cursor") ? h("button", { class: "secondary", type: "button", onclick: () => history.back() }, "← Previous") : null,
    page.next ? h("button", { type: "button", id: "next-page", onclick: () => { const q = new URLSearchParams(params); q.set("cursor", page.next); go("/events?" + q); } }, "Next page →") : h("span", { class: "muted" }, "End of the list"));
  show(h("h1", {}, "Events"), form, summary, table, pager);
}

function field(name, label, type, params, placeholder) {
  return h("label", {}, label, h("input", { name, type, value: params.get(name) || "", placeholder: placeholder || null }));
}

function select(name, value, options) {
  return h("select", { name }, options.map(([v, t]) => h("option", { value: v, selected: v === value }, t)));
}

// ---- one event -----------------------------------------------------------------------------

async function eventView(params, id) {
  const data = await api(`/api/events/${id}`);
  const e = data.event;
  const [sourceCode, sourceName, targetCode, targetName] = [actorCode(e.source), actorName(e.source), actorCode(e.target), actorName(e.target)];
  document.title = `${sourceName || sourceCode} ${e.cameo} ${targetName || targetCode} · Annals`;
  const dyad = `${sourceCode}:${targetCode}`;
  const place = e.location ? `${e.location.name}${e.location.country ? " (" + e.location.country + ")" : ""}` : null;
  const facts = h("dl", { class: "facts" },
    h("dt", {}, "Date"), h("dd", {}, e.date || "unknown"),
    h("dt", {}, "Source"), h("dd", {}, actorLink(sourceCode, sourceName)),
    h("dt", {}, "Event"), h("dd", {}, h("span", { class: "code" }, e.cameo), ` root ${e.root}`, e.plover ? ` · PLOVER ${e.plover}` : "", ` · ${QUADS[e.quad - 1] || ""}`),
    h("dt", {}, "Target"), h("dd", {}, actorLink(targetCode, targetName)),
    place ? [h("dt", {}, "Place"), h("dd", { id: "event-place" }, place)] : null,
    h("dt", {}, "Goldstein"), h("dd", {}, fmt(e.goldstein)),
    h("dt", {}, "Reported"), h("dd", {}, `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)`),
    h("dt", {}, "Status"), h("dd", {}, `${e.polarity}, ${e.modality}`),
    h("dt", {}, "Dyad"), h("dd", {}, sourceCode && targetCode ? link(`/dyad?dyad=${encodeURIComponent(dyad)}`, `${dyad} over time`) : "–"));
  const legend = h("div", { class: "legend" }, h("mark", { class: "source" }, "source"), h("mark", { class: "verb" }, "verb"), h("mark", { class: "target" }, "target"));
  const mentions = data.mentions.map((m) => h("div", { class: "card mention" },
    h("p", { class: "sentence" }, m.segments.map((seg) => seg.role ? h("mark", { class: seg.role, title: seg.role }, seg.text) : seg.text)),
    h("dl", { class: "facts" },
      h("dt", {}, "Rule"), h("dd", { class: "code rule" }, m.rule),
      h("dt", {}, "Verb"), h("dd", {}, m.verb),
      h("dt", {}, "Document"), h("dd", {}, m.url ? h("a", { href: m.url, rel: "noopener noreferrer" }, m.title || m.doc) : (m.title || m.doc), ` · sentence ${m.sentence}`, m.doc_date ? ` · ${m.doc_date}` : ""),
      h("dt", {}, "Statement"), h("dd", {}, `${m.polarity}, ${m.modality}`))));
  show(h("h1", {}, actorLabel(sourceCode, sourceName), " → ", actorLabel(targetCode, targetName)),
    h("div", { class: "card" }, facts), h("h2", {}, `Evidence (${data.mentions.length} statement${data.mentions.length === 1 ? "" : "s"})`), legend, ...mentions);
}

// ---- actor ---------------------------------------------------------------------------------

async function actorView(params, key) {
  const q = params.get("as_of") ? `?as_of=${encodeURIComponent(params.get("as_of"))}` : "";
  const a = await api(`/api/actors/${encodeURIComponent(key)}${q}`);
  document.title = `${a.name} · Annals`;
  const node = a.node;
  const total = a.counts.events;
  const facts = h("dl", { class: "facts" },
    h("dt", {}, "Code"), h("dd", { class: "code" }, a.code || "–"),
    h("dt", {}, "Country · sector"), h("dd", {}, `${a.country || "–"} · ${a.sector || "–"}`),
    h("dt", {}, "Events"), h("dd", {}, total ? link(`/events?actor=${encodeURIComponent(a.code || a.name)}`, `${total} (${a.counts.as_source} as source, ${a.counts.as_target} as target)`) : "none stored"),
    h("dt", {}, "Seen"), h("dd", {}, a.counts.first_date ? `${a.counts.first_date} to ${a.counts.last_date}` : "–"),
    node && node.aliases.length ? [h("dt", {}, "Also called"), h("dd", {}, node.aliases.slice(0, 8).join(", "))] : null,
    a.stored.length > 1 ? [h("dt", {}, "Stored names"), h("dd", {}, a.stored.map((x) => `${x.name} (${x.mentions})`).join(", "))] : null);
  const asOf = h("form", { class: "pager" }, h("label", {}, "As of ", h("input", { type: "date", name: "as_of", value: params.get("as_of") || "" })), h("button", { type: "submit" }, "Show"));
  asOf.addEventListener("submit", (e) => { e.preventDefault(); const d = new FormData(asOf).get("as_of"); go(`/actor/${encodeURIComponent(key)}${d ? "?as_of=" + d : ""}`); });

  const roles = node && node.roles.length ? table(["Code", "Title", "From", "Until"], node.roles.map((r) => [h("span", { class: "code" }, r.code), r.title || "", r.from || "…", r.until || "…"])) : h("p", { class: "muted" }, "No dated roles.");
  const affs = node && node.affiliations.length ? table(["Relation", "With", "From", "Until", "Origin"], node.affiliations.map((r) => [r.outgoing ? `${r.relation} →` : `← ${r.relation}`, link(`/actor/${encodeURIComponent(r.other_code || r.other)}`, r.other), r.from || "…", r.until || "…", r.origin])) : h("p", { class: "muted" }, "No affiliations.");
  const partners = a.partners.length ? table(["Partner", "Events", "Mean Goldstein", ""], a.partners.map((p) => [actorLink(p.code, p.name), p.events, fmt(p.goldstein_mean), a.code && p.code ? link(`/dyad?dyad=${encodeURIComponent(a.code + ":" + p.code)}&undirected=true`, "dyad") : ""])) : h("p", { class: "muted" }, "No events with partners.");
  show(h("h1", {}, a.name),
    h("div", { class: "grid2" }, h("div", { class: "card" }, facts, asOf), h("div", { class: "card" }, h("h2", {}, "Events by quad class"), quadBars(a.counts.quad))),
    h("div", { class: "grid2" }, h("div", {}, h("h2", {}, "Roles over time"), roles, h("h2", {}, "Affiliations"), affs), h("div", {}, h("h2", {}, "Top partners"), partners)),
    h("h2", {}, "Network neighbourhood"), neighbourhood(a.name, node ? node.neighbours : a.partners.map((p) => ({ name: p.name || p.code, code: p.code, events: p.events }))));
}

function table(headers, rows) {
  return h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, h("tr", {}, headers.map((t) => h("th", {}, t)))), h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c)))))));
}

function quadBars(quad) {
  const max = Math.max(1, ...quad);
  const svg = s("svg", { class: "chart", id: "quad-chart", viewBox: "0 0 320 120", role: "img", "aria-label": "events by quad class" });
  quad.forEach((n, i) => {
    const w = (n / max) * 170;
    svg.append(s("text", { x: 0, y: 22 + i * 26 }, QUADS[i]), s("rect", { class: `q${i + 1}`, x: 120, y: 10 + i * 26, width: Math.max(w, 1), height: 16, rx: 2 }), s("text", { x: 124 + w, y: 22 + i * 26 }, n));
  });
  return svg;
}

/** The actor in the middle, its neighbours around it; links weighted by events. */
function neighbourhood(name, neighbours) {
  const list = neighbours.slice(0, 24);
  const size = 520, c = size / 2, r = size / 2 - 80;
  const svg = s("svg", { class: "chart", id: "neighbourhood", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": `network neighbourhood of ${name}` });
  if (!list.length) { svg.append(s("text", { x: c, y: c, "text-anchor": "middle" }, "no neighbours")); return svg; }
  const max = Math.max(1, ...list.map((n) => n.events || 0));
  list.forEach((n, i) => {
    const t = (2 * Math.PI * i) / list.length - Math.PI / 2;
    const x = c + r * Math.cos(t), y = c + r * Math.sin(t);
    const width = 1 + 5 * ((n.events || 0) / max);
    svg.append(s("line", { x1: c, y1: c, x2: x, y2: y, stroke: n.relation ? "#8e7cc3" : "#9fb3c8", "stroke-width": width, "stroke-dasharray": n.relation ? "5 3" : null }));
  });
  list.forEach((n, i) => {
    const t = (2 * Math.PI * i) / list.length - Math.PI / 2;
    const x = c + r * Math.cos(t), y = c + r * Math.sin(t);
    const a = s("a", { href: `/actor/${encodeURIComponent(n.code || n.name)}` },
      s("circle", { cx: x, cy: y, r: 7, fill: "#1f4e79" }),
      s("text", { x: x + (Math.cos(t) >= 0 ? 10 : -10), y: y + 4, "text-anchor": Math.cos(t) >= 0 ? "start" : "end" }, (n.name || n.code).slice(0, 24) + (n.events ? ` (${n.events})` : "")));
    a.addEventListener("click", (e) => { e.preventDefault(); go(a.getAttribute("href")); });
    svg.append(a);
  });
  svg.append(s("circle", { cx: c, cy: c, r: 12, fill: "#c62828" }), s("text", { x: c, y: c + 28, "text-anchor": "middle" }, name.slice(0, 30)));
  return svg;
}

// ---- dyad over time ------------------------------------------------------------------------

async function dyadView(params) {
  const dyad = params.get("dyad") || "";
  const by = params.get("by") || "month";
  const form = h("form", { class: "filters" },
    field("dyad", "Dyad SOURCE:TARGET", "text", params, "USA:IRN"),
    h("label", {}, "Period", select("by", by, [["day", "Day"], ["week", "Week"], ["month", "Month"]])),
    h("label", {}, "Direction", select("undirected", params.get("undirected") === "true" ? "true" : "false", [["false", "Source → target"], ["true", "Both directions"]])),
    field("since", "Since", "date", params), field("until", "Until", "date", params),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim() && !(k === "undirected" && v === "false")) next.set(k, String(v).trim());
    go("/dyad?" + next);
  });
  document.title = `${dyad || "Dyad"} over time · Annals`;
  if (!dyad) { show(h("h1", {}, "A dyad over time"), form, h("p", { class: "muted" }, "Name a dyad, such as USA:IRN.")); return; }
  const q = new URLSearchParams({ dyad, by });
  for (const k of ["undirected", "since", "until"]) if (params.get(k)) q.set(k, params.get(k));
  const data = await api("/api/series?" + q);
  const eq = new URLSearchParams({ dyad });
  if (params.get("undirected")) eq.set("undirected", params.get("undirected"));
  const pts = data.points;
  const totals = [0, 1, 2, 3].map((i) => pts.reduce((t, p) => t + [p.verbal_coop, p.material_coop, p.verbal_conflict, p.material_conflict][i], 0));
  show(h("h1", {}, `${dyad} over time`), form,
    h("div", { class: "summary" }, h("strong", {}, `${pts.reduce((t, p) => t + p.events, 0)} events in ${pts.length} ${by}s`), link("/events?" + eq, "List the events"),
      h("span", { class: "legend" }, QUADS.map((name, i) => h("span", {}, h("span", { class: `swatch q${i + 1}` }), `${name} (${totals[i]})`)))),
    h("div", { class: "card" }, seriesChart(pts)),
    table(["Period", "Events", "Verbal coop.", "Material coop.", "Verbal conflict", "Material conflict", "Goldstein mean"],
      pts.filter((p) => p.events).map((p) => [p.period, p.events, p.verbal_coop, p.material_coop, p.verbal_conflict, p.material_conflict, fmt(p.goldstein_mean)])));
}

/** Stacked bars of events by quad class per period, and the mean Goldstein score as a line. */
function seriesChart(points) {
  const W = 900, H = 300, L = 40, R = 40, T = 12, B = 40;
  const svg = s("svg", { class: "chart", id: "series-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per period by quad class, with mean Goldstein score" });
  if (!points.length) { svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no events")); return svg; }
  const max = Math.max(1, ...points.map((p) => p.events));
  const bw = (W - L - R) / points.length;
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const gy = (g) => T + (H - T - B) * (1 - (g + 10) / 20);
  svg.append(s("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#999" }), s("text", { x: 4, y: T + 8 }, max), s("text", { x: 4, y: H - B }, 0),
    s("text", { x: W - R + 4, y: gy(10) + 8 }, "+10"), s("text", { x: W - R + 4, y: gy(-10) }, "−10"));
  const step = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    let base = 0;
    const parts = [p.verbal_coop, p.material_coop, p.verbal_conflict, p.material_conflict];
    parts.forEach((n, q) => {
      if (!n) return;
      svg.append(s("rect", { class: `q${q + 1}`, x: L + i * bw + bw * 0.1, width: Math.max(bw * 0.8, 1), y: y(base + n), height: y(base) - y(base + n) }, s("title", {}, `${p.period}: ${n} ${QUADS[q]}`)));
      base += n;
    });
    if (i % step === 0) svg.append(s("text", { x: L + i * bw + bw / 2, y: H - B + 16, "text-anchor": "middle" }, p.period));
  });
  const line = points.map((p, i) => p.goldstein_mean === null ? null : `${L + i * bw + bw / 2},${gy(p.goldstein_mean)}`).filter(Boolean);
  if (line.length > 1) svg.append(s("polyline", { points: line.join(" "), fill: "none", stroke: "#1f4e79", "stroke-width": 2 }));
  for (const pt of line) { const [cx, cy] = pt.split(","); svg.append(s("circle", { cx, cy, r: 2.5, fill: "#1f4e79" })); }
  return svg;
}

// ---- network -------------------------------------------------------------------------------

async function networkView(params) {
  document.title = "Network · Annals";
  const asOf = params.get("as_of") || "";
  const form = h("form", { class: "pager" }, h("label", {}, "As of ", h("input", { type: "date", name: "as_of", value: asOf })), h("button", { type: "submit" }, "Show"),
    h("a", { href: `/api/graph${asOf ? "?as_of=" + asOf : ""}` }, "JSON"));
  form.addEventListener("submit", (e) => { e.preventDefault(); const d = new FormData(form).get("as_of"); go(`/network${d ? "?as_of=" + d : ""}`); });
  show(h("h1", {}, "Actor network"), form,
    h("iframe", { class: "network", title: "actor network", src: `/api/graph?format=html${asOf ? "&as_of=" + encodeURIComponent(asOf) : ""}` }));
}

// ---- code this text ------------------------------------------------------------------------

async function codeView(params) {
  document.title = "Code text · Annals";
  const text = h("textarea", { name: "text", id: "code-text", required: true, placeholder: "Paste a news article…" }, params.get("text") || "");
  const date = h("input", { type: "date", name: "date", value: params.get("date") || "" });
  const out = h("div", { id: "code-result" });
  const form = h("form", {}, text, h("div", { class: "pager" }, h("label", {}, "Date ", date), h("button", { type: "submit" }, "Code")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.replaceChildren(h("p", { class: "muted" }, "Coding…"));
    try {
      const res = await fetch(`/api/code${date.value ? "?date=" + date.value : ""}`, { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text.value });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
      out.replaceChildren(h("p", { class: "summary" }, `${body.sentences} sentences · ${body.events} events · ${body.relations} relations`), recordsTable(body.records, text.value));
    } catch (err) { out.replaceChildren(errorBox(err)); }
  });
  show(h("h1", {}, "Code this text"), h("p", { class: "muted" }, "Nothing is stored: the records come back as `annals code` writes them."), form, out);
}

/** Records of `annals code`; spans are UTF-8 byte offsets into the text sent. */
function recordsTable(records, text) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cut = (span) => span ? dec.decode(bytes.slice(span[0], span[1])) : "";
  if (!records.length) return h("p", { class: "muted" }, "No events or relations in this text.");
  return table(["Kind", "Source / subject", "Code", "Target / object", "Evidence", "Rule"], records.map((r) => r.kind === "event"
    ? ["event", r.source ? `${r.source.text} (${r.source.code})` : "–", `${r.cameo}${r.plover ? " " + r.plover : ""}`, r.target ? `${r.target.text} (${r.target.code})` : "–", h("mark", { class: "verb" }, cut(r.evidence && r.evidence.span) || (r.evidence ? r.evidence.verb : "")), h("span", { class: "code" }, r.evidence ? r.evidence.rule : "")]
    : ["relation", `${r.subject.text} (${r.subject.code})`, r.relation, `${r.object.text} (${r.object.code})`, r.evidence ? r.evidence.verb : "", h("span", { class: "code" }, r.evidence ? r.evidence.rule : "")]));
}

// ---- start ---------------------------------------------------------------------------------

function setupJump() {
  const form = document.getElementById("actor-jump");
  const input = document.getElementById("actor-jump-input");
  const list = document.getElementById("actor-suggestions");
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const data = await api(`/api/actors?limit=10&q=${encodeURIComponent(q)}`);
        list.replaceChildren(...data.actors.map((a) => h("option", { value: a.code || a.name }, `${a.name} (${a.code}), ${a.mentions} mentions`)));
      } catch (_) { /* suggestions are optional */ }
    }, 200);
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); if (input.value.trim()) go(`/actor/${encodeURIComponent(input.value.trim())}`); });
}

window.addEventListener("popstate", route);
window.addEventListener("DOMContentLoaded", () => {
  setupJump();
  api("/healthz").then((s) => { document.getElementById("db-status").textContent = `${s.events} events from ${s.documents} documents`; }).catch(() => {});
  route();
});
