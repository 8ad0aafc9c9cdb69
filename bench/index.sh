#!/usr/bin/env bash
# What an index costs on a generated book: the same book built with and without an index.yaml of N entries,
# each build under GNU time, with the load average before and after every run (printed as a Markdown table).
#
# Usage (from anywhere; run by hand, not in CI):
#   bench/index.sh [--dense] [--gen PATH/gen_corpus.py] [--work DIR] [--pieces 2000] [--entries 500]
#                  [--heap 1g] [--jar PATH] [--formats "epub pdf"] [--pandoc]
#
# Realistic index (the default): what "sheaf index suggest" proposes for the book (names, places,
# organisations, tags; names in more than half of the pieces left out, as it writes them as comments),
# filled up to --entries with subject terms of the kind an indexer picks: lower-case words of six letters
# or more and two-word phrases of them (two words side by side, not across punctuation; no two terms sharing a
# word, since the matcher gives an overlap to the longer one), no function words, in 1 to 10 % of the pieces (the generated
# text has few such terms, so the nearest above 10 % fill the rest; the spread is printed).
# --dense: the worst case. Every suggestion, China in 1,999 of 2,000 pieces included, filled up with the
# book's most frequent lower-case words of seven letters or more ("between", "security").
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
mode=realistic
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
    --dense) mode=dense; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
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

# Sheaf as a user runs it: through the launcher, which chooses the JVM's options (bench/launcher.sh).
. "$repo/bench/launcher.sh"
install_sheaf "$jar" "$work/install" "$heap"
plain="$work/plain"
indexed="$work/$mode"
if [ ! -d "$plain/chapters" ]; then
  rm -rf "$plain"
  python3 "$gen" -n "$pieces" --out "$plain" >&2
fi
if [ ! -f "$indexed/index.yaml" ]; then
  rm -rf "$indexed"
  cp -r "$plain" "$indexed"
  common=50
  [ "$mode" = dense ] && common=100
  "${sheaf[@]}" index suggest "$indexed" --out "$work/suggested-$mode.yaml" --too-common "$common" --force >&2
  python3 - "$work/suggested-$mode.yaml" "$indexed" "$entries" "$mode" > "$indexed/index.yaml" <<'PY'
import collections, pathlib, re, statistics, sys
suggested, book, wanted, mode = open(sys.argv[1], encoding="utf-8").read(), pathlib.Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
lines = suggested.rstrip("\n").split("\n")
names = [l for l in lines if re.match(r"  \S", l) and not l.lstrip().startswith("#")]
taken = {l.strip().split(":")[0].strip('"').lower() for l in names}
need = max(0, wanted - len(names))
bodies = [f.read_text(encoding="utf-8").split("\n---", 1)[-1] for f in sorted(book.glob("chapters/*/*.md"))]
if mode == "dense":
    words = collections.Counter()
    for body in bodies:
        words.update(w for w in re.findall(r"\b[a-z]{7,}\b", body))
    extra = [w for w, _ in words.most_common() if w not in taken][:need]
    title = "Filled up with frequent words"
else:
    function = set("""about above across after again against along already also although always among another
        anyone around because before behind being below beneath beside besides between beyond cannot could
        despite during either enough especially everyone everything further however indeed instead itself
        later likely maybe might almost mostly often other others otherwise perhaps probably quite rather
        really should since still their there these thing things those though through throughout toward
        towards under unless until usually whatever whether which while whose within without would yours
        earlier above cited""".split())
    df = collections.Counter()
    phrase_word = re.compile(r"[a-z]{5,}")
    for body in bodies:
        ws = re.findall(r"\b[a-z]+\b", body)
        terms = {w for w in ws if len(w) >= 6 and w not in function}
        # Two-word phrases only of words that stand next to each other as the index's matcher reads them: two
        # lower-case words with nothing between them but spaces or a line break, in one paragraph (pairing the
        # list of all words paired them across punctuation and markup, "security, economic", which no mention
        # can match).
        for para in re.split(r"\n[ \t]*\n", body):
            chunks = para.split()
            terms |= {a + " " + b for a, b in zip(chunks, chunks[1:])
                      if phrase_word.fullmatch(a) and phrase_word.fullmatch(b)
                      and a not in function and b not in function}
        df.update(terms)
    n = len(bodies)
    low, high = max(2, n // 100), n // 10
    fits = sorted((t for t, c in df.items() if low <= c <= high and t not in taken), key=lambda t: (-df[t], t))
    above = sorted((t for t, c in df.items() if c > high and t not in taken), key=lambda t: (df[t], t))
    # No two terms share a word: the matcher gives an overlap to the longer form, and the text repeats its
    # sentences, so "analogy" beside "musical analogy", or "divided government" beside "internally divided",
    # matched nowhere of its own.
    extra, used = [], set()
    for t in fits + above:
        if len(extra) == need:
            break
        if not used.intersection(t.split()):
            extra.append(t)
            used.update(t.split())
    if extra:
        share = sorted(100.0 * df[t] / n for t in extra)
        print("bench: %d subject terms, %d in 1-10 %% of the pieces; in %.1f to %.1f %% (median %.1f %%)"
              % (len(extra), len([t for t in extra if df[t] <= high]), share[0], share[-1],
                 statistics.median(share)), file=sys.stderr)
    title = "Subject terms: words and phrases in few of the pieces, as an indexer picks them"
out = lines + ["", "  # " + title] + ["  %s:" % w for w in extra]
print("\n".join(out))
print("bench: %s index of %d entries (%d suggested)" % (mode, len(names) + len(extra), len(names)), file=sys.stderr)
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
  for book in plain "$mode"; do
    run "$book" "$f" "${sheaf[@]}" build "$work/$book" --out "$work/out" --format "$f" --quiet
  done
done
if [ "$pandoc" = 1 ]; then
  run pandoc epub pandoc --toc --epub-chapter-level=2 -o "$work/pandoc.epub" "$plain.md"
fi
echo "bench: books and logs in $work" >&2
