#!/usr/bin/env bash
# Runs the apl command line from the jar that 'mvn package' builds, from any working directory.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$(ls "$here"/apl-cli/target/apl-cli-*-all.jar 2>/dev/null | head -n 1 || true)"
if [ -z "$jar" ]; then
  echo "apl: not built yet; run first: (cd '$here' && mvn -q -DskipTests package)" >&2
  exit 1
fi
# Parallel GC and a quick start: a France run allocates a few hundred MB for a second.
exec java -XX:+UseParallelGC ${APL_JAVA_OPTS:-} -jar "$jar" "$@"
