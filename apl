#!/usr/bin/env bash
# Runs the apl command line from the jar that 'mvn package' builds, from any working directory.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$(ls "$here"/apl-cli/target/apl-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ]; then
  echo "apl: not built yet; run first: (cd '$here' && mvn -q -DskipTests package)" >&2
  exit 1
fi
# JVM options, measured on the France sample (README, Performance):
# - A France-sized times table (under 100 MB on disk) is read in a second, before the optimising
#   compiler (C2) pays off: the quick compiler alone (C1) saves about 0.4 s there, and a 1 GB
#   starting heap spares two of three young collections. Larger tables (a 200 m grid) keep C2
#   and the default heap.
# - Transparent huge pages, where the kernel offers them (always or madvise), cut the cost of
#   first touching fresh memory: 0.3 to 0.9 s of system time on a France run in a virtual
#   machine. The check avoids the JVM's warning, which it prints on stdout, where data may go.
# APL_JAVA_OPTS comes last and wins.
times=""
previous=""
for a in "$@"; do
  if [ "$previous" = "--times" ]; then times="$a"; fi
  case "$a" in --times=*) times="${a#--times=}" ;; esac
  previous="$a"
done
opts="-XX:+UseParallelGC"
if [ -z "$times" ] || { [ -f "$times" ] && [ "$(wc -c < "$times")" -lt 100000000 ]; }; then
  opts="$opts -XX:TieredStopAtLevel=1 -Xms1g"
fi
thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ -r "$thp" ] && grep -qE '\[(always|madvise)\]' "$thp"; then
  opts="$opts -XX:+UseTransparentHugePages"
fi
exec java $opts ${APL_JAVA_OPTS:-} -jar "$jar" "$@"
