"""Summarises a bench/audience.sh run: RESULTS VIEWERS.

Prints each request type's count, errors and latency percentiles from Gatling's report (the
group "join" is the time from the redeem request to the first segment received), then each
member's resources over the run from resources.csv, and draws those as resources.svg.
"""

import csv
import glob
import re
import sys
from collections import defaultdict

results, viewers = sys.argv[1], int(sys.argv[2])


def request_rows(report):
    """(name, total, failed, p50, p95, p99, max) of each row of the report's statistics table."""
    html = open(report).read()
    names = {}
    for match in re.finditer(r'<tr id="([^"]+)"(?: data-parent="([^"]+)")?[^>]*>(.*?)</tr>', html, re.S):
        row, parent, body = match.groups()
        name = re.search(r'class="ellipsed-name">([^<]*)<', body)
        if not name:
            continue
        names[row] = name.group(1)
        if parent and parent != "ROOT":
            names[row] = f"{names.get(parent, parent)} / {names[row]}"
        values = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', body))
        yield (names[row], values["2"], values["4"], values["8"], values["9"], values["10"], values["12"])


reports = sorted(glob.glob(f"{results}/gatling/*/index.html"))
if reports:
    print(f"Requests (report: {reports[-1]}):")
    print(f"  {'request':38} {'count':>8} {'failed':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for row in request_rows(reports[-1]):
        print(f"  {row[0]:38} " + " ".join(f"{v:>{8 if i != 1 else 7}}" for i, v in enumerate(row[1:])))
else:
    print("No Gatling report found (the simulator did not finish).")

samples = defaultdict(list)
with open(f"{results}/resources.csv") as f:
    for row in csv.DictReader(f):
        samples[row["member"]].append({k: int(v) for k, v in row.items() if k != "member"})

print("Resources (every 10 s; old generation after a full GC at minute 2 and in the last minute):")
media_cores = 0.0
for member, points in samples.items():
    if not points:
        continue
    after_gc = [p["old_kib"] for p in points if p["after_full_gc"]]
    steady = [p for p in points if p["seconds"] >= 60]
    cpu = "-"
    if len(steady) >= 2:
        # CPU used per second of wall time; a restart in between starts the counter again.
        used = sum(max(0, b["cpu_seconds"] - a["cpu_seconds"]) for a, b in zip(steady, steady[1:]))
        cores = used / (steady[-1]["seconds"] - steady[0]["seconds"])
        cpu = f"{cores:.2f} cores"
        if member.startswith("media"):
            media_cores += cores
    threads = [p["threads"] for p in points]
    files = [p["open_files"] for p in points]
    gc = " -> ".join(f"{kib / 1024:.0f} MiB" for kib in after_gc if kib) or "-"
    drift = ""
    if len(after_gc) >= 2 and after_gc[0]:
        drift = f" ({(after_gc[-1] - after_gc[0]) * 100 / after_gc[0]:+.0f}%)"
    print(f"  {member:9} old gen after GC {gc}{drift}; threads {threads[0]} .. max {max(threads)} .. "
          f"{threads[-1]}; open files {files[0]} .. max {max(files)} .. {files[-1]}; "
          f"CPU after the first minute {cpu}")

if media_cores:
    print(f"  {viewers} viewers on {media_cores:.2f} media cores: {viewers / media_cores:.0f} viewers per media core")

# Three panels (heap, threads, open files) over time, one line per member.
colours = {"platform": "#1f77b4", "media-1": "#d62728", "media-2": "#2ca02c"}
panels = [("heap_kib", "heap in use (MiB)", 1024), ("threads", "threads", 1),
          ("open_files", "open files", 1)]
width, height, left, top = 900, 220, 70, 30
end = max((p["seconds"] for ps in samples.values() for p in ps), default=1) or 1
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
       f'height="{len(panels) * height + 40}" font-family="sans-serif" font-size="12">']
for i, (key, title, scale) in enumerate(panels):
    y0 = i * height + top
    high = max((p[key] / scale for ps in samples.values() for p in ps), default=1) * 1.1 or 1
    plot_w, plot_h = width - left - 20, height - 60
    svg.append(f'<text x="{left}" y="{y0 - 8}" font-weight="bold">{title}</text>')
    svg.append(f'<rect x="{left}" y="{y0}" width="{plot_w}" height="{plot_h}" fill="none" '
               f'stroke="#999"/>')
    svg.append(f'<text x="{left - 5}" y="{y0 + 10}" text-anchor="end">{high:.0f}</text>')
    svg.append(f'<text x="{left - 5}" y="{y0 + plot_h}" text-anchor="end">0</text>')
    svg.append(f'<text x="{left + plot_w}" y="{y0 + plot_h + 15}" text-anchor="end">{end} s</text>')
    for member, points in samples.items():
        line = " ".join(f"{left + p['seconds'] * plot_w / end:.1f},"
                        f"{y0 + plot_h - (p[key] / scale) * plot_h / high:.1f}" for p in points)
        svg.append(f'<polyline fill="none" stroke="{colours.get(member, "#000")}" '
                   f'stroke-width="1.5" points="{line}"/>')
legend_y = len(panels) * height + 20
for j, (member, colour) in enumerate(colours.items()):
    svg.append(f'<text x="{left + j * 120}" y="{legend_y}" fill="{colour}">{member}</text>')
svg.append("</svg>")
open(f"{results}/resources.svg", "w").write("\n".join(svg))
print(f"Resources over time: {results}/resources.svg; faults: {results}/faults.txt")
