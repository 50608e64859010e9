"""The Markdown report of a comparison: times, ratios, memory, roast's in-VM measurements, failures."""

from measurements import geomean, median, merged_percentiles

# The ratio summaries leave out start-up-only programs: their ratio says nothing of the tiers.
NOT_IN_MEANS = {"hello"}


def speedup(cells, prog, other, roast):
    """How many times faster roast is than `other` on prog (>1: roast is faster), or None."""
    a, b = cells[prog][other].median(), cells[prog][roast].median()
    return a / b if a and b else None


def fastest_anchor(cells, prog, anchors):
    best = None
    for impl in anchors:
        t = cells[prog][impl.name].median()
        if t and (best is None or t < best[1]):
            best = (impl.name, t)
    return best


def markdown(machine, impls, programs, cells, options):
    roasts = [i for i in impls if i.kind == "roast" and i.available]
    anchors = [i for i in impls if i.kind == "anchor" and i.available]
    shown = roasts + anchors
    out = []
    w = out.append
    w(f"# Roast side by side — {machine['date']}")
    w("")
    w(f"Commit `{machine['commit']}` on {machine['cpu']}, {machine['cores']} cores, {machine['kernel']}, "
      f"JDK {machine['jdk']}. Each cell: median wall time of {options.runs} runs in seconds "
      f"(min–max), whole process, runs interleaved program by program"
      f"{'' if options.warmup == 0 else ' after one warm-up run each'}; every run's stdout checked "
      f"against `expected/`. Made by `bench/compare{options.argv}`.")
    w("")
    w("| implementation | version |")
    w("|---|---|")
    for i in impls:
        version = i.version or ""
        if not i.available:
            version = f"not run: {i.note}"
        w(f"| {i.name} | {version} |")
    w("")
    w("## Times")
    w("")
    header = ["program"] + [i.name for i in shown]
    for r in roasts:
        header += [f"CPython ÷ {r.name}", f"fastest ÷ {r.name}"]
    w("| " + " | ".join(header) + " |")
    w("|---|" + "---:|" * (len(header) - 1))
    for prog in programs:
        row = [prog]
        for i in shown:
            row.append(_time_cell(cells[prog][i.name]))
        for r in roasts:
            s = speedup(cells, prog, "python3", r.name) if _has(cells, prog, "python3") else None
            row.append(_ratio(s))
            best = fastest_anchor(cells, prog, anchors)
            t = cells[prog][r.name].median()
            row.append(f"{_ratio(best[1] / t)} ({best[0]})" if best and t else "–")
        w("| " + " | ".join(row) + " |")
    w("")
    w("A ratio above 1× means Roast is that many times faster; below 1×, slower. "
      "*fastest* is the fastest anchor on that program.")
    w("")
    w("## Ratios at a glance")
    w("")
    w(f"Geometric means over the programs both ran (without {', '.join(sorted(NOT_IN_MEANS))}); "
      "above 1× Roast is faster.")
    w("")
    w("| Roast configuration | " + " | ".join(f"vs {a.name}" for a in anchors) + " |")
    w("|---|" + "---:|" * len(anchors))
    for r in roasts:
        row = [r.name]
        for a in anchors:
            rs = [speedup(cells, p, a.name, r.name) for p in programs if p not in NOT_IN_MEANS]
            rs = [x for x in rs if x]
            g = geomean(rs)
            row.append(f"{_ratio(g)} ({len(rs)})" if g else "–")
        w("| " + " | ".join(row) + " |")
    w("")
    w("(n): how many programs the mean is over.")
    w("")
    w("## Peak memory (RSS, MiB, median)")
    w("")
    w("| program | " + " | ".join(i.name for i in shown) + " |")
    w("|---|" + "---:|" * len(shown))
    for prog in programs:
        row = [prog]
        for i in shown:
            m = cells[prog][i.name].peak_rss_mb()
            row.append(f"{m:.0f}" if m is not None else "–")
        w("| " + " | ".join(row) + " |")
    with_stats = [r for r in roasts if r.stats]
    if with_stats:
        w("")
        w("## Inside the VM (`roast vm --stats`)")
        w("")
        w("Medians over the measured runs, except the GC pause columns: percentiles of all pauses of all runs. "
          "First output counts from process start; compile is roast's own compilers (frontend to bytecode, "
          "and the JIT tiers once they exist).")
        w("")
        w("| program | configuration | first output ms | compile ms | GCs | GC pause p50 µs | p90 | p99 | max |")
        w("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for prog in programs:
            for r in with_stats:
                docs = cells[prog][r.name].stats
                if not docs:
                    continue
                first = [d.get("first_output_ms") for d in docs if d.get("first_output_ms") is not None]
                comp = [d.get("compile_ms") for d in docs if d.get("compile_ms") is not None]
                gcs = [d.get("gc", {}).get("collections", 0) for d in docs]
                pauses = merged_percentiles([d.get("gc", {}).get("pause_us") for d in docs])
                cols = [prog, r.name, _num(median(first)) if first else "–", _num(median(comp)) if comp else "–",
                        f"{median(gcs):.0f}"]
                cols += [str(pauses[k]) for k in (50, 90, 99, "max")] if pauses else ["–"] * 4
                w("| " + " | ".join(cols) + " |")
        tiers = sorted({t for prog in programs for r in with_stats for d in cells[prog][r.name].stats
                        for t in d.get("compile", {})})
        if tiers:
            w("")
            w("Per-function compile times by tier (µs, all runs):")
            w("")
            w("| program | configuration | tier | functions | p50 | p90 | p99 | max | p50 µs per 100 instructions |")
            w("|---|---|---|---:|---:|---:|---:|---:|---:|")
            per100_all = {}
            for prog in programs:
                for r in with_stats:
                    docs = cells[prog][r.name].stats
                    for t in tiers:
                        pc = merged_percentiles([d.get("compile", {}).get(t, {}).get("us") for d in docs])
                        per100 = [d.get("compile", {}).get(t, {}).get("us_per_100_instructions") for d in docs]
                        if any(per100):
                            per100_all.setdefault((r.name, t), []).extend(per100)
                        p100 = merged_percentiles(per100)
                        if pc:
                            w(f"| {prog} | {r.name} | {t} | {pc['count'] / max(1, len(docs)):.0f} | "
                              f"{pc[50]} | {pc[90]} | {pc[99]} | {pc['max']} | {p100[50] if p100 else '–'} |")
            for (name, t), lists in sorted(per100_all.items()):
                pc = merged_percentiles(lists)
                w("")
                w(f"{name}, {t} tier, every compile of every program and run: p50 **{pc[50]} µs per 100 "
                  f"bytecode instructions** (p90 {pc[90]}, max {pc['max']}; {pc['count']} compiles).")
    failures = [(p, i.name, cells[p][i.name].failure) for p in programs for i in shown if cells[p][i.name].failure]
    w("")
    w("## Failures")
    w("")
    if failures:
        for p, name, why in failures:
            w(f"- **{p}** under {name}: {why}")
    else:
        w("None: every run printed exactly the expected output.")
    w("")
    return "\n".join(out)


def _has(cells, prog, name):
    return name in cells[prog]


def _time_cell(c):
    if c.failure:
        return "**FAILED**"
    m = c.median()
    if m is None:
        return "–"
    lo, hi = c.spread()
    return f"{m:.3f} ({lo:.2f}–{hi:.2f})" if len(c.times) > 1 else f"{m:.3f}"


def _ratio(x):
    if x is None:
        return "–"
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×"


def _num(x):
    return f"{x:.1f}" if isinstance(x, float) else str(x)
