// The coin pages' script: reads the HTTP API of the instance that served the page and follows its
// live stream (/api/v1/stream). Raw figures go into data-value attributes; the text is for people.
"use strict";

const MM = (() => {
  const usdFmt = (digits) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits });

  function priceDigits(v) {
    const a = Math.abs(v);
    return a >= 1000 ? 2 : a >= 1 ? 4 : a >= 0.01 ? 6 : 8;
  }
  function usd(v) { return v == null ? "—" : usdFmt(priceDigits(v)).format(v); }
  function usdBig(v) { return v == null ? "—" : usdFmt(0).format(v); }
  function pct(v) { return v == null ? "—" : (v > 0 ? "+" : "") + v.toFixed(2) + "%"; }
  function num(v, digits) { return v == null ? "—" : new Intl.NumberFormat("en-US", { maximumFractionDigits: digits ?? 2 }).format(v); }
  function date(iso) { return iso == null ? "—" : new Date(iso).toISOString().slice(0, 10); }
  function dir(v) { return v == null ? "" : v > 0 ? "up" : v < 0 ? "down" : ""; }

  /** Sets an element's text and, for figures, its raw value and up/down colour. */
  function set(id, text, value, signed) {
    const el = document.getElementById(id);
    if (!el) return;
    el.textContent = text;
    if (value !== undefined) el.dataset.value = value == null ? "" : String(value);
    if (signed) { el.classList.remove("up", "down"); const d = dir(value); if (d) el.classList.add(d); }
  }

  /** An inline SVG line of the prices (nulls skipped), green when the last is above the first. */
  function sparkline(prices, width, height) {
    const pts = (prices || []).map((p, i) => [i, p]).filter(([, p]) => p != null);
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "spark");
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.dataset.points = String(pts.length);
    if (pts.length < 2) return svg;
    const n = Math.max(prices.length - 1, 1);
    const lo = Math.min(...pts.map(([, p]) => p)), hi = Math.max(...pts.map(([, p]) => p));
    const span = hi - lo || 1;
    const d = pts.map(([i, p]) => `${(i / n * (width - 2) + 1).toFixed(1)},${(height - 1 - (p - lo) / span * (height - 2)).toFixed(1)}`).join(" ");
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", d);
    line.setAttribute("fill", "none");
    line.setAttribute("stroke-width", "1.5");
    line.setAttribute("stroke", pts[pts.length - 1][1] >= pts[0][1] ? "#0a8f4f" : "#d23b3b");
    svg.appendChild(line);
    return svg;
  }

  async function get(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    const body = await r.json().catch(() => null);
    if (!r.ok) throw Object.assign(new Error(body && body.error ? body.error : "HTTP " + r.status), { status: r.status });
    return body;
  }

  /** Follows live updates; the browser reconnects by itself after a drop. */
  function live(symbols, onAsset, onMarket) {
    const es = new EventSource("/api/v1/stream" + (symbols ? "?symbols=" + encodeURIComponent(symbols) : ""));
    const state = document.getElementById("live");
    es.onopen = () => { if (state) state.textContent = "live"; };
    es.onerror = () => { if (state) state.textContent = "reconnecting…"; };
    if (onAsset) es.addEventListener("asset", (e) => onAsset(JSON.parse(e.data)));
    if (onMarket) es.addEventListener("market", (e) => onMarket(JSON.parse(e.data)));
    return es;
  }

  function message(id, text) {
    const el = document.getElementById(id);
    el.hidden = false;
    el.textContent = text;
  }

  function cell(tr, text, cls, value) {
    const td = document.createElement("td");
    if (cls) td.className = cls;
    if (text instanceof Node) td.appendChild(text); else td.textContent = text;
    if (value !== undefined) td.dataset.value = value == null ? "" : String(value);
    tr.appendChild(td);
    return td;
  }

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  /** One row of an asset table: rank, name, price, changes, volume, market cap, 7d sparkline. */
  function assetRow(a) {
    const tr = document.createElement("tr");
    tr.dataset.symbol = a.symbol;
    cell(tr, a.rank == null ? "—" : String(a.rank), "l", a.rank);
    cell(tr, link("/assets/" + encodeURIComponent(a.symbol), (a.name || a.symbol) + " · " + a.symbol), "l");
    cell(tr, usd(a.priceUsd), "price", a.priceUsd);
    for (const k of ["change1hPct", "change24hPct", "change7dPct"]) cell(tr, pct(a[k]), dir(a[k]), a[k]);
    cell(tr, usdBig(a.volume24hUsd), "", a.volume24hUsd);
    cell(tr, usdBig(a.marketCapUsd), "", a.marketCapUsd);
    cell(tr, sparkline(a.sparkline7d, 120, 32));
    return tr;
  }

  return { usd, usdBig, pct, num, date, dir, set, sparkline, get, live, message, cell, link, assetRow };
})();

/** "/" : assets by rank, live. */
async function assetsPage() {
  const body = document.querySelector("#assets tbody");
  const rows = new Map();
  async function load() {
    try {
      const assets = await MM.get("/api/v1/assets?limit=250");
      body.replaceChildren();
      rows.clear();
      for (const a of assets) { const tr = MM.assetRow(a); rows.set(a.symbol, tr); body.appendChild(tr); }
      document.getElementById("error").hidden = true;
    } catch (e) { MM.message("error", e.message); }
  }
  await load();
  MM.live(null, (a) => { const old = rows.get(a.symbol); if (old) { const tr = MM.assetRow(a); old.replaceWith(tr); rows.set(a.symbol, tr); } });
  setInterval(load, 30000); // ranks move: re-read the order now and then
}

/** "/assets/{symbol}" : one asset's page, live. */
async function assetPage() {
  const symbol = decodeURIComponent(location.pathname.split("/").pop()).toUpperCase();
  document.title = symbol + " · market-metrics";
  const markets = new Map();

  function renderAsset(a) {
    MM.set("name", a.name || a.symbol);
    MM.set("symbol", a.symbol);
    MM.set("rank", a.rank == null ? "Rank —" : "Rank #" + a.rank, a.rank);
    MM.set("price", MM.usd(a.priceUsd), a.priceUsd);
    MM.set("change1h", MM.pct(a.change1hPct), a.change1hPct, true);
    MM.set("change24h", MM.pct(a.change24hPct), a.change24hPct, true);
    MM.set("change7d", MM.pct(a.change7dPct), a.change7dPct, true);
    MM.set("marketCap", MM.usdBig(a.marketCapUsd), a.marketCapUsd);
    MM.set("fdv", MM.usdBig(a.fdvUsd), a.fdvUsd);
    MM.set("volume24h", MM.usdBig(a.volume24hUsd), a.volume24hUsd);
    MM.set("volumeToMarketCap", a.volumeToMarketCap == null ? "—" : a.volumeToMarketCap.toFixed(4), a.volumeToMarketCap);
    MM.set("high24h", MM.usd(a.high24hUsd), a.high24hUsd);
    MM.set("low24h", MM.usd(a.low24hUsd), a.low24hUsd);
    MM.set("ath", MM.usd(a.athUsd), a.athUsd);
    MM.set("athDate", MM.date(a.athTime), a.athTime);
    MM.set("pctFromAth", MM.pct(a.pctFromAth), a.pctFromAth, true);
    MM.set("atl", MM.usd(a.atlUsd), a.atlUsd);
    MM.set("atlDate", MM.date(a.atlTime), a.atlTime);
    MM.set("pctFromAtl", MM.pct(a.pctFromAtl), a.pctFromAtl, true);
    MM.set("circulatingSupply", MM.num(a.circulatingSupply, 0), a.circulatingSupply);
    MM.set("totalSupply", MM.num(a.totalSupply, 0), a.totalSupply);
    MM.set("maxSupply", a.maxSupply == null ? "∞" : MM.num(a.maxSupply, 0), a.maxSupply);
    MM.set("updatedAt", a.updatedAt ? new Date(a.updatedAt).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—", a.updatedAt);
    document.getElementById("sparkline").replaceChildren(MM.sparkline(a.sparkline7d, 640, 120));
    const cats = document.getElementById("categories");
    cats.replaceChildren(...(a.categories || []).map((c) => { const l = MM.link("/categories/" + encodeURIComponent(c), c); l.className = "badge"; return l; }));
    const nav = document.getElementById("nav");
    nav.hidden = a.navUsd == null;
    if (a.navUsd != null) {
      MM.set("navUsd", MM.usd(a.navUsd), a.navUsd);
      MM.set("premiumPct", MM.pct(a.premiumPct), a.premiumPct, true);
      document.getElementById("indexLink").href = "/indexes/" + encodeURIComponent(a.symbol);
    }
  }

  function renderMarkets() {
    const list = [...markets.values()].sort((x, y) => y.volume24hUsd - x.volume24hUsd || x.market.localeCompare(y.market));
    const body = document.querySelector("#markets tbody");
    body.replaceChildren(...list.map((m, i) => {
      const tr = document.createElement("tr");
      tr.dataset.market = m.market;
      MM.cell(tr, String(i + 1), "l");
      MM.cell(tr, m.exchange, "l");
      MM.cell(tr, m.base + "/" + m.quote, "l");
      MM.cell(tr, MM.num(m.lastPrice, 8) + " " + m.quote, "", m.lastPrice);
      MM.cell(tr, MM.usd(m.lastPriceUsd), "", m.lastPriceUsd);
      MM.cell(tr, MM.usdBig(m.volume24hUsd), "", m.volume24hUsd);
      MM.cell(tr, m.volumeSharePct == null ? "—" : m.volumeSharePct.toFixed(2) + "%", "", m.volumeSharePct);
      MM.cell(tr, m.tradeUrl ? MM.link(m.tradeUrl, "Trade") : "—", "l");
      return tr;
    }));
  }

  try {
    renderAsset(await MM.get("/api/v1/assets/" + encodeURIComponent(symbol)));
    document.getElementById("content").hidden = false;
  } catch (e) { MM.message("error", e.message); return; }
  try {
    for (const m of await MM.get("/api/v1/assets/" + encodeURIComponent(symbol) + "/markets")) markets.set(m.market, m);
  } catch (e) { /* an asset with no market yet: the table stays empty */ }
  renderMarkets();
  MM.live(symbol, renderAsset, (m) => { markets.set(m.market, m); renderMarkets(); });
}

/** "/categories/{id}" : a category's figures and its assets with their sparklines. */
async function categoryPage() {
  const id = decodeURIComponent(location.pathname.split("/").pop()).toLowerCase();
  MM.set("title", id);
  try {
    const c = await MM.get("/api/v1/categories/" + encodeURIComponent(id));
    MM.set("marketCap", MM.usdBig(c.marketCapUsd), c.marketCapUsd);
    MM.set("volume24h", MM.usdBig(c.volume24hUsd), c.volume24hUsd);
    MM.set("change24h", MM.pct(c.change24hPct), c.change24hPct, true);
    MM.set("assetCount", String(c.assetCount), c.assetCount);
    document.getElementById("figures").hidden = false;
  } catch (e) { MM.message("note", e.message); }
  try {
    const assets = await MM.get("/api/v1/assets?limit=1000&category=" + encodeURIComponent(id));
    document.querySelector("#assets tbody").replaceChildren(...assets.map(MM.assetRow));
  } catch (e) { MM.message("error", e.message); }
}

/** "/indexes/{symbol}" : an index token's NAV, premium and basket. */
async function indexPage() {
  const symbol = decodeURIComponent(location.pathname.split("/").pop()).toUpperCase();
  MM.set("title", symbol);
  try {
    const x = await MM.get("/api/v1/indexes/" + encodeURIComponent(symbol));
    MM.set("navUsd", MM.usd(x.navUsd), x.navUsd);
    MM.set("priceUsd", MM.usd(x.priceUsd), x.priceUsd);
    MM.set("premiumPct", MM.pct(x.premiumPct), x.premiumPct, true);
    MM.set("missing", x.missing.length ? x.missing.join(", ") : "none");
    document.querySelector("#constituents tbody").replaceChildren(...x.constituents.map((c) => {
      const tr = document.createElement("tr");
      MM.cell(tr, MM.link("/assets/" + encodeURIComponent(c.asset), c.asset), "l");
      MM.cell(tr, MM.num(c.units, 8), "", c.units);
      MM.cell(tr, MM.usd(c.priceUsd), "", c.priceUsd);
      MM.cell(tr, MM.usd(c.valueUsd), "", c.valueUsd);
      MM.cell(tr, c.weightPct == null ? "—" : c.weightPct.toFixed(2) + "%", "", c.weightPct);
      MM.cell(tr, c.targetWeightPct == null ? "—" : c.targetWeightPct.toFixed(2) + "%", "", c.targetWeightPct);
      MM.cell(tr, c.driftPct == null ? "—" : c.driftPct.toFixed(2), MM.dir(c.driftPct), c.driftPct);
      return tr;
    }));
    document.getElementById("figures").hidden = false;
  } catch (e) { MM.message("error", e.message); }
}

document.addEventListener("DOMContentLoaded", () => {
  ({ assets: assetsPage, asset: assetPage, category: categoryPage, index: indexPage })[document.body.dataset.page]();
});
