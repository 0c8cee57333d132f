#!/usr/bin/env bash
# The Spark engine on a generated 200 m-style grid, in local mode on this machine, with a heap
# smaller than the pair table so that Spark spills (README, Spark engine; results in
# benchmarks/results/). Usage, from the repository root after 'mvn -pl apl-spark -am package':
#   benchmarks/spark-grid.sh [WIDTH HEIGHT RADIUS [HEAP [PARTITIONS]]]
# Defaults: 1400 x 1000 cells, radius 7 (202 million pairs), -Xmx6g, 64 partitions. The tables
# are generated once into ${APL_GRID:-/tmp/apl-grid} (454 MB of Parquet); the run's time and
# peak memory come from /usr/bin/time -v. Then, unless APL_LOCAL=0, the same tables as CSV
# (4 GB) through the local engine (./apl compute, no heap cap), and both results compared value
# by value (benchmarks/CompareApl.java).
set -euo pipefail
cd "$(dirname "$0")/.."
width="${1:-1400}" height="${2:-1000}" radius="${3:-7}" heap="${4:-6g}" parts="${5:-64}"
grid="${APL_GRID:-/tmp/apl-grid}/${width}x${height}r${radius}"
lib="apl-spark/target/lib"
job="$(ls apl-spark/target/apl-spark-*-job.jar | head -n 1)"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' apl-spark/pom.xml)"
java_spark=(java $opens -Dlog4j2.configurationFile=fr/apl/spark/log4j2-apl.properties
  -Dspark.master='local[*]' -Dapl.spark.partitions="$parts" -cp "$lib/*:$job")
if [ ! -d "$grid/pairs.parquet" ]; then
  echo "generating $grid" >&2
  /usr/bin/time -v "${java_spark[@]}" -Xmx6g fr.apl.spark.GridPairs "$width" "$height" "$radius" "$grid" \
    2> >(grep -E "grid:|Elapsed|Maximum resident" >&2)
fi
du -sh "$grid/pairs.parquet" >&2
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -v "${java_spark[@]}" -Xmx"$heap" fr.apl.spark.SparkApl \
  --times "$grid/pairs.parquet" --population "$grid/population.parquet" \
  --supply "$grid/supply.parquet" --output "$out/apl.parquet" --partitions "$parts"
if [ "${APL_LOCAL:-1}" = 1 ]; then
  if [ ! -f "$grid/pairs.csv" ]; then
    "${java_spark[@]}" -Xmx4g fr.apl.spark.GridPairs --csv "$grid"
    { echo origin,destination,minutes; cat "$grid"/pairs-csv/part-*.csv; } > "$grid/pairs.csv"
    { echo commune,population; cat "$grid"/population-csv/part-*.csv; } > "$grid/population.csv"
    { echo commune,consultations,consultations_moins65; cat "$grid"/supply-csv/part-*.csv; } \
      > "$grid/supply.csv"
  fi
  /usr/bin/time -v ./apl compute --times "$grid/pairs.csv" --population "$grid/population.csv" \
    --supply "$grid/supply.csv" --output "$out/local.csv"
  java -cp "$lib/*" benchmarks/CompareApl.java "$out/apl.parquet" "$out/local.csv"
fi
