"""The comparison as an SVG chart: per program a group of horizontal bars, one colour per implementation,
on a log time axis, each bar labelled with its time, so the chart reads without the table."""

import math
from xml.sax.saxutils import escape

LABEL_W = 120      # program names
PLOT_W = 640
RIGHT_W = 70       # room for the last bar's label
BAR_H = 10
BAR_GAP = 2
GROUP_GAP = 14
TOP = 86           # title and legend


def svg(machine, impls, programs, cells):
    shown = [i for i in impls if i.available]
    times = [cells[p][i.name].median() for p in programs for i in shown]
    times = [t for t in times if t]
    if not times:
        return _document(200, ['<text x="10" y="40">no results</text>'])
    lo = 10 ** math.floor(math.log10(min(times)))
    hi = 10 ** math.ceil(math.log10(max(times)))
    if hi <= lo:
        hi = lo * 10

    def x(t):
        return LABEL_W + PLOT_W * (math.log10(t) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    parts = []
    parts.append('<text x="10" y="20" class="title">Whole-process wall time, seconds (median, log scale): '
                 'shorter is faster</text>')
    parts.append(f'<text x="10" y="36" class="small">commit {escape(machine["commit"])}, {escape(machine["date"])}; '
                 f'{escape(machine["cpu"])}, {machine["cores"]} cores; every run\'s output checked</text>')
    lx, ly = 10, 54
    for i in shown:
        label = escape(i.name)
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="12" height="10" fill="{i.colour}"/>')
        parts.append(f'<text x="{lx + 16}" y="{ly}" class="small">{label}</text>')
        lx += 24 + 7 * len(i.name)
        if lx > LABEL_W + PLOT_W - 60:
            lx, ly = 10, ly + 16
    top = max(TOP, ly + 20)
    # A program's group holds the implementations that ran it (anchors exist for some programs only).
    ran = {p: [i for i in shown if cells[p][i.name].failure or cells[p][i.name].median()] for p in programs}
    height = top + sum(len(ran[p]) * (BAR_H + BAR_GAP) + GROUP_GAP for p in programs) + 30
    decade = lo
    while decade <= hi * 1.0001:
        for m in (1, 2, 5):
            t = decade * m
            if t > hi * 1.0001:
                break
            cls = "grid" if m == 1 else "grid minor"
            parts.append(f'<line x1="{x(t):.1f}" y1="{top - 6}" x2="{x(t):.1f}" y2="{height - 24}" class="{cls}"/>')
            if m == 1:
                parts.append(f'<text x="{x(t):.1f}" y="{height - 10}" class="axis">{_seconds(t)}</text>')
        decade *= 10
    y = top
    for p in programs:
        group_h = len(ran[p]) * (BAR_H + BAR_GAP)
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + group_h / 2 + 4:.1f}" class="prog">{escape(p)}</text>')
        for i in ran[p]:
            c = cells[p][i.name]
            t = c.median()
            if c.failure:
                parts.append(f'<text x="{LABEL_W + 4}" y="{y + BAR_H - 1}" class="fail">{escape(i.name)}: failed</text>')
            elif t:
                parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{max(1.0, x(t) - LABEL_W):.1f}" height="{BAR_H}" '
                             f'fill="{i.colour}"><title>{escape(i.name)} {p}: {t:.3f} s</title></rect>')
                parts.append(f'<text x="{x(t) + 3:.1f}" y="{y + BAR_H - 1}" class="val">{t:.3g}</text>')
            y += BAR_H + BAR_GAP
        y += GROUP_GAP
    return _document(height, parts)


def _seconds(t):
    return f"{t:g} s"


def _document(height, parts):
    width = LABEL_W + PLOT_W + RIGHT_W
    style = ("<style>text{font-family:sans-serif;fill:#222}.title{font-size:13px;font-weight:bold}"
             ".small{font-size:11px}.axis{font-size:10px;text-anchor:middle}.prog{font-size:12px;text-anchor:end}"
             ".val{font-size:9px}.fail{font-size:9px;fill:#c00}.grid{stroke:#bbb;stroke-width:1}"
             ".minor{stroke:#e4e4e4}</style>")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{style}<rect width="100%" height="100%" fill="white"/>'
            + "".join(parts) + "</svg>\n")
