#!/usr/bin/env node
// Prints scripts/bench-peer's results table: Node-RED, Switchboard, the ratio and the goals of issue 15.
"use strict";
const fs = require("fs");
const r = {};
for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
    const i = line.indexOf(" ");
    if (i > 0) r[line.slice(0, i)] = line.slice(i + 1);
}
function median(xs) {
    const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}
const runs = (t, k) => Object.keys(r).filter((x) => new RegExp("^" + t + "_run[0-9]+_" + k + "$").test(x)).map((x) => Number(r[x]));
const one = (t, k) => Number(r[t + "_" + k]);
if (process.argv[3] === "ingest") {
    const variants = [...new Set(Object.keys(r).map((k) => (k.match(/^ingest-([a-z]+)_/) || [])[1]).filter(Boolean))];
    const f = (v, d) => (Number.isNaN(v) ? "–" : v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
    console.log("");
    console.log("| store writes | 2xx events/s (median) | runs | CPU per event (ms) | disk per event (KiB) | wrk p50 (ms) | wrk p99 (ms) | non-2xx + errors | peak RSS (MiB) | store after (MiB) | goal ≥ 20,000/s |");
    console.log("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for (const v of variants) {
        const t = "ingest-" + v;
        const eps = median(runs(t, "events_per_s"));
        console.log(`| ${v === "sync" ? "synchronous (chattr +S)" : "as shipped (WRITE_DELAY=0, no fsync)"} | ${f(eps, 0)} | ${runs(t, "events_per_s").map((x) => f(x, 0)).join(" · ")} | ${f(median(runs(t, "cpu_ms_per_event")), 3)} | ${f(median(runs(t, "disk_kib_per_event")), 1)} | ${f(median(runs(t, "wrk_p50_ms")), 1)} | ${f(median(runs(t, "wrk_p99_ms")), 1)} | ${runs(t, "non2xx").reduce((a, b) => a + b, 0) + runs(t, "errors").reduce((a, b) => a + b, 0)} | ${f(Number(r[t + "_rss_peak_kib"]) / 1024, 0)} | ${f(Number(r[t + "_store_mib"]), 0)} | ${eps >= 20000 ? "met" : "not met"} |`);
    }
    process.exit(0);
}
const metric = {
    "sink deliveries/s (median)": { f: (t) => median(runs(t, "deliveries_per_s")), d: 0, goal: "≥ 3×", better: "hi" },
    "  2xx acknowledgements/s": { f: (t) => median(runs(t, "acks_per_s")), d: 0 },
    "  deliveries/s in the warm-up (cold)": { f: (t) => one(t, "warmup_dps"), d: 0 },
    "  delivery lag after the load (ms)": { f: (t) => median(runs(t, "drain_lag_ms")), d: 0 },
    "  wrk p99 under saturation (ms)": { f: (t) => median(runs(t, "wrk_p99_ms")), d: 1 },
    "CPU per delivery (ms)": { f: (t) => median(runs(t, "cpu_ms_per_delivery")), d: 3, goal: "≤ 0.5×", better: "lo" },
    "  process CPU (% of one core)": { f: (t) => median(runs(t, "cpu_pct")), d: 0 },
    "  sink CPU (% of one core)": { f: (t) => median(runs(t, "sink_cpu_pct")), d: 0 },
    "disk written per delivery (KiB)": { f: (t) => median(runs(t, "disk_kib_per_delivery")), d: 1 },
    "store folder after the runs (MiB)": { f: (t) => one(t, "store_mib"), d: 0 },
    [`p50 at a paced rate (ms)`]: { f: (t) => one(t, "paced_p50_ms"), d: 2 },
    [`p99 at a paced rate (ms)`]: { f: (t) => one(t, "paced_p99_ms"), d: 2, goal: "≤ 10 ms", abs: (v) => v <= 10 },
    "RSS idle (MiB)": { f: (t) => one(t, "rss_idle_kib") / 1024, d: 0 },
    "RSS peak under load (MiB)": { f: (t) => one(t, "rss_peak_kib") / 1024, d: 0, goal: "≤ 400 MiB", abs: (v) => v <= 400 },
    "start → first 2xx (ms)": { f: (t) => one(t, "start_ms"), d: 0, goal: "≤ 1500 ms", abs: (v) => v <= 1500 },
    "start → first delivery (ms)": { f: (t) => one(t, "first_delivery_ms"), d: 0 },
};
const fmt = (v, d) => (Number.isNaN(v) ? "–" : v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const rows = [["metric", "Node-RED", "Switchboard", "SB / NR", "goal", "met"]];
for (const [name, m] of Object.entries(metric)) {
    const nr = m.f("node-red"), sb = m.f("switchboard");
    const ratio = nr && sb ? sb / nr : NaN;
    let met = "";
    if (m.better === "hi" && !Number.isNaN(ratio)) met = ratio >= 3 ? "yes" : "no";
    if (m.better === "lo" && !Number.isNaN(ratio)) met = ratio <= 0.5 ? "yes" : "no";
    if (m.abs && !Number.isNaN(sb)) met = m.abs(sb) ? "yes" : "no";
    rows.push([name, fmt(nr, m.d), fmt(sb, m.d), Number.isNaN(ratio) ? "–" : ratio.toFixed(2) + "×", m.goal || "", met]);
}
const checks = Object.keys(r).filter((k) => k.includes("_check_") && !k.endsWith("_failed"));
const failed = Object.keys(r).filter((k) => k.endsWith("_check_failed")).map((k) => k + " " + r[k]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log("");
rows.forEach((row, j) => {
    console.log("| " + row.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |");
    if (j === 0) console.log("|" + widths.map((w, i) => (i === 0 || i >= 4 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
});
console.log("");
console.log("sink checks (delivered/duplicates/leaked/missing/pass): " + checks.map((k) => k + "=" + r[k]).join(" "));
if (failed.length) console.log("FAILED: " + failed.join(", "));
