// LagLab monitor dashboard: polls the JSON API and draws its own charts (no libraries, no network but this server).
"use strict";

const palette = ["#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037"];
const refreshMs = 2000;

function text(value) { return value === null || value === undefined ? "–" : String(value); }

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 120) return seconds.toFixed(seconds < 10 ? 1 : 0) + " s";
  if (seconds < 7200) return (seconds / 60).toFixed(1) + " min";
  return (seconds / 3600).toFixed(1) + " h";
}

function cell(row, value, numeric) {
  const td = document.createElement("td");
  td.textContent = value;
  if (numeric) td.className = "num";
  row.appendChild(td);
  return td;
}

function fill(tableId, rows) {
  const body = document.querySelector("#" + tableId + " tbody");
  body.replaceChildren(...rows);
}

function drawChart(canvasId, legendId, series, pick, format) {
  const canvas = document.getElementById(canvasId);
  const ctx = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, left = 60, bottom = 22, top = 8, right = 8;
  ctx.clearRect(0, 0, w, h);
  const now = Date.now(), from = now - 3600 * 1000;
  let max = 0;
  for (const points of Object.values(series)) {
    for (const p of points) { const v = pick(p); if (v !== null && v > max) max = v; }
  }
  max = max > 0 ? max * 1.1 : 1;
  const x = t => left + (t - from) / (now - from) * (w - left - right);
  const y = v => h - bottom - v / max * (h - bottom - top);
  ctx.strokeStyle = "#d0d4da"; ctx.fillStyle = "#556"; ctx.font = "11px sans-serif"; ctx.lineWidth = 1;
  for (let i = 0; i <= 4; i++) {
    const v = max * i / 4, yy = y(v);
    ctx.beginPath(); ctx.moveTo(left, yy); ctx.lineTo(w - right, yy); ctx.stroke();
    ctx.fillText(format(v), 2, yy + 4);
  }
  for (let m = 0; m <= 60; m += 15) ctx.fillText("-" + (60 - m) + "m", x(from + m * 60000) - 10, h - 6);
  const legend = document.getElementById(legendId);
  const items = [];
  Object.keys(series).sort().forEach((group, i) => {
    const color = palette[i % palette.length];
    const points = series[group].filter(p => pick(p) !== null);
    ctx.strokeStyle = color; ctx.lineWidth = 2; ctx.beginPath();
    points.forEach((p, j) => {
      const px = x(Date.parse(p.time)), py = y(pick(p));
      if (j === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    });
    ctx.stroke();
    const latest = points.length ? pick(points[points.length - 1]) : null;
    const li = document.createElement("li");
    li.style.setProperty("--color", color);
    li.dataset.group = group;
    li.dataset.latest = latest === null ? "" : String(latest);
    li.textContent = group + ": " + (latest === null ? "–" : format(latest));
    items.push(li);
  });
  legend.replaceChildren(...items);
  canvas.dataset.max = String(max);
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

async function refresh() {
  try {
    const [groups, history, alerts] = await Promise.all([getJson("api/groups"), getJson("api/history"), getJson("api/alerts")]);
    const badge = document.getElementById("freshness");
    badge.className = "badge " + (groups.fresh ? "fresh" : "stale");
    badge.textContent = (groups.fresh ? "live" : "STALE: " + text(groups.health.lastError)) + " · " + new Date(groups.time).toLocaleTimeString();

    fill("groups", groups.groups.map(g => {
      const row = document.createElement("tr");
      row.dataset.group = g.group;
      cell(row, g.group);
      const status = cell(row, g.status);
      status.innerHTML = "";
      const span = document.createElement("span");
      span.className = "badge status-" + g.status;
      span.textContent = g.status + (g.complete ? "" : "?");
      status.appendChild(span);
      cell(row, g.state);
      cell(row, g.members, true);
      cell(row, g.lagSum, true);
      cell(row, g.lagMax, true);
      cell(row, duration(g.timeLagSecondsMax), true);
      cell(row, g.growthPerSecond.toFixed(1), true);
      cell(row, g.drainSeconds === null ? (g.lagSum > 0 ? "not draining" : "–") : duration(g.drainSeconds), true);
      const notes = [];
      if (g.dataLoss) notes.push("DATA LOSS");
      if (g.noCommitPartitions > 0) notes.push(g.noCommitPartitions + " partition(s) without commit");
      cell(row, notes.join("; "));
      return row;
    }));

    const firing = alerts.alerts.filter(a => a.state === "firing");
    document.getElementById("no-alerts").hidden = firing.length > 0;
    fill("alerts", firing.map(a => {
      const row = document.createElement("tr");
      cell(row, a.name);
      cell(row, text(a.labels.severity));
      cell(row, text(a.annotations.summary));
      cell(row, new Date(a.firedAt).toLocaleTimeString());
      return row;
    }));

    const details = await Promise.all(groups.groups.map(g => getJson("api/groups/" + encodeURIComponent(g.group)).catch(() => null)));
    fill("members", details.filter(d => d !== null).flatMap(d => d.group.members.map(m => {
      const row = document.createElement("tr");
      cell(row, d.group.group);
      cell(row, m.clientId);
      cell(row, m.host);
      cell(row, m.assignment.join(", "));
      return row;
    })));

    drawChart("lag-chart", "lag-legend", history.groups, p => p.lagSum, v => Math.round(v).toLocaleString("en"));
    drawChart("time-chart", "time-legend", history.groups, p => p.timeLagSecondsMax, v => duration(v));
  } catch (error) {
    const badge = document.getElementById("freshness");
    badge.className = "badge stale";
    badge.textContent = "monitor unreachable";
  }
}

refresh();
setInterval(refresh, refreshMs);
