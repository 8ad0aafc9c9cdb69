#!/usr/bin/env bash
# Start-up of a small book: `sheaf check`, the EPUB alone and every edition (each into an empty folder, then again
# into the same one) of the companion book (this repository's own book), beside Pandoc making an EPUB of the same
# text, each run N times in turn (so that Sheaf and Pandoc see the same load), medians of the wall times and the
# load average at each run.
#
# Usage: bench/small.sh [--runs N] [--book DIR] [--jar PATH]
#   Sheaf runs through the launcher, bin/sheaf (src/main/dist/bin/sheaf), installed with the jar in a scratch
#   folder as the distribution installs it: a first `sheaf build` (not measured) writes its class-data archive,
#   and the launcher chooses the JVM's options for each command as it does for a user. Needs java, python3 and
#   pandoc. The rows "(resident)" run the same commands through a resident build process, as on an author's
#   terminal: its first command (in the first round) starts the process.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=5
book=$repo
jar=$repo/target/sheaf.jar
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --book) book=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "small: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v pandoc >/dev/null || { echo "small: pandoc is missing (apt-get install pandoc)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sheaf-small.XXXXXX")
. "$repo/bench/launcher.sh"
trap 'stop_resident; rm -rf "$work"' EXIT
install_sheaf "$jar" "$work" || exit 1
# The same text as one Markdown file for Pandoc: each chapter's pieces, front matter dropped, title as heading.
python3 - "$book" "$work/book.md" <<'PY'
import os, re, sys
root, out = sys.argv[1], sys.argv[2]
parts = []
chapters = os.path.join(root, "chapters")
for ch in sorted(os.listdir(chapters)):
    d = os.path.join(chapters, ch)
    if not os.path.isdir(d):
        continue
    parts.append("# " + ch + "\n")
    for f in sorted(os.listdir(d)):
        if not f.endswith(".md") or f.startswith("_"):
            continue
        text = open(os.path.join(d, f), encoding="utf-8").read()
        m = re.match(r"---\n(.*?)\n---\n", text, re.S)
        title = f[:-3]
        if m:
            t = re.search(r"^title:\s*\"?(.*?)\"?\s*$", m.group(1), re.M)
            title = t.group(1) if t else title
            text = text[m.end():]
        parts.append("## " + title + "\n\n" + text + "\n")
open(out, "w", encoding="utf-8").write("\n".join(parts))
PY
# one LABEL COMMAND...: one run; prints "LABEL seconds load"
one() {
  local label=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$work/log" 2>&1 || { echo "small: FAILED: $label" >&2; tail -5 "$work/log" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "$label $(python3 -c "print('%.3f' % ($t1 - $t0))") $load"
}
: > "$work/times"
for r in $(seq 1 "$runs"); do
  one "sheaf check" "${sheaf[@]}" check "$book" --quiet >> "$work/times"
  rm -rf "$work/out"
  one "sheaf epub" "${sheaf[@]}" build "$book" --out "$work/out" --format epub --quiet >> "$work/times"
  # An author's next build goes to the same folder: what the first left in its build cache is taken from there.
  one "sheaf epub again" "${sheaf[@]}" build "$book" --out "$work/out" --format epub --quiet >> "$work/times"
  rm -rf "$work/out"
  one "sheaf all editions" "${sheaf[@]}" build "$book" --out "$work/out" --quiet >> "$work/times"
  # The next build into the same folder: pieces, pages, citations and handouts from its build cache, the PDF laid out.
  one "sheaf all editions again" "${sheaf[@]}" build "$book" --out "$work/out" --quiet >> "$work/times"
  one "sheaf check (resident)" "${sheaf_resident[@]}" check "$book" --quiet >> "$work/times"
  rm -rf "$work/out"
  one "sheaf epub (resident)" "${sheaf_resident[@]}" build "$book" --out "$work/out" --format epub --quiet >> "$work/times"
  one "sheaf epub again (resident)" "${sheaf_resident[@]}" build "$book" --out "$work/out" --format epub --quiet \
    >> "$work/times"
  rm -rf "$work/out"
  one "sheaf all editions (resident)" "${sheaf_resident[@]}" build "$book" --out "$work/out" --quiet >> "$work/times"
  one "sheaf all editions again (resident)" "${sheaf_resident[@]}" build "$book" --out "$work/out" --quiet \
    >> "$work/times"
  one "pandoc epub" pandoc --toc --epub-chapter-level=2 -o "$work/pandoc.epub" "$work/book.md" >> "$work/times"
done
python3 - "$work/times" "$runs" <<'PY'
import sys, statistics
rows = [l.rsplit(" ", 2) for l in open(sys.argv[1]) if l.strip()]
labels = list(dict.fromkeys(r[0] for r in rows))
med = {l: statistics.median(float(r[1]) for r in rows if r[0] == l) for l in labels}
loads = [float(r[2]) for r in rows]
print("| command | median wall (s), %s runs | runs (s) | x Pandoc EPUB |" % sys.argv[2])
print("|---|---:|---|---:|")
for l in labels:
    runs = ", ".join(r[1] for r in rows if r[0] == l)
    print("| %s | %.2f | %s | %.1f |" % (l, med[l], runs, med[l] / med["pandoc epub"]))
print()
print("load average (1 min) during the runs: %.1f to %.1f" % (min(loads), max(loads)))
PY
