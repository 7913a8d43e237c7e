#!/usr/bin/env node
// Helpers for scripts/bench-peer (Node.js, no dependencies):
//   sink    --port-file F             the HTTP sink: records every POSTed body (GET /stats, POST /dump?file=, POST /reset)
//   probe   --url U --t0 NS [--sink S] start → first 2xx of POST U, then → first delivery at the sink (ms, JSON)
//   paced   --url U --rate R --seconds N --base B --ok-file F   an open-loop generator: latency from the intended send time
//   verify  --dump F --base B (--wrk STATS | --paced OKFILE)    checks the sink's bodies against the orders sent
//   freeport                          prints a free loopback port
// The orders are the ones orders.lua generates: see order() below.
"use strict";
const http = require("http");
const fs = require("fs");
const net = require("net");

function args() {
    const a = {};
    for (let i = 3; i < process.argv.length; i += 2) a[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
    return a;
}

/** The order with this id, as orders.lua sends it; ids divisible by 5 are below 100 (filtered). */
function order(id) {
    const filtered = id % 5 === 0;
    const amount = filtered ? (id % 90) + 0.5 : 100 + (id % 900) + 0.25;
    return { id, amount, customer: "Zoë Ω-" + (id % 1000), filtered };
}
function orderBody(id) {
    const o = order(id);
    return JSON.stringify({ id: o.id, amount: o.amount, customer: o.customer });
}
/** What the flow delivers for a non-filtered order. */
function mapped(id) {
    const o = order(id);
    return { orderId: o.id, total: o.amount, customer: o.customer };
}

function sink(a) {
    let bodies = [];
    let first = 0, last = 0;
    const server = http.createServer((req, res) => {
        if (req.method === "POST" && req.url === "/sink") {
            const chunks = [];
            req.on("data", (c) => chunks.push(c));
            req.on("end", () => {
                bodies.push(Buffer.concat(chunks).toString("utf8"));
                last = Date.now();
                if (!first) first = last;
                res.writeHead(200, { "Content-Length": "0" });
                res.end();
            });
            return;
        }
        if (req.url === "/stats") {
            res.writeHead(200, { "Content-Type": "application/json" });
            res.end(JSON.stringify({ count: bodies.length, first, last, now: Date.now() }));
            return;
        }
        if (req.method === "POST" && req.url.startsWith("/dump?file=")) {
            const file = decodeURIComponent(req.url.slice("/dump?file=".length));
            fs.writeFileSync(file, bodies.map((b) => JSON.stringify(b)).join("\n") + (bodies.length ? "\n" : ""));
            res.writeHead(200);
            res.end(String(bodies.length));
            return;
        }
        if (req.method === "POST" && req.url === "/reset") {
            bodies = [];
            first = last = 0;
            res.writeHead(200);
            res.end("ok");
            return;
        }
        res.writeHead(404);
        res.end();
    });
    server.keepAliveTimeout = 120000;
    server.headersTimeout = 125000;
    server.listen(0, "127.0.0.1", () => fs.writeFileSync(a["port-file"], String(server.address().port)));
}

function post(url, body, agent) {
    return new Promise((resolve) => {
        const req = http.request(url, {
            method: "POST", agent,
            headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode));
        });
        req.on("error", () => resolve(0));
        req.end(body);
    });
}
function get(url) {
    return new Promise((resolve) => {
        http.get(url, (res) => {
            let s = "";
            res.on("data", (c) => (s += c));
            res.on("end", () => resolve(s));
        }).on("error", () => resolve(null));
    });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowNs = () => BigInt(Date.now()) * 1000000n; // wall clock, comparable to `date +%s%N`

async function probe(a) {
    const t0 = BigInt(a.t0);
    const id = Number(a.id || 1);
    const limit = Date.now() + Number(a.timeout || 120) * 1000;
    let ready = null;
    while (Date.now() < limit) {
        const status = await post(a.url, orderBody(id), false);
        if (status >= 200 && status < 300) {
            ready = Number(nowNs() - t0) / 1e6;
            break;
        }
        await sleep(5);
    }
    if (ready === null) {
        console.log(JSON.stringify({ error: "no 2xx within the timeout" }));
        process.exit(1);
    }
    let delivered = null;
    while (a.sink && Date.now() < limit) {
        const s = await get(a.sink + "/stats");
        if (s && JSON.parse(s).count > 0) {
            delivered = Number(nowNs() - t0) / 1e6;
            break;
        }
        await sleep(5);
    }
    console.log(JSON.stringify({ ready_ms: Math.round(ready), first_delivery_ms: delivered === null ? null : Math.round(delivered) }));
}

function percentile(sorted, p) {
    if (!sorted.length) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function paced(a) {
    const rate = Number(a.rate), seconds = Number(a.seconds), base = Number(a.base);
    const total = Math.round(rate * seconds);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const latencies = [];
    const okIds = [];
    let errors = 0, non2xx = 0, pending = 0, sent = 0;
    const start = performance.now() + 50;
    await new Promise((finish) => {
        const tick = () => {
            const now = performance.now();
            while (sent < total && start + (sent * 1000) / rate <= now) {
                const id = base + sent;
                const intended = start + (sent * 1000) / rate;
                sent++;
                pending++;
                post(a.url, orderBody(id), agent).then((status) => {
                    latencies.push(performance.now() - intended);
                    if (status >= 200 && status < 300) okIds.push(id);
                    else if (status === 0) errors++;
                    else non2xx++;
                    if (--pending === 0 && sent === total) finish();
                });
            }
            if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / rate - performance.now()));
        };
        tick();
    });
    agent.destroy();
    fs.writeFileSync(a["ok-file"], okIds.join("\n") + "\n");
    latencies.sort((x, y) => x - y);
    const r = (x) => Math.round(x * 100) / 100;
    console.log(JSON.stringify({
        sent, ok: okIds.length, non2xx, errors,
        p50_ms: r(percentile(latencies, 50)), p90_ms: r(percentile(latencies, 90)),
        p99_ms: r(percentile(latencies, 99)), max_ms: r(latencies[latencies.length - 1]),
    }));
}

/**
 * Every body at the sink must be exactly the mapped form of an order that was sent (same JSON,
 * and byte for byte JSON.stringify of it — reported apart), none twice, none of a filtered order;
 * and every non-filtered order that was answered 2xx must be there. With wrk the ids answered are
 * not known one by one: ids missing from the sink must then be at most the requests wrk left
 * unanswered (still in flight when it stopped, timed out, or answered non-2xx).
 */
function verify(a) {
    const base = Number(a.base);
    const lines = fs.readFileSync(a.dump, "utf8").split("\n").filter((l) => l.length);
    const seen = new Set();
    let duplicates = 0, leaked = 0, wrong = 0, unknown = 0, bytesDiffer = 0;
    const examples = [];
    const sentRanges = []; // [from, to) of ids sent
    let unanswered = 0, ok2xx = 0;
    let okSet = null;
    if (a.wrk) {
        for (const l of fs.readFileSync(a.wrk, "utf8").split("\n")) {
            const f = l.split(" ");
            if (f[0] === "thread") {
                const tid = Number(f[1]), n = Number(f[2]), ok = Number(f[3]), bad = Number(f[4]);
                sentRanges.push([base + tid * 1e7, base + tid * 1e7 + n]);
                unanswered += n - ok;
                ok2xx += ok;
            }
        }
    } else {
        okSet = new Set(fs.readFileSync(a.paced, "utf8").split("\n").filter((l) => l).map(Number));
        const n = Number(a.sent);
        sentRanges.push([base, base + n]);
        ok2xx = okSet.size;
        unanswered = n - okSet.size;
    }
    const wasSent = (id) => sentRanges.some(([f, t]) => id >= f && id < t);
    for (const raw of lines) {
        const body = JSON.parse(raw);
        let v;
        try {
            v = JSON.parse(body);
        } catch (e) {
            wrong++;
            if (examples.length < 3) examples.push("not JSON: " + body.slice(0, 120));
            continue;
        }
        const id = v && v.orderId;
        if (typeof id !== "number" || !wasSent(id)) {
            unknown++;
            if (examples.length < 3) examples.push("not an order sent: " + body.slice(0, 120));
            continue;
        }
        if (seen.has(id)) {
            duplicates++;
            continue;
        }
        seen.add(id);
        if (order(id).filtered) {
            leaked++;
            continue;
        }
        const expected = mapped(id);
        const same = Object.keys(v).length === 3 && v.orderId === expected.orderId && v.total === expected.total
            && v.customer === expected.customer && JSON.stringify(Object.keys(v)) === JSON.stringify(Object.keys(expected));
        if (!same) {
            wrong++;
            if (examples.length < 3) examples.push("wrong body for " + id + ": " + body.slice(0, 120));
        } else if (body !== JSON.stringify(expected)) {
            bytesDiffer++;
            if (examples.length < 1) examples.push("same JSON, other bytes: " + body.slice(0, 120));
        }
    }
    let expectedDelivered = 0, missing = 0, missingAnswered = 0;
    for (const [f, t] of sentRanges) {
        for (let id = f; id < t; id++) {
            if (order(id).filtered) continue;
            expectedDelivered++;
            if (!seen.has(id)) {
                missing++;
                if (okSet && okSet.has(id)) missingAnswered++;
            }
        }
    }
    const completeOk = okSet ? missingAnswered === 0 : missing <= unanswered;
    const pass = duplicates === 0 && leaked === 0 && wrong === 0 && unknown === 0 && completeOk;
    console.log(JSON.stringify({
        pass, delivered: lines.length, distinct: seen.size, sent_non_filtered: expectedDelivered, acknowledged_2xx: ok2xx,
        unanswered, missing, missing_acknowledged: okSet ? missingAnswered : undefined,
        duplicates, leaked_filtered: leaked, wrong_body: wrong, unknown_id: unknown, same_json_other_bytes: bytesDiffer,
        examples,
    }));
    if (!pass) process.exitCode = 3;
}

function freeport() {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
        console.log(s.address().port);
        s.close();
    });
}

const commands = { sink, probe, paced, verify, freeport };
const cmd = commands[process.argv[2]];
if (!cmd) {
    console.error("usage: tools.js sink|probe|paced|verify|freeport …");
    process.exit(2);
}
Promise.resolve(cmd(args())).catch((e) => {
    console.error(e);
    process.exit(1);
});
