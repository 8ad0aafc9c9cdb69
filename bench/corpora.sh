#!/usr/bin/env bash
# Rebuilds the real-world corpus books in src/test/corpora/ from their public repositories (run by hand,
# not in CI; the converted books are committed). See bench/corpora.py for what the conversion does.
#
# Usage: bench/corpora.sh [--git-root DIR] [NAME ...]
#   --git-root  folder of bare clones named <owner>+<name>.git (or <owner>+<name>/repo); missing clones are
#               made there with `git clone --bare`, and the pinned commit is fetched when absent
#               (default: ${XDG_CACHE_HOME:-$HOME/.cache}/sheaf-corpora)
#   NAME        rust-blog, rust-book-zh, fastapi-docs, commonmark-spec, vue-guide-fa (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
root="${XDG_CACHE_HOME:-$HOME/.cache}/sheaf-corpora"
if [ "${1:-}" = "--git-root" ]; then
  root="$2"
  shift 2
fi
mkdir -p "$root"
python3 bench/corpora.py --list "$@" | while read -r repo commit; do
  dir="$root/${repo/\//+}"
  if [ ! -d "$dir/repo" ] && [ ! -d "$dir.git" ]; then
    git clone --quiet --bare "https://github.com/$repo" "$dir.git"
  fi
  gitdir="$dir.git"
  [ -d "$dir/repo" ] && gitdir="$dir/repo"
  if ! git --git-dir "$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    git --git-dir "$gitdir" fetch --quiet origin "$commit"
  fi
done
python3 bench/corpora.py --git-root "$root" --out src/test/corpora "$@"
