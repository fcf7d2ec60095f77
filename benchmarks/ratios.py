#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of the flex-media suite into the README's ratio table.

usage: python3 benchmarks/ratios.py benchmarks/results/latest.json [--machine "..."] [--date YYYY-MM-DD]

Every ratio divides two scores measured in the same run, so machine noise that hits both cancels.
"""
import argparse
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    by_name = {}
    for r in runs:
        name = r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params") or {}
        key = name + "".join(f"[{k}={v}]" for k, v in sorted(params.items()))
        alloc = (r.get("secondaryMetrics") or {}).get("·gc.alloc.rate.norm") or \
            (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        by_name[key] = {
            "aux": {k: v["score"] for k, v in (r.get("secondaryMetrics") or {}).items()},
            "score": r["primaryMetric"]["score"],
            "error": r["primaryMetric"].get("scoreError"),
            "unit": r["primaryMetric"]["scoreUnit"],
            "alloc": alloc["score"] if alloc else None,
            "params": params,
            "name": name,
        }
    return by_name


def fmt(x, digits=2):
    return "n/a" if x is None else f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("result")
    ap.add_argument("--machine", default="")
    ap.add_argument("--date", default="")
    a = ap.parse_args()
    b = load(a.result)

    rows = []

    def ratio(what, lib, base, target, base_label):
        if lib not in b or base not in b:
            return
        r = b[lib]["score"] / b[base]["score"]
        rows.append((what, f"{fmt(b[lib]['score'], 0)} {b[lib]['unit']}",
                     f"{base_label}: {fmt(b[base]['score'], 0)}", f"{r:.2f}×",
                     f"≤ {target}×", "met" if r <= target else "NOT met"))

    ratio("serialize (3 links)", "serializeLibrary", "serializeMapBaseline", 1.0, "Map baseline")
    ratio("serialize (3 links)", "serializeLibrary", "serializeStreamingFloor", 1.5, "streaming floor")
    ratio("merge into 3.5 KB, APPEND", "mergeLibrary", "mergeTreeBaseline", 1.1, "tree baseline")
    ratio("parse 3.5 KB", "parseLibrary", "parseTreeWalkBaseline", 1.0, "tree-walk baseline")
    if "serializeLibrary" in b and "serializeMapBaseline" in b and b["serializeLibrary"]["alloc"]:
        lib, base = b["serializeLibrary"]["alloc"], b["serializeMapBaseline"]["alloc"]
        rows.append(("allocation per serialize", f"{fmt(lib, 0)} B/op", f"Map baseline: {fmt(base, 0)} B/op",
                     f"{lib / base:.2f}×", "≤ 1.0×", "met" if lib <= base else "NOT met"))
    if "attachInMemory" in b:
        at = b["attachInMemory"]
        rows.append(("attach end to end, in memory", f"{fmt(at['score'], 0)} {at['unit']}",
                     f"{fmt(at['alloc'], 0)} B/op allocated", "", "(reported)", ""))
    for key, v in sorted(b.items(), key=lambda kv: int(kv[1]["params"].get("concurrency", 0))):
        if v["name"] != "bulkAttach":
            continue
        c = int(v["params"]["concurrency"])
        tasks = int(v["params"]["tasks"])
        latency_s = int(v["params"]["latencyMillis"]) / 1000.0
        seconds = v["score"] / 1000.0 if v["unit"] == "ms/op" else v["score"]
        throughput = tasks / seconds
        ideal = c / (2 * latency_s)
        frac = throughput / ideal
        target = 0.8 if c == 16 else None
        rows.append((f"bulk attach {tasks} tasks, concurrency {c}", f"{throughput:.0f} tasks/s",
                     f"ideal {ideal:.0f} tasks/s", f"{frac:.0%} of ideal",
                     "≥ 80 %" if target else "(reported)",
                     ("met" if frac >= target else "NOT met") if target else ""))

    coalesced = {v["params"].get("coalescing"): v for v in b.values() if v["name"] == "burst"}
    if "true" in coalesced and "false" in coalesced:
        on, off = coalesced["true"], coalesced["false"]
        per_link = lambda v: v["aux"]["requests"] / v["aux"]["links"]
        rows.append(("16 threads × 3 links, one task, HTTP 20 ms: requests per link",
                     f"{per_link(on):.2f} (coalescing on)", f"coalescing off: {per_link(off):.2f}",
                     f"{per_link(on) / per_link(off):.2f}×", "≤ 0.3 per link",
                     "met" if per_link(on) <= 0.3 else "NOT met"))
        rows.append(("16 threads × 3 links, one task, HTTP 20 ms: wall time per burst",
                     f"{fmt(on['score'], 0)} {on['unit']} (coalescing on)",
                     f"coalescing off: {fmt(off['score'], 0)}", f"{on['score'] / off['score']:.2f}×",
                     "(reported)", ""))
    order = {"fixed-4": 0, "fixed-16": 1, "fixed-64": 2, "adaptive": 3}

    def limited_runs(name, label, target_share, target_429, target_text, fairness):
        """Rows for the runs against the rate-limited emulator: one instance or the fleet."""
        runs = [v for v in b.values() if v["name"] == name and "mode" in v["params"]]
        for v in sorted(runs, key=lambda v: order.get(v["params"]["mode"], 9)):
            p = v["params"]
            seconds = v["score"] / 1000.0 if v["unit"] == "ms/op" else v["score"]
            admitted, refused = v["aux"]["admitted"], v["aux"]["limited"]
            share = admitted / seconds / float(p["limit"])
            refused_share = refused / (admitted + refused)
            failed = int(v["aux"].get("failedTasks", 0))
            measured = f"{share:.1%} of limit, {refused_share:.2%} answered 429"
            against = f"{seconds:.0f} s, {failed} tasks failed"
            ok = share >= target_share and refused_share <= target_429 and failed == 0
            if fairness:
                xs = [v["aux"].get(f"tasks{i}", 0.0) for i in range(4)]
                jain = sum(xs) ** 2 / (len(xs) * sum(x * x for x in xs)) if any(xs) else 0.0
                shares = " / ".join(f"{x / sum(xs):.1%}" for x in xs) if any(xs) else "n/a"
                measured += f", Jain {jain:.3f}"
                against += f", shares {shares}"
                ok = ok and jain >= 0.95
            adaptive = p["mode"] == "adaptive"
            rows.append((f"{label}, {p['tasks']} tasks at {p['limit']} req/s (burst {p['burst']}), {p['mode']}",
                         measured, against, "", target_text if adaptive else "(baseline)",
                         ("met" if ok else "NOT met") if adaptive else ""))

    limited_runs("attachAll", "one instance", 0.95, 0.01, "≥ 95 % of limit, ≤ 1 % 429, 0 failed", False)
    limited_runs("fleet", "4-instance fleet", 0.90, 0.02,
                 "≥ 90 % of limit, ≤ 2 % 429, Jain ≥ 0.95, 0 failed", True)

    print(f"Measured {a.date} on {a.machine}".strip())
    print()
    print("| measure | flex-media | against | ratio | target | |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
