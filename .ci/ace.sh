#!/usr/bin/env bash
# Accessibility check of EPUBs with Ace by DAISY: fails when any EPUB has a serious or critical violation.
# Ace (an npm package) drives a headless browser through Puppeteer; it is installed once into a cache folder
# and runs Debian's Chromium, never a browser of its own.
#
# Usage: .ci/ace.sh EPUB...
set -euo pipefail
ACE_VERSION=1.4.6
[ "$#" -gt 0 ] || { echo "usage: $0 EPUB..." >&2; exit 2; }

need() { # a command, then the Debian packages that bring it
  local cmd="$1"
  shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "$@") >/dev/null 2>&1 || true
  fi
  command -v "$cmd" >/dev/null 2>&1
}
need chromium chromium || { echo "ace: chromium is not installed and could not be installed" >&2; exit 1; }
need npm nodejs npm || { echo "ace: npm is not installed and could not be installed" >&2; exit 1; }

home="${XDG_CACHE_HOME:-$HOME/.cache}/sheaf-ace/$ACE_VERSION"
ace="$home/node_modules/.bin/ace-cli"
if [ ! -x "$ace" ]; then
  mkdir -p "$home"
  PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
    npm install --prefix "$home" --no-audit --no-fund --loglevel=error "@daisy/ace-cli@$ACE_VERSION" >/dev/null
fi

export PUPPETEER_EXECUTABLE_PATH="$(command -v chromium)"
reports="$(mktemp -d)"
trap 'rm -rf "$reports"' EXIT
failed=0
passed=0
for epub in "$@"; do
  out="$reports/$(basename "$(dirname "$epub")")-$(basename "$epub" .epub)"
  if ! "$ace" --silent --force --outdir "$out" "$epub"; then
    echo "ace: $epub: Ace could not check it" >&2
    failed=$((failed + 1))
    continue
  fi
  # One line per rule: impact, rule, count, first place. Serious and critical ones fail the check.
  if ! node - "$out/report.json" "$epub" "$(dirname "$0")/ace-known" <<'EOF'
const fs = require('fs');
const path = require('path');
const [file, epub, knownFile] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
// ace-known: "<epub file name> <rule> <reason…>" per line, # for comments
const known = new Map(fs.readFileSync(knownFile, 'utf8').split('\n')
  .filter(l => l.trim() && !l.startsWith('#')).map(l => l.split(' '))
  .filter(([name]) => name === path.basename(epub)).map(([, rule, ...why]) => [rule, why.join(' ')]));
const rules = new Map();
for (const doc of report.assertions || []) {
  for (const a of doc.assertions || []) {
    const impact = a['earl:test']['earl:impact'];
    const key = impact + ' ' + a['earl:test']['dct:title'];
    const r = rules.get(key) || { impact, n: 0, where: doc['earl:testSubject']['url'] };
    r.n++;
    rules.set(key, r);
  }
}
let bad = 0;
for (const [key, r] of [...rules].sort()) {
  const rule = key.split(' ')[1];
  const serious = r.impact === 'serious' || r.impact === 'critical';
  const fatal = serious && !known.has(rule);
  bad += fatal ? r.n : 0;
  const label = fatal ? 'FAIL' : serious ? `known (${known.get(rule)})` : 'note';
  console.log(`ace: ${epub}: ${label} ${key} x${r.n} (first in ${r.where})`);
}
for (const rule of known.keys()) {
  if (![...rules.keys()].some(k => k.split(' ')[1] === rule)) {
    console.log(`ace: ${epub}: ${rule} is gone; take it off .ci/ace-known`);
  }
}
console.log(`ace: ${epub}: ${bad} serious or critical violations`);
process.exit(bad > 0 ? 1 : 0);
EOF
  then
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done
echo "ace: $passed passed, $failed failed"
[ "$failed" = 0 ]
