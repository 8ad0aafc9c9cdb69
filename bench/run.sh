#!/usr/bin/env bash
# Sheaf beside Pandoc on the same generated books: wall time, CPU time and peak memory of each build,
# written as a Markdown table into docs/PERFORMANCE.md (between the "bench" markers).
#
# Usage (from anywhere; run by hand, not in CI):
#   bench/run.sh [--gen PATH/gen_corpus.py] [--work DIR] [--sizes "200 2000"] [--install] [--no-peers]
#                [--no-watch] [--no-write] [--heap 1g] [--jar PATH] [--idle LOAD] [--repeat N]
#
#   --gen       the corpus generator (default: ../shared/bench/gen_corpus.py next to the repository)
#   --work      scratch folder for the books and outputs (default: a new temporary folder, removed after)
#   --sizes     numbers of pieces; the first is "medium", the last "large" (default: "200 2000")
#   --install   install Pandoc, wkhtmltopdf and GNU time with apt-get when they are missing (needs root)
#   --no-peers  measure Sheaf only; --no-watch skips the rebuild measurement; --no-write prints the table
#               instead of writing it into docs/PERFORMANCE.md
#   --heap      the Java heap for every Sheaf run (default: 1g)
#   --jar       the CLI jar to measure (default: target/sheaf.jar, built when missing)
#   --idle L    before each measurement, wait (up to 5 minutes) until the 1-minute load average is below L
#               (for a machine that is not otherwise idle; the load is recorded next to the table)
#   --repeat N  run every measurement N times and keep the run with the median wall time (and the largest
#               peak memory of the N runs); default 1
#
# Needs: java 17+, python3, GNU time (/usr/bin/time -v), and for the comparison pandoc and wkhtmltopdf
# (Debian: apt-get install pandoc wkhtmltopdf time). Builds target/sheaf.jar first when it is missing
# (mvn -q -B package -DskipTests -Dsheaf.book.skip=true).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gen=""
work=""
sizes="200 2000"
install=0
peers=1
watch=1
write=1
heap=1g
jar=""
idle=""
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --gen) gen=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --install) install=1; shift ;;
    --no-peers) peers=0; shift ;;
    --no-watch) watch=0; shift ;;
    --no-write) write=0; shift ;;
    --heap) heap=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$gen" ]; then
  gen="$repo/../shared/bench/gen_corpus.py"
fi
if [ ! -f "$gen" ]; then
  echo "bench: cannot find gen_corpus.py at $gen; pass --gen PATH" >&2
  exit 2
fi
gen=$(cd "$(dirname "$gen")" && pwd)/$(basename "$gen")

missing=()
[ -x /usr/bin/time ] || missing+=(time)
if [ "$peers" = 1 ]; then
  command -v pandoc >/dev/null || missing+=(pandoc)
  command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$install" = 1 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "bench: missing ${missing[*]}; install with: apt-get update && apt-get install ${missing[*]}" >&2
    echo "       (or run bench/run.sh --install as root, or --no-peers to measure Sheaf alone)" >&2
    exit 2
  fi
fi

if [ -z "$jar" ]; then
  jar="$repo/target/sheaf.jar"
fi
if [ ! -f "$jar" ]; then
  echo "bench: building target/sheaf.jar" >&2
  (cd "$repo" && mvn -q -B package -DskipTests -Dsheaf.book.skip=true)
fi

cleanup=0
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/sheaf-bench.XXXXXX")
  cleanup=1
fi
mkdir -p "$work"
results="$work/results.tsv"
: > "$results"
# Sheaf as a user runs it: through the launcher, which chooses the JVM's options (bench/launcher.sh).
. "$repo/bench/launcher.sh"
install_sheaf "$jar" "$work/install" "$heap"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# wait_idle: with --idle L, waits until the 1-minute load average is below L (at most 5 minutes)
wait_idle() {
  [ -n "$idle" ] || return 0
  for _ in $(seq 1 300); do
    awk -v max="$idle" '{ exit !($1 < max) }' /proc/loadavg && return 0
    sleep 1
  done
}

# measure BOOK TOOL EDITION -- COMMAND...: runs COMMAND under GNU time and appends one line to results.tsv
measure() {
  local book=$1 tool=$2 edition=$3
  shift 4
  local log="$work/log-$book-$tool-$edition.txt"
  : > "$work/runs.tsv"
  for run in $(seq 1 "$repeat"); do
    rm -rf "$work/out"
    wait_idle
    echo "bench: $book $tool $edition, run $run of $repeat (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" > "$log" 2>&1; then
      echo "bench: FAILED: $book $tool $edition (see $log)" >&2
      tail -5 "$log" >&2
      printf '%s\t%s\t%s\tfailed\t\t\t\n' "$book" "$tool" "$edition" >> "$results"
      return 0
    fi
    python3 - "$work/time.txt" >> "$work/runs.tsv" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def num(key):
    return re.search(re.escape(key) + r":\s*([\d.:]+)", t).group(1)
wall = num("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
cpu = float(num("User time (seconds)")) + float(num("System time (seconds)"))
rss = int(num("Maximum resident set size (kbytes)"))
print("%.1f\t%.1f\t%d" % (secs, cpu, rss))
PY
  done
  # The run with the median wall time; the largest peak memory of all runs.
  python3 - "$work/runs.tsv" "$book" "$tool" "$edition" >> "$results" <<'PY'
import sys
runs = sorted((float(w), c, int(r)) for w, c, r in (l.split() for l in open(sys.argv[1]) if l.strip()))
wall, cpu, _ = runs[(len(runs) - 1) // 2]
print("\t".join(sys.argv[2:5] + ["%.1f" % wall, cpu, str(max(r for _, _, r in runs))]))
PY
}

names=()
set -- $sizes
count=$#
i=0
for n in $sizes; do
  i=$((i + 1))
  if [ "$i" = 1 ] && [ "$count" -gt 1 ]; then name=medium; elif [ "$i" = "$count" ]; then name=large; else name="n$n"; fi
  names+=("$name:$n")
  rm -rf "${work:?}/$name" "$work/$name.md"
  python3 "$gen" -n "$n" --out "$work/$name" > /dev/null
  book="$work/$name"
  for edition in epub pdf epub,pdf; do
    measure "$name" sheaf "$edition" -- "${sheaf[@]}" build "$book" --out "$work/out" --format "$edition" --quiet
  done
  if [ "$peers" = 1 ]; then
    measure "$name" pandoc epub -- pandoc --toc --epub-chapter-level=2 -o "$work/pandoc.epub" "$book.md"
    measure "$name" pandoc+wkhtmltopdf pdf -- sh -c 'pandoc --toc -s -o "$1/pandoc.html" "$2" && wkhtmltopdf --quiet "$1/pandoc.html" "$1/pandoc.pdf"' sh "$work" "$book.md"
  fi
done

# Rebuild after an edit: `sheaf build --watch` on the largest book, EPUB only; one sentence is appended to one
# piece three times, and the time each rebuild reports is kept.
if [ "$watch" = 1 ]; then
  name=large
  book="$work/$name"
  [ -d "$book" ] || book="$work/${names[${#names[@]}-1]%%:*}"
  # (sed, not head: with pipefail, a pipe closed early would end the script.)
  piece=$(find "$book/chapters" -name '*.md' | sort | sed -n '300p')
  [ -n "$piece" ] || piece=$(find "$book/chapters" -name '*.md' | sort | sed -n '1p')
  rm -rf "$work/out-watch"
  wait_idle
  echo "bench: watch rebuilds" >&2
  "${sheaf[@]}" build "$book" --out "$work/out-watch" --format epub --watch > "$work/watch.log" 2>&1 &
  watcher=$!
  for _ in $(seq 1 600); do grep -q "watching" "$work/watch.log" && break; sleep 0.2; done
  for k in 1 2 3; do
    before=$(grep -c "rebuilt" "$work/watch.log" || true)
    sleep 1
    start=$(python3 -c 'import time; print(time.time())')
    printf '\nAn added sentence, edit %s.\n' "$k" >> "$piece"
    for _ in $(seq 1 300); do
      [ "$(grep -c "rebuilt" "$work/watch.log" || true)" -gt "$before" ] && break
      sleep 0.05
    done
    end=$(python3 -c 'import time; print(time.time())')
    took=$(grep "rebuilt" "$work/watch.log" | tail -n 1 | sed -E 's/.* in ([0-9.]+) s.*/\1/')
    seen=$(python3 -c "print('%.1f' % ($end - $start))")
    printf '%s\tsheaf --watch\trebuild epub %s\t%s\t\t\t%s\n' "$name" "$k" "$took" "$seen" >> "$results"
  done
  kill "$watcher" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
fi

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | sed -n 1p)"
machine="$machine; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
if [ "$peers" = 1 ]; then
  machine="$machine; $(pandoc --version | sed -n 1p); wkhtmltopdf $(wkhtmltopdf --version | awk '{print $2}')"
fi
# The command as it can be run again from the repository (no machine paths).
command="bench/run.sh --sizes \"$sizes\" --heap $heap"
[ "$peers" = 1 ] || command="$command --no-peers"
[ "$watch" = 1 ] || command="$command --no-watch"
[ -z "$idle" ] || command="$command --idle $idle"
[ "$repeat" = 1 ] || command="$command --repeat $repeat"
command="$command (books from gen_corpus.py)"

python3 - "$results" "$machine" "$command" "$write" "$repo/docs/PERFORMANCE.md" "${names[@]}" <<'PY'
import datetime, re, sys
results, machine, command, write, doc = sys.argv[1:6]
names = [n.split(":") for n in sys.argv[6:]]
rows = [l.rstrip("\n").split("\t") for l in open(results) if l.strip()]
get = {(r[0], r[1], r[2]): r for r in rows}

def cell(r, i):
    return r[i] if r and len(r) > i and r[i] else "–"

def mem(r):
    if not r or r[3] == "failed" or not r[5]:
        return "–"
    return "%.0f MB" % (int(r[5]) / 1024)

out = ["Generated by `%s` on %s (%s)." % (command, datetime.date.today().isoformat(), machine), ""]
out += ["| book | tool | edition | wall (s) | CPU (s) | peak memory |", "|---|---|---|---:|---:|---:|"]
for name, n in names:
    for r in rows:
        if r[0] == name and "watch" not in r[1]:
            out.append("| %s (%s pieces) | %s | %s | %s | %s | %s |" % (name, n, r[1], r[2], cell(r, 3), cell(r, 4), mem(r)))
out.append("")

def wall(name, tool, edition):
    r = get.get((name, tool, edition))
    try:
        return float(r[3])
    except (TypeError, ValueError, IndexError):
        return None

ratios = []
for name, n in names:
    pe, pp = wall(name, "pandoc", "epub"), wall(name, "pandoc+wkhtmltopdf", "pdf")
    se, sp, sb = wall(name, "sheaf", "epub"), wall(name, "sheaf", "pdf"), wall(name, "sheaf", "epub,pdf")
    if pe and se:
        ratios.append("| %s | Sheaf EPUB / Pandoc EPUB | %.2f (1/%.1f) |" % (name, se / pe, pe / se))
    if pp and sp:
        ratios.append("| %s | Sheaf PDF / (Pandoc HTML + wkhtmltopdf) | %.2f (1/%.1f) |" % (name, sp / pp, pp / sp))
    if pe and sb:
        ratios.append("| %s | Sheaf EPUB + PDF together / Pandoc EPUB | %.2f |" % (name, sb / pe))
if len(names) > 1:
    (m, mn), (l, ln) = names[0], names[-1]
    for ed in ("epub", "pdf", "epub,pdf"):
        a, b = wall(m, "sheaf", ed), wall(l, "sheaf", ed)
        if a and b:
            ratios.append("| %s / %s | Sheaf %s: time for %dx the pieces | %.1fx |" % (l, m, ed, int(ln) // int(mn), b / a))
if ratios:
    out += ["| book | ratio (wall time, same run) | value |", "|---|---|---:|"] + ratios + [""]

watch = [r for r in rows if "watch" in r[1]]
if watch:
    out += ["| book | rebuild after editing one piece (`sheaf build --watch`, EPUB) | reported by Sheaf (s) | from saving to done (s) |",
            "|---|---|---:|---:|"]
    for r in watch:
        out.append("| %s | %s | %s | %s |" % (r[0], r[2], cell(r, 3), cell(r, 6)))
    out.append("")

table = "\n".join(out)
if write != "1":
    print(table)
    sys.exit(0)
text = open(doc, encoding="utf-8").read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
if start in text and end in text:
    text = text[:text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
else:
    text += "\n" + start + "\n" + table + "\n" + end + "\n"
open(doc, "w", encoding="utf-8").write(text)
print(table)
PY

if [ "$cleanup" = 1 ]; then
  rm -rf "$work"
fi
