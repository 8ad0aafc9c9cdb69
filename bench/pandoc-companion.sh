#!/usr/bin/env bash
# The companion's text set by two other engines, for bench/typography.sh: Pandoc + XeLaTeX and Pandoc +
# WeasyPrint, at A5 with Sheaf's text block (148 x 210 mm, margins 18 top, 21 bottom, 18 inner, 15 outer),
# Noto Serif 10 pt on 14.2 pt from fonts/, justified, hyphenated in British English (LaTeX's patterns;
# WeasyPrint's Pyphen dictionary), paragraphs indented; otherwise each engine's defaults (TeX, for one, sets
# wider spaces after full stops).
#
# Usage: bench/pandoc-companion.sh OUT_DIR   -> OUT_DIR/xelatex.pdf, OUT_DIR/weasyprint.pdf
# Needs pandoc, xelatex (Debian: texlive-xetex texlive-fonts-recommended lmodern, and texlive-lang-english for
# the British patterns: without them TeX breaks no word at all) and weasyprint on the PATH;
# nothing in the build uses it. The text is every piece's body under its title (chapter titles above), in the
# book's order (chapters by `order:`, pieces by date); headnotes, notes and the index are left out.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -eq 1 ] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)

python3 - "$repo" "$out/companion.md" <<'PY'
import pathlib, re, sys
repo, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def split(path):
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    meta = {}
    for line in (m.group(1) if m else "").splitlines():
        k = re.match(r'([a-z_]+):\s*"?(.*?)"?\s*$', line)
        if k:
            meta[k.group(1)] = k.group(2)
    return meta, text[m.end():] if m else text

chapters = []
for d in sorted(p for p in (repo / "chapters").iterdir() if p.is_dir()):
    meta, _ = split(d / "_chapter.md") if (d / "_chapter.md").exists() else ({}, "")
    pieces = sorted((split(p) for p in d.glob("*.md") if p.name != "_chapter.md"), key=lambda mb: mb[0].get("date", ""))
    chapters.append((int(meta.get("order", 999)), d.name, meta.get("title", d.name), pieces))
parts = []
for _, _, title, pieces in sorted(chapters):
    parts.append(f"# {title}\n")
    for meta, body in pieces:
        parts.append(f"## {meta.get('title', '')}\n\n{body.strip()}\n")
target.write_text("\n".join(parts), encoding="utf-8")
PY

fonts="$repo/fonts/"
cd "$out"
pandoc companion.md -f markdown -o xelatex.pdf --pdf-engine=xelatex -M lang=en-GB \
  -V documentclass=book -V classoption=openany -V indent=true -V fontsize=10pt -V linestretch=1.18 \
  -V geometry:paperwidth=148mm -V geometry:paperheight=210mm -V geometry:top=18mm -V geometry:bottom=21mm \
  -V geometry:inner=18mm -V geometry:outer=15mm \
  -V mainfont=NotoSerif-Regular.ttf \
  -V mainfontoptions="Path=$fonts,BoldFont=NotoSerif-Bold.ttf,ItalicFont=NotoSerif-Italic.ttf,BoldItalicFont=NotoSerif-BoldItalic.ttf"

cat > weasyprint.css <<CSS
@font-face { font-family: "Noto Serif"; src: url("file://${fonts}NotoSerif-Regular.ttf"); }
@font-face { font-family: "Noto Serif"; font-style: italic; src: url("file://${fonts}NotoSerif-Italic.ttf"); }
@font-face { font-family: "Noto Serif"; font-weight: bold; src: url("file://${fonts}NotoSerif-Bold.ttf"); }
@page { size: 148mm 210mm; margin: 18mm 15mm 21mm 18mm; }
@page :left { margin-left: 15mm; margin-right: 18mm; }
html { font-family: "Noto Serif"; font-size: 10pt; line-height: 1.42; }
body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
p { margin: 0; text-indent: 1.3em; text-align: justify; hyphens: auto; }
h1, h2 { hyphens: manual; text-align: left; }
h1 { break-before: right; }
CSS
pandoc companion.md -f markdown -t html5 -s -M lang=en-GB -M title="Between Empires" --css weasyprint.css \
  -o weasyprint.html
weasyprint weasyprint.html weasyprint.pdf
echo "$out/xelatex.pdf $out/weasyprint.pdf"
