#!/usr/bin/env python3
"""Append a sentence to a piece of a book that `sheaf build --watch` or `sheaf serve` is watching and report, for
each named output file, the seconds from the piece's change (its modification time, taken when the write is
closed) to the moment the first new version of the output is in place.

Sheaf writes every file into a staging folder and renames it into place once the whole build has succeeded, so
the output's change time (ctime, set by the rename) is when its last byte is readable under its name; the
script polls every 5 ms for the first change of each output's inode or ctime and reports that ctime, not the
time of the poll. Outputs rewritten twice (the quick step, then the full build with the PDF) are reported at
their first new version; `--final` reports also the last one seen after MARKER has appeared COUNT times.

Usage: edit_and_time.py [--count N] [--final] [--first S] LOG PIECE MARKER OUTFILE...
  waits (up to 600 s) for MARKER to appear N more times in LOG (default 1: the rebuild's line) and for every
  output to change (at most 2 s more after MARKER: Sheaf leaves a file whose bytes stay the same as it was,
  reported "unchanged"). Prints one line: each output's name and delay, then the 1-minute load average at the edit.
  --first S: first an untimed edit of the same piece; once MARKER has appeared for it (its quick step is in place),
  S seconds later the timed one (an author saving twice: with S shorter than the full build that follows the first
  edit, the second edit arrives while that edit's PDF is being made).
See docs/PERFORMANCE.md, "Live preview"."""
import os, sys, time

args = sys.argv[1:]
count_wanted, final, first_after = 1, False, None
while args and args[0].startswith('--'):
    if args[0] == '--count':
        count_wanted = int(args[1]); args = args[2:]
    elif args[0] == '--first':
        first_after = float(args[1]); args = args[2:]
    elif args[0] == '--final':
        final = True; args = args[1:]
    else:
        sys.exit('edit_and_time.py: unknown option ' + args[0])
log, piece, marker, outs = args[0], args[1], args[2], args[3:]


def count():
    try:
        with open(log, errors='replace') as f:
            return f.read().count(marker)
    except FileNotFoundError:
        return 0


def version(path):
    try:
        s = os.stat(path)
        return (s.st_ino, s.st_ctime_ns)
    except FileNotFoundError:
        return None


if first_after is not None:
    seen = count()
    with open(piece, 'a') as f:
        f.write('\nA first added sentence, edited at %.3f.\n' % time.time())
    deadline = time.time() + 600
    while count() < seen + 1 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(first_after)
before = count()
old = {o: version(o) for o in outs}
time.sleep(1.0 if first_after is None else 0.0)
load = os.getloadavg()[0]
with open(piece, 'a') as f:
    f.write('\nAn added sentence, edited at %.3f.\n' % time.time())
changed = os.stat(piece).st_mtime_ns
first, last = {}, {}
deadline = time.time() + 600
done_at = None
while time.time() < deadline:
    for o in outs:
        v = version(o)
        if v is not None and v != old[o]:
            first.setdefault(o, v[1])
            last[o] = v[1]
    if done_at is None and count() >= before + count_wanted:
        done_at = time.time()
    # An output the rebuild leaves as it was (same bytes, so not rewritten) is reported unchanged.
    if done_at is not None and (len(first) == len(outs) or time.time() > done_at + 2):
        break
    time.sleep(0.005)
res = []
for o in outs:
    name = os.path.basename(o)
    if o not in first:
        res.append('%s unchanged' % name)
    elif final and last[o] != first[o]:
        res.append('%s %.2f (last %.2f)' % (name, (first[o] - changed) / 1e9, (last[o] - changed) / 1e9))
    else:
        res.append('%s %.2f' % (name, (first[o] - changed) / 1e9))
print(' '.join(res) + ' load %.2f' % load)
