#!/usr/bin/env bash
# Compares two builds of apl end to end by interleaved runs: each round runs build A then build B
# on the same command, so that the host's slow and fast phases (±15 % over minutes on a small
# VM) fall on both alike. Prints each build's median and quartiles of wall-clock seconds.
#
#   benchmarks/interleaved.sh OLD_CHECKOUT NEW_CHECKOUT ROUNDS -- compute --times ... --output ...
#
# Each checkout is a folder holding the ./apl launcher and apl-cli/target/apl-cli-*-all.jar.
set -euo pipefail
if [ $# -lt 5 ] || [ "$4" != "--" ]; then
  echo "usage: $0 OLD_CHECKOUT NEW_CHECKOUT ROUNDS -- APL_ARGS..." >&2
  exit 2
fi
old="$1"; new="$2"; rounds="$3"; shift 4
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
run() {
  local start end
  start=$(date +%s.%N)
  "$1/apl" "${@:2}" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
for k in 1 2; do run "$old" "$@" >/dev/null; run "$new" "$@" >/dev/null; done
for ((k = 0; k < rounds; k++)); do
  run "$old" "$@" >> "$tmp/old"
  run "$new" "$@" >> "$tmp/new"
done
stats() {
  sort -n "$1" | awk '{v[NR] = $1} END {
    printf "median %.3f s, quartiles %.3f-%.3f s, %d runs\n", v[int((NR + 1) / 2)],
      v[int((NR + 3) / 4)], v[int((3 * NR + 1) / 4)], NR }'
}
echo "A $old: $(stats "$tmp/old")"
echo "B $new: $(stats "$tmp/new")"
