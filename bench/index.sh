#!/usr/bin/env bash
# What an index costs on a generated book: the same book built with and without an index.yaml of N entries,
# each build under GNU time, with the load average before and after every run (printed as a Markdown table).
#
# Usage (from anywhere; run by hand, not in CI):
#   bench/index.sh [--gen PATH/gen_corpus.py] [--work DIR] [--pieces 2000] [--entries 500] [--heap 1g]
#                  [--jar PATH] [--formats "epub pdf"] [--pandoc]
#
# The index is what "sheaf index suggest" proposes for the book (names, places, organisations, tags),
# filled up to --entries with the book's most frequent lower-case words of seven letters or more
# ("between", "security"): a worst case, since every such entry is mentioned thousands of times.
# --pandoc also times Pandoc's EPUB of the same pieces (the single-file form the generator writes), for the
# ratio the performance targets are stated in.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gen="$repo/../shared/bench/gen_corpus.py"
work=""
pieces=2000
entries=500
heap=1g
jar="$repo/target/sheaf.jar"
formats="epub pdf"
pandoc=0
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) gen=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --pieces) pieces=$2; shift 2 ;;
    --entries) entries=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --pandoc) pandoc=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -f "$gen" ] || { echo "bench: cannot find gen_corpus.py at $gen; pass --gen PATH" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
if [ ! -f "$jar" ]; then
  (cd "$repo" && mvn -q -B package -DskipTests -Dsheaf.book.skip=true)
fi
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/sheaf-index-bench.XXXXXX")
fi
mkdir -p "$work"

plain="$work/plain"
indexed="$work/indexed"
if [ ! -f "$indexed/index.yaml" ]; then
  rm -rf "$plain" "$indexed"
  python3 "$gen" -n "$pieces" --out "$plain" >&2
  cp -r "$plain" "$indexed"
  java -jar "$jar" index suggest "$indexed" --out "$work/suggested.yaml" >&2
  python3 - "$work/suggested.yaml" "$indexed" "$entries" > "$indexed/index.yaml" <<'PY'
import collections, pathlib, re, sys
suggested, book, wanted = open(sys.argv[1], encoding="utf-8").read(), pathlib.Path(sys.argv[2]), int(sys.argv[3])
lines = suggested.rstrip("\n").split("\n")
names = [l for l in lines if re.match(r"  \S", l) and not l.lstrip().startswith("#")]
taken = {l.strip().split(":")[0].strip('"').lower() for l in names}
words = collections.Counter()
for f in sorted(book.glob("chapters/*/*.md")):
    body = f.read_text(encoding="utf-8").split("\n---", 1)[-1]
    words.update(w for w in re.findall(r"\b[a-z]{7,}\b", body))
extra = [w for w, _ in words.most_common() if w not in taken][: max(0, wanted - len(names))]
out = lines + ["", "  # Filled up with frequent words"] + ["  %s:" % w for w in extra]
print("\n".join(out))
print("bench: index of %d entries (%d suggested)" % (len(names) + len(extra), len(names)), file=sys.stderr)
PY
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "| book | edition | wall (s) | CPU (s) | peak memory | load before | load after |"
echo "|---|---|---:|---:|---:|---|---|"
run() {
  local name=$1 what=$2
  shift 2
  rm -rf "$work/out"
  local before
  before=$(load)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/log-$name-$what.txt" 2>&1 \
    || { echo "bench: FAILED $name $what (see $work/log-$name-$what.txt)" >&2; return 0; }
  read -r wall user sys rss < "$work/time.txt"
  printf '| %s | %s | %.1f | %.1f | %d MB | %s | %s |\n' "$name" "$what" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" $((rss / 1024)) "$before" "$(load)"
}
for f in $formats; do
  for book in plain indexed; do
    run "$book" "$f" java -Xmx"$heap" -jar "$jar" build "$work/$book" --out "$work/out" --format "$f" --quiet
  done
done
if [ "$pandoc" = 1 ]; then
  run pandoc epub pandoc --toc --epub-chapter-level=2 -o "$work/pandoc.epub" "$plain.md"
fi
echo "bench: books and logs in $work" >&2
