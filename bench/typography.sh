#!/usr/bin/env bash
# How even the word spacing of justified PDFs is: loose lines, the 95th-percentile word gap, hyphenated line
# ends and runs of three or more (definitions in src/test/java/dev/sheaf/bench/LineMeasure.java).
#
# Usage: bench/typography.sh file.pdf [more.pdf…]
# Compiles the measure with Maven the first time (needs the project's test classpath: PDFBox).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -gt 0 ] || { echo "usage: $0 file.pdf [more.pdf…]" >&2; exit 2; }
cp_file="$repo/target/typography.classpath"
if [ ! -f "$repo/target/test-classes/dev/sheaf/bench/LineMeasure.class" ] || [ ! -f "$cp_file" ]; then
  (cd "$repo" && mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file" >/dev/null)
fi
exec java -cp "$repo/target/test-classes:$repo/target/classes:$(cat "$cp_file")" dev.sheaf.bench.LineMeasure "$@"
