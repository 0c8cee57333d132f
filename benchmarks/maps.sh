#!/usr/bin/env bash
# Times apl map and apl report end to end on the bundled France sample: ROUNDS runs of each,
# median and quartiles of wall-clock seconds. Needs a built checkout (mvn -DskipTests package).
#
#   benchmarks/maps.sh [ROUNDS]        (default 5)
#
# The France result is computed once first (apl compute --supply, the quick start).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
geo=data-samples/geo
./apl compute -q --times data-samples/france/times.csv.gz --supply data-samples/france/supply.csv \
  --population data-samples/france/population.csv --output "$out/france.csv" 2>/dev/null
run() {
  local name="$1"
  shift
  local times=()
  for ((k = 0; k < rounds; k++)); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
    { v[NR] = $1 }
    END { printf "%-28s median %.2f s, quartiles %.2f-%.2f s, %d runs\n", name, v[int((NR + 1) / 2)],
          v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)], NR }'
}
common=(--values "$out/france.csv" --geometry "$geo/communes_cog2018_france.geojson.gz"
  --cog-map "$geo/cog_anciens_codes.csv")
run "map France PNG" ./apl map "${common[@]}" \
  --outlines "$geo/departements_france_simplified.geojson" --output "$out/f.png" --force
run "map France SVG" ./apl map "${common[@]}" \
  --outlines "$geo/departements_france_simplified.geojson" --output "$out/f.svg" --force
if ./apl report --help >/dev/null 2>&1; then
  run "report France HTML" ./apl report "${common[@]}" --output "$out/f.html" --force
fi
