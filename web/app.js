// The dashboard's first page: sign in, the product lines with their quarter metrics, quarantine.
// Customer words and names are set with textContent only: never parsed as HTML.
import { pickLocale, STRINGS } from "./i18n.js";

const state = {
  locale: localStorage.getItem("locale") ?? pickLocale(navigator.language),
  token: sessionStorage.getItem("token"),
  role: sessionStorage.getItem("role"),
  catalog: undefined,
};
const $ = (selector) => document.querySelector(selector);
const t = (key, vars = {}) =>
  (STRINGS[state.locale][key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));

const api = async (path, options = {}) => {
  const response = await fetch(path, {
    ...options,
    headers: {
      "content-type": "application/json",
      ...(state.token ? { authorization: `Bearer ${state.token}` } : {}),
    },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw Object.assign(new Error(body?.error?.message ?? response.statusText), { status: response.status });
  return body;
};

const cell = (text, className) => {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
};

const percent = (value) =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat(state.locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
const number = (value, digits = 0) =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat(state.locale, { maximumFractionDigits: digits }).format(value);

/** The Wilson interval as a bar on a 0–100 % scale, with the 20 % bar as a red line. */
const intervalChart = (wilson, bar = 0.2) => {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "interval");
  svg.setAttribute("width", "160");
  svg.setAttribute("height", "14");
  svg.setAttribute("role", "img");
  const x = (v) => String(4 + v * 152);
  const line = (x1, x2, color, width) => {
    const l = document.createElementNS(ns, "line");
    for (const [k, v] of Object.entries({ x1, x2, y1: "7", y2: "7", stroke: color, "stroke-width": width }))
      l.setAttribute(k, v);
    svg.append(l);
  };
  line(x(0), x(1), "#e5e5ea", "2");
  if (wilson) line(x(wilson.lo), x(wilson.hi), wilson.lo > bar ? "#d7263d" : "#1d1d1f", "6");
  const mark = document.createElementNS(ns, "line");
  for (const [k, v] of Object.entries({
    x1: x(bar),
    x2: x(bar),
    y1: "0",
    y2: "14",
    stroke: "#d7263d",
    "stroke-width": "1.5",
  }))
    mark.setAttribute(k, v);
  svg.append(mark);
  const title = document.createElementNS(ns, "title");
  title.textContent = wilson ? `${percent(wilson.lo)} – ${percent(wilson.hi)}` : "–";
  svg.append(title);
  return svg;
};

const quarters = () => {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  let [year, month] = day.split("-").map(Number);
  let q = Math.floor((month - 1) / 3) + 1;
  const list = [];
  for (let i = 0; i < 5; i++) {
    list.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return list;
};

const renderStrings = () => {
  document.documentElement.lang = state.locale;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  $("#lang").textContent = state.locale === "zh-CN" ? "English" : "中文";
  document.title = t("title");
};

const status = (text) => {
  $("#status").textContent = text;
};

const loadLines = async () => {
  const period = $("#period").value;
  state.catalog ??= await api("/v1/catalog");
  const units = new Map(state.catalog.businessUnits.map((u) => [u.id, u.name]));
  const rows = await Promise.all(
    state.catalog.productLines.map(async (line) => ({
      line,
      metrics: await api(`/v1/product-lines/${encodeURIComponent(line.id)}/metrics?period=${period}`),
    })),
  );
  rows.sort((a, b) => (b.metrics.negativeRate ?? -1) - (a.metrics.negativeRate ?? -1));
  const body = $("#lines tbody");
  body.replaceChildren(
    ...rows.map(({ line, metrics }) => {
      const tr = document.createElement("tr");
      tr.dataset.line = line.id;
      if (metrics.wilson && metrics.n >= 30 && metrics.wilson.lo > 0.2) tr.className = "poor";
      const chart = document.createElement("td");
      chart.append(intervalChart(metrics.wilson));
      tr.append(
        cell(state.locale === "zh-CN" && line.nameZh ? line.nameZh : line.name),
        cell(units.get(line.businessUnitId) ?? line.businessUnitId),
        cell(line.category),
        cell(number(metrics.n), "num"),
        cell(percent(metrics.negativeRate), "num"),
        chart,
        cell(number(metrics.csatMean, 2), "num"),
        cell(number(metrics.nps), "num"),
      );
      return tr;
    }),
  );
  $("#lines-section").hidden = false;
};

const loadQuarantine = async () => {
  if (state.role !== "cco") return;
  const page = await api("/v1/quarantine?limit=50");
  const body = $("#quarantine tbody");
  if (page.items.length === 0) {
    const tr = document.createElement("tr");
    tr.append(cell(t("empty")));
    body.replaceChildren(tr);
  } else
    body.replaceChildren(
      ...page.items.map((s) => {
        const tr = document.createElement("tr");
        tr.append(cell(s.signalId), cell(s.productLineId), cell(s.verbatim ?? ""));
        return tr;
      }),
    );
  $("#quarantine-section").hidden = false;
};

const refresh = async () => {
  if (!state.token) return;
  status(t("loading"));
  try {
    await Promise.all([loadLines(), loadQuarantine()]);
    status(t("signedInAs", { role: state.role }));
  } catch (error) {
    if (error.status === 401) {
      state.token = null;
      sessionStorage.removeItem("token");
    }
    status(t("failed", { message: error.message }));
  }
};

const signIn = async (event) => {
  event.preventDefault();
  const form = new FormData($("#signin"));
  const role = String(form.get("role"));
  const businessUnitIds = String(form.get("units") ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
  try {
    const { token } = await api("/v1/dev/token", {
      method: "POST",
      body: JSON.stringify({ role, businessUnitIds }),
    });
    state.token = token;
    state.role = role;
    sessionStorage.setItem("token", token);
    sessionStorage.setItem("role", role);
    await refresh();
  } catch (error) {
    status(error.status === 404 ? t("noDevSignIn") : t("failed", { message: error.message }));
  }
};

const start = () => {
  const select = $("#period");
  select.replaceChildren(
    ...quarters().map((q) => {
      const option = document.createElement("option");
      option.value = q;
      option.textContent = q;
      return option;
    }),
  );
  select.addEventListener("change", refresh);
  $("#signin").addEventListener("submit", signIn);
  $("#signin select").addEventListener("change", (e) => {
    $("#units-label").hidden = e.target.value !== "bu-head";
  });
  $("#lang").addEventListener("click", () => {
    state.locale = state.locale === "zh-CN" ? "en" : "zh-CN";
    localStorage.setItem("locale", state.locale);
    renderStrings();
    refresh();
  });
  renderStrings();
  refresh();
};

start();
