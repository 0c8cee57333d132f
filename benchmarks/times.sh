#!/usr/bin/env bash
# Times `apl times` (crow-fly, 30 minutes) on the 34 954 communes of France, a few runs, and
# prints each wall time and the median. Reads the shared coordinates file, which the tests never
# need: FRANCE_POINTS=path overrides it. Run after `mvn -o -q install -DskipTests`.
#   benchmarks/times.sh [runs] [extra apl times options...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
points="${FRANCE_POINTS:-$here/../shared/data/geo/communes_centroids_cog_apl2023_france.csv}"
runs="${1:-5}"
shift || true
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for ext in aplm csv.gz; do
  walls=()
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s.%N)
    "$here/apl" times --points "$points" -o "$out/france.$ext" --force -q "$@" 2>/dev/null
    end=$(date +%s.%N)
    walls+=("$(echo "$end - $start" | bc)")
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
  echo "apl times France -> .$ext: runs ${walls[*]} s; median $median s ($(du -h "$out/france.$ext" | cut -f1))"
done
