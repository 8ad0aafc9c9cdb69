#!/usr/bin/env bash
# Accessibility check of EPUBs with Ace by DAISY: fails when an EPUB has a serious or critical violation that
# .ci/ace-known does not list, or when Ace cannot check it.
#
# Ace is an npm package that drives a headless browser through Puppeteer. This script brings what it needs on a
# machine that has none of it: Debian's chromium, nodejs and npm through apt (when root), then Ace with every
# dependency pinned by .ci/ace/package-lock.json into target/ace (never a global install, never a browser
# download: Puppeteer runs Debian's Chromium). Only when chromium, node, npm or Ace itself cannot be installed
# does it print a note and skip the check; everything after that (Ace failing on a book, a violation) fails.
#
# Usage: .ci/ace.sh EPUB...   Reports go to target/ace/reports, the figures to target/ace/figures.md.
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 EPUB..." >&2; exit 2; }
ci="$(cd "$(dirname "$0")" && pwd)"
work="$(cd "$ci/.." && pwd)/target/ace"
mkdir -p "$work"

skip() {
  echo "ace: NOTE: the accessibility check is SKIPPED, not passed: $*" >&2
  exit 0
}

# A command, then the Debian packages that bring it; apt only when the command is missing.
need() {
  local cmd="$1"
  shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ace: installing $* with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "$@") >"$work/apt.log" 2>&1 || tail -n 5 "$work/apt.log" >&2
  fi
  command -v "$cmd" >/dev/null 2>&1
}
need chromium chromium || skip "chromium is missing and could not be installed (apt-get install chromium)"
need node nodejs || skip "node is missing and could not be installed (apt-get install nodejs)"
need npm npm || skip "npm is missing and could not be installed (apt-get install npm)"
# Ace asks for node 20 but runs on 18, Debian 12's; Puppeteer, under it, needs 18.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || skip "node $(node --version) is older than 18, which Puppeteer needs"

# Install Ace once per lock file: a changed lock file installs again.
if ! cmp -s "$ci/ace/package-lock.json" "$work/package-lock.json" || [ ! -f "$work/node_modules/@daisy/ace-cli/bin/ace.js" ]; then
  echo "ace: installing @daisy/ace-cli as pinned by .ci/ace/package-lock.json into target/ace (npm $(npm --version), node $(node --version))"
  rm -rf "$work/node_modules" "$work/package-lock.json"
  cp "$ci/ace/package.json" "$ci/ace/package-lock.json" "$work/"
  if ! (cd "$work" && PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
      npm ci --no-audit --no-fund --loglevel=error --engine-strict=false >"$work/npm.log" 2>&1); then
    tail -n 20 "$work/npm.log" >&2
    rm -f "$work/package-lock.json"
    # Most often the registry cannot be reached: a fact about the machine, not about the EPUBs.
    skip "npm could not install Ace (log: target/ace/npm.log)"
  fi
fi
echo "ace: $(node "$work/node_modules/@daisy/ace-cli/bin/ace.js" --version 2>/dev/null | tail -n 1 || true)" \
  "on $(chromium --version 2>/dev/null | head -n 1), node $(node --version)"

export PUPPETEER_EXECUTABLE_PATH="$(command -v chromium)"
rm -rf "$work/reports"
mkdir -p "$work/reports"
figures="$work/figures.md"
printf '| EPUB | critical | serious | moderate | minor |\n| --- | --- | --- | --- | --- |\n' >"$figures"
failed=0
passed=0
for epub in "$@"; do
  out="$work/reports/$(basename "$(dirname "$epub")")-$(basename "$epub" .epub)"
  started=$SECONDS
  # A browser that hangs must not hang CI: ten minutes a book at most (one takes under a minute).
  if ! timeout 600 node "$work/node_modules/@daisy/ace-cli/bin/ace.js" --force --outdir "$out" "$epub" \
      >"$out.log" 2>&1; then
    tail -n 20 "$out.log" >&2
    echo "ace: $(basename "$epub"): FAIL Ace could not check it (log: $out.log)" >&2
    failed=$((failed + 1))
    continue
  fi
  echo "ace: $(basename "$epub"): checked in $((SECONDS - started)) s"
  if node "$ci/ace-report.js" "$out/report.json" "$epub" "$ci/ace-known" "$figures"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
cat "$figures"
echo "ace: $passed passed, $failed failed"
[ "$failed" = 0 ]
