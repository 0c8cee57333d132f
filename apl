#!/usr/bin/env bash
# Runs the apl command line from the jar that 'mvn package' builds, from any working directory.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$(ls "$here"/apl-cli/target/apl-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ]; then
  echo "apl: not built yet; run first: (cd '$here' && mvn -q -DskipTests package)" >&2
  exit 1
fi
# A run on a France-sized times table (under 100 MB on disk) ends in a second or two, before the
# optimising compiler (C2) pays off: the quick compiler alone saves about 0.35 s there (README,
# Performance). Larger tables (a 200 m grid) keep C2. APL_JAVA_OPTS comes last and wins.
times=""
previous=""
for a in "$@"; do
  if [ "$previous" = "--times" ]; then times="$a"; fi
  case "$a" in --times=*) times="${a#--times=}" ;; esac
  previous="$a"
done
jit=""
if [ -z "$times" ] || { [ -f "$times" ] && [ "$(wc -c < "$times")" -lt 100000000 ]; }; then
  jit="-XX:TieredStopAtLevel=1"
fi
exec java -XX:+UseParallelGC $jit ${APL_JAVA_OPTS:-} -jar "$jar" "$@"
