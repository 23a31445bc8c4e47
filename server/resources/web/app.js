// The web page for approval staff (issue 12 item 1): sign in, upload or draw a site, give the
// project attributes, screen, read the verdict with its hits, rules and citations, see the site
// over the zoning, download the report, reopen earlier screenings, sign out. Talks only to this
// service's own API (session cookie + CSRF token); every text from the server is inserted as
// text, never as HTML.
"use strict";

const state = { csrf: "", user: "", role: "", config: null, map: null, zoning: {},
                sites: null, draft: [], drawing: false, draftLayer: null, generation: 0,
                jobs: [] };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k === "style") e.style.cssText = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(method, path, body, headers) {
  const h = Object.assign({ "Accept": "application/json" }, headers || {});
  if (method !== "GET" && state.csrf) h["X-CSRF-Token"] = state.csrf;
  const r = await fetch(path, { method, body, headers: h, credentials: "same-origin" });
  let doc = null;
  try { doc = await r.json(); } catch (e) { doc = null; }
  return { status: r.status, doc };
}

function problemText(reply) {
  if (reply.doc && reply.doc.detail) return reply.doc.detail;
  return "请求失败（HTTP " + reply.status + "）。";
}

// ---- signing in and out ---------------------------------------------------------------------

function showLogin(message) {
  state.csrf = ""; state.user = "";
  $("app-view").hidden = true; $("who").hidden = true; $("login-view").hidden = false;
  $("login-error").textContent = message || "";
  $("login-user").focus();
}

async function showApp(doc) {
  state.csrf = doc.csrf_token || ""; state.user = doc.user; state.role = doc.role;
  const roles = { approver: "审批人员", reviewer: "复核人员", planner: "规划人员", admin: "管理员" };
  $("who-name").textContent = doc.user + "（" + (roles[doc.role] || doc.role) + "）";
  $("who").hidden = false; $("login-view").hidden = true; $("app-view").hidden = false;
  $("screen-form").hidden = doc.role !== "approver";
  $("history-title").textContent = doc.role === "approver" ? "我的筛查记录" : "全部筛查记录";
  initMap();
  await loadHistory();
}

$("login-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("login-error").textContent = "";
  const r = await api("POST", "/auth/login", JSON.stringify(
    { username: $("login-user").value, password: $("login-password").value }),
    { "Content-Type": "application/json" });
  $("login-password").value = "";
  if (r.status === 200) return showApp(r.doc);
  $("login-error").textContent = r.status === 401 ? "用户名或密码错误。" : problemText(r);
});

$("logout").addEventListener("click", async () => {
  await api("POST", "/auth/logout", "");
  showLogin();
});

// ---- the form ---------------------------------------------------------------------------------

function fillVocabulary() {
  for (const [id, domain] of [["project-type", "project_type"], ["construction", "construction"]]) {
    for (const t of state.config.vocabulary[domain]) $(id).append(el("option", { value: t.value }, t.zh));
  }
  // Each yes/no attribute of the rule set: the first choice is what leaving it out means (opt-in
  // attributes count as 否, the others as 未知), so the form never claims more than was said.
  // The questions every application answers come first; those an applicant states only when
  // they apply are folded away.
  for (const f of state.config.vocabulary.flags || []) {
    const choices = f.opt_in ? [["", "否（未填写）"], ["是", "是"], ["未知", "未知"]]
                             : [["", "未知（未填写）"], ["是", "是"], ["否", "否"]];
    $(f.opt_in ? "opt-in-flags" : "flags").append(el("label", {}, f.zh,
      el("select", { "data-flag": f.name, id: "flag-" + f.name },
         ...choices.map(([value, text]) => el("option", { value }, text)))));
  }
}

function attributes() {
  const a = {};
  if ($("project-type").value) a.project_type = $("project-type").value;
  if ($("construction").value) a.construction = $("construction").value;
  if ($("industry-code").value.trim()) a.industry_code = $("industry-code").value.trim();
  for (const s of document.querySelectorAll("select[data-flag]")) {
    if (s.value) a[s.dataset.flag] = s.value;
  }
  for (const line of $("other-attributes").value.split("\n")) {
    const i = line.indexOf("=");
    if (i > 0) a[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return a;
}

function draftWkt() {
  const p = state.draft.map((ll) => ll.lng.toFixed(8) + " " + ll.lat.toFixed(8));
  if (p.length === 1) return "POINT (" + p[0] + ")";
  if (p.length === 2) return "LINESTRING (" + p.join(", ") + ")";
  return "POLYGON ((" + p.concat([p[0]]).join(", ") + "))";
}

$("screen-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("screen-error").textContent = "";
  const form = new FormData();
  const file = $("sites-file").files[0];
  if (file) {
    form.append("sites", file, file.name);
    if ($("site-crs").value) form.append("site_crs", $("site-crs").value);
  } else if (state.draft.length && !state.drawing) {
    form.append("site_wkt", draftWkt());
    form.append("site_crs", "EPSG:4490"); // the map's longitude/latitude (CGCS2000)
  } else {
    $("screen-error").textContent = "请上传项目用地文件，或在地图上绘制并完成。";
    return;
  }
  const a = attributes();
  if (Object.keys(a).length) form.append("site_attributes", JSON.stringify(a));
  if ($("buffer").value !== "") form.append("buffer", $("buffer").value);
  form.append("csrf_token", state.csrf);
  $("screen-submit").disabled = true;
  $("screen-submit").textContent = "正在初筛…";
  const r = await api("POST", "/processes/screen/execution", form);
  $("screen-submit").disabled = false;
  $("screen-submit").textContent = "开始初筛";
  if (r.status === 401) return showLogin("登录已过期，请重新登录。");
  if (r.status !== 200) { $("screen-error").textContent = problemText(r); return; }
  showResult(r.doc);
  await loadHistory();
});

// ---- results ----------------------------------------------------------------------------------

function verdictBadge(v, zh) {
  const c = state.config.verdicts[v] || { zh: v, color: "#666" };
  return el("span", { class: "verdict", style: "background:" + c.color }, zh || c.zh);
}

function layerTitle(hit) {
  const l = state.config.layers.find((x) => x.id === hit.layer || x.kind === hit.kind);
  return l ? l.title : hit.layer;
}

function fixed(v, d) { return v === undefined || v === null ? "" : Number(v).toFixed(d); }

function hitsTable(site) {
  const line = /LineString/.test(site.geometry_type);
  const point = /Point/.test(site.geometry_type);
  const head = ["图层", "区域", line ? "重叠长度（米）" : point ? "位于区内" : "重叠面积（m²）",
                line || point ? "" : "重叠（亩）", "占比", "距离（米）", "结论", "规则与依据"];
  const t = el("table", {}, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const h of site.hits) {
    const rules = el("ul", { class: "rules" });
    for (const r of h.rules || []) {
      rules.append(el("li", {}, (r.rule_id ? r.rule_id + "：" : "") + (r.reason || ""),
                      r.citation ? el("div", {}, "依据：" + r.citation) : ""));
    }
    body.append(el("tr", {},
      el("td", {}, layerTitle(h)),
      el("td", {}, h.zone_name || h.zone_id || ""),
      el("td", { class: "num" }, line ? fixed(h.overlap_length_m, 1) : point ? (h.contains ? "是" : "否")
                                      : fixed(h.overlap_m2, 1)),
      el("td", { class: "num" }, line || point ? "" : fixed(h.overlap_mu, 3)),
      el("td", { class: "num" }, h.site_share === undefined ? "" : fixed(h.site_share * 100, 1) + "%"),
      el("td", { class: "num" }, fixed(h.distance_m, 1)),
      el("td", {}, verdictBadge(h.verdict)),
      el("td", {}, rules)));
  }
  t.append(body);
  return t;
}

function showResult(doc) {
  $("result").hidden = false;
  const source = /^--site-wkt/.test(doc.sites_source || "") ? "地图绘制" : doc.sites_source;
  $("result-source").textContent = source ? "（" + source + "）" : "";
  const links = $("result-links");
  links.replaceChildren(
    el("a", { href: "/jobs/" + doc.job_id + "/results/report.html", target: "_blank", id: "report-html" }, "下载 HTML 报告"),
    " · ",
    ...(state.config.pdf_report
      ? [el("a", { href: "/jobs/" + doc.job_id + "/results/report.pdf", target: "_blank", id: "report-pdf",
                   download: "redline-" + doc.job_id + ".pdf" }, "下载 PDF 报告"), " · "]
      : []),
    el("a", { href: "/jobs/" + doc.job_id + "/results", target: "_blank" }, "JSON 结果"),
    " · 规则集 " + doc.rules + " " + (doc.rules_version || "") + " · 筛查编号 " + doc.job_id);
  const body = $("result-body");
  body.replaceChildren();
  const summary = el("table", { id: "verdict-table" }, el("thead", {}, el("tr", {},
    el("th", {}, "地块编号"), el("th", {}, "名称"), el("th", {}, "结论"), el("th", {}, "涉及图层"))));
  const sb = el("tbody");
  for (const s of doc.sites) {
    sb.append(el("tr", {}, el("td", {}, s.site_id || ""), el("td", {}, s.name || ""),
                 el("td", {}, verdictBadge(s.verdict, s.verdict_zh)),
                 el("td", {}, [...new Set(s.hits.map(layerTitle))].join("、") || "不涉及")));
  }
  summary.append(sb);
  body.append(summary);
  for (const s of doc.sites.slice(0, 50)) {
    const part = el("div", { class: "site" },
      el("h3", {}, (s.site_id || "") + " " + (s.name || "") + " ", verdictBadge(s.verdict, s.verdict_zh)));
    if (s.message) part.append(el("p", { class: "error" }, s.message));
    for (const w of s.warnings || []) part.append(el("p", { class: "hint" }, "提示：" + w));
    part.append(s.hits.length ? hitsTable(s) : el("p", {}, "不涉及任何管控区域。"));
    body.append(part);
  }
  if (doc.sites.length > 50) body.append(el("p", { class: "hint" }, "其余地块见 HTML 报告。"));
  showSites(doc.job_id);
  $("result").scrollIntoView({ block: "start" });
}

// ---- history ----------------------------------------------------------------------------------

async function loadHistory() {
  const r = await api("GET", "/jobs?limit=100");
  if (r.status === 401) return showLogin("登录已过期，请重新登录。");
  state.jobs = r.status === 200 ? r.doc.jobs : [];
  renderHistory();
}

function renderHistory() {
  const q = $("history-filter").value.trim();
  const statusZh = { successful: "完成", failed: "失败", running: "进行中", accepted: "排队中" };
  const rows = state.jobs.filter((j) => !q || [j.input_name, j.user, j.status, statusZh[j.status]]
    .some((x) => x && x.includes(q)));
  const tbody = $("history-table").querySelector("tbody");
  tbody.replaceChildren(...rows.map((j) => el("tr", {},
    el("td", {}, (j.created || "").replace("T", " ").slice(0, 19)),
    el("td", {}, j.input_name || ""), el("td", {}, j.user || ""),
    el("td", {}, statusZh[j.status] || j.status),
    el("td", {}, j.status === "successful" ? openButton(j.jobID) : (j.message || "")))));
}

function openButton(id) {
  const b = el("button", { type: "button", "data-job": id }, "打开");
  b.addEventListener("click", async () => {
    const r = await api("GET", "/jobs/" + id + "/results");
    if (r.status === 401) return showLogin("登录已过期，请重新登录。");
    if (r.status === 200) showResult(r.doc);
  });
  return b;
}

$("history-filter").addEventListener("input", renderHistory);

// ---- the map ----------------------------------------------------------------------------------

function zoneStyle(layer) {
  return (feature) => {
    const v = layer.class_field ? feature.properties[layer.class_field] : undefined;
    const s = (v !== undefined && layer.classes[v]) || layer.base;
    return { color: s.stroke, weight: 1.2, fillColor: s.fill, fillOpacity: 1, opacity: 1,
             dashArray: s.dashed ? "6 4" : null };
  };
}

function popupFor(title, properties) {
  const t = el("table", {}, el("caption", {}, title));
  for (const [k, v] of Object.entries(properties)) {
    if (v !== null && v !== "") t.append(el("tr", {}, el("th", {}, k), el("td", {}, v)));
  }
  return t;
}

function initMap() {
  if (state.map || typeof L === "undefined") {
    if (typeof L === "undefined") $("map-missing").hidden = false;
    return;
  }
  const map = L.map("map", { preferCanvas: false, zoomControl: true });
  state.map = map;
  L.control.scale({ imperial: false }).addTo(map);
  const overlays = {};
  for (const layer of state.config.layers) {
    const g = L.geoJSON(null, { style: zoneStyle(layer),
      onEachFeature: (f, l) => l.bindPopup(() => popupFor(layer.title, f.properties)) });
    state.zoning[layer.id] = g;
    overlays[layer.title] = g;
    if (layer.kind !== "neighbours") g.addTo(map);
  }
  state.sites = L.geoJSON(null, {
    style: (f) => ({ color: "#000", weight: 3, fillColor: (state.config.verdicts[f.properties.verdict] || {}).color || "#000",
                     fillOpacity: 0.35 }),
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 7 }),
    onEachFeature: (f, l) => l.bindPopup(() => popupFor("项目用地", f.properties)) }).addTo(map);
  overlays["项目用地"] = state.sites;
  L.control.layers(null, overlays, { collapsed: true }).addTo(map);
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => el("div", { class: "legend" }, ...state.config.layers
    .filter((l) => l.kind !== "neighbours")
    .map((l) => el("div", {}, el("i", { style: "background:" + l.base.fill + ";border-color:" + l.base.stroke }), l.title)));
  legend.addTo(map);
  map.on("moveend", loadZoning);
  map.on("click", (e) => {
    if (!state.drawing) return;
    state.draft.push(e.latlng);
    drawDraft();
  });
  fitCounty();
}

async function fitCounty() {
  const r = await api("GET", "/collections");
  const county = r.status === 200 && r.doc.collections.find((c) => c.id === "county");
  const b = county && county.extent && county.extent.spatial.bbox[0];
  if (b) state.map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
  else state.map.setView([28.15, 120.68], 10);
}

async function loadZoning() {
  const generation = ++state.generation;
  const b = state.map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(",");
  await Promise.all(state.config.layers.map(async (layer) => {
    const g = state.zoning[layer.id];
    if (!state.map.hasLayer(g)) return;
    const r = await api("GET", "/collections/" + encodeURIComponent(layer.id) + "/items?limit=2000&bbox=" + bbox);
    if (generation !== state.generation || r.status !== 200) return;
    g.clearLayers();
    g.addData(r.doc);
  }));
}

async function showSites(jobId) {
  if (!state.map) return;
  const r = await api("GET", "/collections/screened_sites/items?limit=1000&job_id=" + encodeURIComponent(jobId));
  if (r.status !== 200) return;
  state.sites.clearLayers();
  state.sites.addData(r.doc);
  const b = state.sites.getBounds();
  if (b.isValid()) state.map.fitBounds(b.pad(1.5), { maxZoom: 15 });
}

function drawDraft() {
  if (state.draftLayer) state.draftLayer.remove();
  const pts = state.draft;
  state.draftLayer = pts.length === 1 ? L.circleMarker(pts[0], { radius: 6, color: "#000" })
    : !state.drawing && pts.length > 2 ? L.polygon(pts, { color: "#000", weight: 3 })
    : L.polyline(pts, { color: "#000", weight: 3, dashArray: state.drawing ? "4 4" : null });
  state.draftLayer.addTo(state.map);
  $("draw-state").textContent = pts.length + " 个点";
}

$("draw").addEventListener("click", () => {
  if (!state.map) return;
  state.drawing = true; state.draft = [];
  $("sites-file").value = "";
  $("draw").hidden = true; $("draw-done").hidden = false; $("draw-clear").hidden = false;
  $("draw-state").textContent = "在地图上依次点击地块边界点";
});
$("draw-done").addEventListener("click", () => {
  state.drawing = false;
  $("draw").hidden = false; $("draw-done").hidden = true;
  if (state.draft.length) drawDraft();
  $("draw-state").textContent = state.draft.length ? "已绘制 " + state.draft.length + " 个点" : "";
});
$("draw-clear").addEventListener("click", () => {
  state.drawing = false; state.draft = [];
  if (state.draftLayer) state.draftLayer.remove();
  $("draw").hidden = false; $("draw-done").hidden = true; $("draw-clear").hidden = true;
  $("draw-state").textContent = "";
});

// ---- start ------------------------------------------------------------------------------------

(async function start() {
  const c = await api("GET", "/web/config.json");
  state.config = c.doc;
  fillVocabulary();
  const s = await api("GET", "/auth/session");
  if (s.status === 200) showApp(s.doc); else showLogin();
})();
