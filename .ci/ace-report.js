// Reads one Ace report and says whether the EPUB passes: no serious or critical violation outside .ci/ace-known.
// Prints one line per rule (impact, rule, count, first document) and a line of figures for docs/RELIABILITY.md.
// Usage: node ace-report.js REPORT.json EPUB ACE-KNOWN FIGURES-FILE; exit 0 pass, 1 violations, 2 no real report.
'use strict';
const fs = require('fs');
const path = require('path');

const [reportFile, epub, knownFile, figuresFile] = process.argv.slice(2);
const book = path.basename(epub);
const say = (s) => console.log(`ace: ${book}: ${s}`);

let report;
try {
  report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
} catch (e) {
  say(`FAIL Ace wrote no readable report (${e.message})`);
  process.exit(2);
}
// A report that checked no content document proves nothing (a browser that never opened a page, say).
const documents = (report.assertions || []).filter((d) => d['earl:testSubject'] && d['earl:testSubject'].url);
if (documents.length === 0 || !report.outlines || !report.outlines.headings) {
  say('FAIL Ace checked no content document, so its report proves nothing');
  process.exit(2);
}

// .ci/ace-known: "<epub file name> <rule> <why…>" per line, # starts a comment line.
const known = new Map(fs.readFileSync(knownFile, 'utf8').split('\n')
  .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
  .map((l) => l.trim().split(/\s+/))
  .filter(([name]) => name === book)
  .map(([, rule, ...why]) => [rule, why.join(' ')]));

const impacts = ['critical', 'serious', 'moderate', 'minor'];
const count = Object.fromEntries(impacts.map((i) => [i, 0]));
const rules = new Map(); // "impact rule" -> { impact, rule, n, where }
for (const doc of documents) {
  for (const a of doc.assertions || []) {
    if (a['earl:result'] && a['earl:result']['earl:outcome'] !== 'fail') {
      continue;
    }
    const impact = a['earl:test']['earl:impact'];
    const rule = a['earl:test']['dct:title'];
    const key = `${impact} ${rule}`;
    const r = rules.get(key) || { impact, rule, n: 0, where: doc['earl:testSubject'].url };
    r.n++;
    rules.set(key, r);
    count[impact] = (count[impact] || 0) + 1;
  }
}

let failing = 0;
for (const r of [...rules.values()].sort((a, b) => impacts.indexOf(a.impact) - impacts.indexOf(b.impact)
  || a.rule.localeCompare(b.rule))) {
  const serious = r.impact === 'serious' || r.impact === 'critical';
  const fails = serious && !known.has(r.rule);
  failing += fails ? r.n : 0;
  const label = fails ? 'FAIL' : serious ? `known (${known.get(r.rule)})` : 'note';
  say(`${label} ${r.impact} ${r.rule} x${r.n} (first in ${r.where})`);
}
for (const rule of known.keys()) {
  if (![...rules.values()].some((r) => r.rule === rule)) {
    say(`${rule} is listed in .ci/ace-known but Ace no longer reports it: take the line off`);
  }
}
say(`${documents.length} documents checked; critical ${count.critical}, serious ${count.serious}, `
  + `moderate ${count.moderate}, minor ${count.minor}; ${failing} violations fail the check`);
const ruleList = (impact) => [...rules.values()].filter((r) => r.impact === impact)
  .map((r) => `${r.rule} ×${r.n}${known.has(r.rule) ? ' (known)' : ''}`).join(', ');
const cell = (impact) => (count[impact] ? `${count[impact]} (${ruleList(impact)})` : '0');
fs.appendFileSync(figuresFile, `| ${book} | ${cell('critical')} | ${cell('serious')} | ${cell('moderate')} | `
  + `${cell('minor')} |\n`);
process.exit(failing > 0 ? 1 : 0);
