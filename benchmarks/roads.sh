#!/usr/bin/env bash
# Road model benchmark: apl times --osm on a generated network of about 1 million road segments
# and 35 000 points (benchmarks/roads/generate_grid_osm.py), within 30 minutes. Reports the wall
# time and the peak resident memory (GNU time) of: the graph's build (first run, --graph into a
# fresh folder), then RUNS runs loading the built graph. Run from the repository root after
# 'mvn -q -DskipTests package'. Usage: benchmarks/roads.sh [RUNS] [GRID_N] [POINTS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
n="${2:-708}"
npoints="${3:-35000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 benchmarks/roads/generate_grid_osm.py "$n" "$npoints" 1000 "$work/grid.osm" "$work/points.csv"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
echo "input: grid $n x $n crossings 1 km apart, $(du -h "$work/grid.osm" | cut -f1) of OSM XML, $npoints points, 30 minutes"
measure() {
  /usr/bin/time -f "%e s wall, %M KB peak RSS" ./apl times --points "$work/points.csv" --osm "$work/grid.osm" \
    --graph "$work/graph" -o "$work/times.aplm" --force 2> "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  grep -E "roads:|apl times:|wall" "$work/err.txt"
}
echo "== build and compute (first run)"
measure
for i in $(seq 1 "$runs"); do
  echo "== graph loaded, run $i"
  measure
done
