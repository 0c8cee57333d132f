#!/usr/bin/env python3
"""Writes a generated road network as OpenStreetMap XML, and points on it, for benchmarks/roads.sh.

A square grid of N x N crossings SPACING metres apart (about 2 N (N - 1) road segments: N = 708
gives 1 000 000), in the middle of France (lat 46, lon 2.5): every crossing row and column a
two-way secondary road (single carriageway, 65 km/h), every 10th a one-way pair of primaries
(dual carriageway, 90 km/h) drawn as one-way ways both ways, every 50th a motorway pair (120
km/h). Points: P seeded random positions inside the grid, off the roads by up to half a spacing
(so that they snap onto segments, not only crossings).

No real extract is available offline; this one only measures speed and memory, not accuracy.
"""
import math
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 708
npoints = int(sys.argv[2]) if len(sys.argv) > 2 else 35000
spacing = float(sys.argv[3]) if len(sys.argv) > 3 else 1000.0
osm_path = sys.argv[4] if len(sys.argv) > 4 else "grid.osm"
points_path = sys.argv[5] if len(sys.argv) > 5 else "grid-points.csv"

lat0, lon0 = 46.0, 2.5
dlat = spacing / 111_195.0
dlon = spacing / (111_195.0 * math.cos(math.radians(lat0)))


def node(r, c):
    return 1 + r * n + c


def kind(k):
    if k % 50 == 0:
        return "motorway"
    if k % 10 == 0:
        return "primary"
    return "secondary"


with open(osm_path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="apl-bench">\n')
    for r in range(n):
        lat = lat0 + r * dlat
        for c in range(n):
            f.write('<node id="%d" lat="%.7f" lon="%.7f"/>\n' % (node(r, c), lat, lon0 + c * dlon))
    way = 1

    def write_way(ids, highway, oneway):
        global way
        f.write('<way id="%d">' % way)
        way += 1
        for i in ids:
            f.write('<nd ref="%d"/>' % i)
        f.write('<tag k="highway" v="%s"/>' % highway)
        if oneway:
            f.write('<tag k="oneway" v="yes"/>')
        f.write("</way>\n")

    for k in range(n):
        for ids in ([node(k, c) for c in range(n)], [node(r, k) for r in range(n)]):
            h = kind(k)
            if h == "secondary":
                write_way(ids, h, False)
            else:
                # Both carriageways share the crossings: two one-way ways.
                write_way(ids, h, True)
                write_way(list(reversed(ids)), h, True)
    f.write("</osm>\n")

rng = random.Random(20261205)
with open(points_path, "w", encoding="utf-8") as f:
    f.write("commune,lat,lon\n")
    for i in range(npoints):
        r = rng.uniform(0, n - 1)
        c = rng.uniform(0, n - 1)
        f.write("G%06d,%.7f,%.7f\n" % (i, lat0 + r * dlat, lon0 + c * dlon))
