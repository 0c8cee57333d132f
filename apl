#!/usr/bin/env bash
# Runs the apl command line from the jar that 'mvn package' builds, from any working directory.
# Bash built-ins only where they do (each command started costs some 5 ms on a small VM, and
# a France run lasts one second); readlink only when the script is reached through a link.
set -euo pipefail
src="${BASH_SOURCE[0]}"
if [ -L "$src" ]; then
  src="$(readlink -f "$src")"
fi
case "$src" in
  */*) here="${src%/*}" ;;
  *) here="." ;;
esac
# An absolute folder (builtins only, the working directory restored): the class-data archive
# records the jar's path, and a run from another folder must name the jar the same way.
if [ "${here#/}" = "$here" ]; then
  back="$PWD"
  cd "$here"
  here="$PWD"
  cd "$back"
fi
shopt -s nullglob
jars=("$here"/apl-cli/target/apl-cli-*-all.jar)
shopt -u nullglob
jar="${jars[0]:-}"
if [ -z "$jar" ]; then
  echo "apl: not built yet; run first: (cd '$here' && mvn -q -DskipTests package)" >&2
  exit 1
fi
# JVM options, measured (README, Performance; benchmarks/results/):
# - A times table under 100 MB on disk is read in a second, before the optimising compiler (C2)
#   pays off: the quick compiler alone (C1) takes France from 1.20 to 0.79 s and the Territoire
#   de Belfort sample from 0.46 to 0.39 s. Larger tables (a 200 m grid) keep C2.
# - Transparent huge pages, where the kernel offers them (always or madvise), cut the cost of
#   first touching fresh memory (Belfort 0.39 -> 0.33 s; 0.3 to 0.9 s of system time on a France
#   run in earlier code). The check avoids a JVM warning on machines without them.
# - No heap sizing: a 1 GB starting heap with a 600 MB young generation cost the Belfort sample
#   0.17 s (0.53 against 0.36 s) and no longer helped France (0.90 against 0.79 s), so it went.
# APL_JAVA_OPTS comes last and wins.
times=""
engine=""
previous=""
for a in "$@"; do
  if [ "$previous" = "--times" ]; then times="$a"; fi
  if [ "$previous" = "--engine" ]; then engine="$a"; fi
  # apl matrix convert --output times.parquet: written by Spark too.
  if [ "${1:-}" = "matrix" ] && { [ "$previous" = "--output" ] || [ "$previous" = "-o" ]; }; then
    case "$a" in *.parquet | *.parquet/) engine="spark" ;; esac
  fi
  case "$a" in
    --times=*) times="${a#--times=}" ;;
    --engine=*) engine="${a#--engine=}" ;;
  esac
  previous="$a"
done
# apl compute --engine spark (and apl matrix convert to Parquet): Spark (277 MB, copied to apl-spark/target/lib by
# 'mvn -pl apl-spark -am package') joins the class path only then, before the apl jar so that
# Spark's own Jackson wins (its Scala module refuses a newer one); the JDK flags Spark 4 needs
# on Java 17; Spark's logging at WARN on stderr. No class-data archive, no C1-only compiler:
# they were measured for the local engine. Without the lib folder the command says what is
# missing (exit 69). Spark brings its SLF4J binding (to log4j) beside the apl jar's no-op one:
# naming it spares the "multiple providers" warning on every run.
if [ "$engine" = "spark" ]; then
  shopt -s nullglob
  cp=""
  for j in "$here"/apl-spark/target/apl-spark-*.jar; do
    case "$j" in *-sources.jar | *-javadoc.jar | *-job.jar) ;; *) cp="$j" ;; esac
  done
  if [ -d "$here/apl-spark/target/lib" ] && [ -n "$cp" ]; then
    cp="$here/apl-spark/target/lib/*:$cp:$jar"
  else
    cp="$jar"
  fi
  shopt -u nullglob
  exec java -XX:+UseParallelGC -Xlog:disable -Xlog:all=warning:stderr \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
    -Dio.netty.tryReflectionSetAccessible=true \
    -Dlog4j2.configurationFile=fr/apl/spark/log4j2-apl.properties \
    -Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider -Dslf4j.internal.verbosity=WARN \
    ${APL_JAVA_OPTS:-} -cp "$cp" fr.apl.cli.Main "$@"
fi
# JVM warnings (a young generation larger than a heap capped in APL_JAVA_OPTS, say) go to
# stderr: by default the JVM prints them on stdout, where data may go.
opts="-XX:+UseParallelGC -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
if [ -z "$times" ] || { [ -f "$times" ] && [ "$(wc -c < "$times")" -lt 100000000 ]; }; then
  opts="$opts -XX:TieredStopAtLevel=1"
fi
# - Class data sharing of the run's own classes: the first compute, validate, zoning or matrix
#   after a build dumps the classes it loaded (into a file of its own, renamed into
#   apl-cli/target/apl-cds.jsa once complete, so that two first runs at once cannot leave a torn
#   archive); later runs map them, their checksum verified, instead of loading and verifying the
#   classes again (France 0.77 -> 0.73 s; the dump costs the first run some 0.3 s). An archive
#   older than the jar is dumped again; one that does not match this JVM, or is damaged, is
#   ignored silently (cds logging off), and so is a target folder that cannot be written.
dump=""
case "${1:-}" in
  compute | validate | zoning | matrix)
    target_dir="${jar%/*}"
    archive="$target_dir/apl-cds.jsa"
    if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
      opts="$opts -XX:SharedArchiveFile=$archive -XX:+VerifySharedSpaces"
    elif [ -w "$target_dir" ]; then
      dump="$archive.$$"
      opts="$opts -XX:ArchiveClassesAtExit=$dump"
    fi
    ;;
esac
thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ -r "$thp" ]; then
  read -r modes < "$thp" || true
  case "$modes" in
    *"[always]"* | *"[madvise]"*) opts="$opts -XX:+UseTransparentHugePages" ;;
  esac
fi
if [ -z "$dump" ]; then
  exec java $opts ${APL_JAVA_OPTS:-} -jar "$jar" "$@"
fi
status=0
java $opts ${APL_JAVA_OPTS:-} -jar "$jar" "$@" || status=$?
if [ -f "$dump" ]; then
  mv -f "$dump" "$archive" 2>/dev/null || rm -f "$dump"
fi
exit "$status"
