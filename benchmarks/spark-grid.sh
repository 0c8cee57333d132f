#!/usr/bin/env bash
# The Spark engine on a generated 200 m-style grid, in local mode on this machine, with a heap
# smaller than the pair table so that Spark spills (README, Spark engine; results in
# benchmarks/results/). Usage, from the repository root after 'mvn -pl apl-spark -am package':
#   benchmarks/spark-grid.sh [WIDTH HEIGHT RADIUS [HEAP [PARTITIONS]]]
# Defaults: 1400 x 1000 cells, radius 7 (202 million pairs), -Xmx3g, 16 partitions. The tables
# are generated once into ${APL_GRID:-/tmp/apl-grid} (about 2 GB of Parquet); the run's time
# and peak memory come from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
width="${1:-1400}" height="${2:-1000}" radius="${3:-7}" heap="${4:-3g}" parts="${5:-16}"
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
