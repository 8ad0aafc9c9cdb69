#!/usr/bin/env python3
"""Append a sentence to a piece of a book that `sheaf build --watch` or `sheaf serve` is watching; report, for
each named output file, the seconds from the piece's modification time to the file's change time (Sheaf renames
finished files into place, which sets it). Usage: edit_and_time.py LOG PIECE MARKER OUTFILE...; waits (up to
300 s) for MARKER to appear once more in LOG (the rebuild's line). See docs/PERFORMANCE.md, "Live preview"."""
import os, sys, time
log, piece, marker, outs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def count():
    try: return open(log, errors='replace').read().count(marker)
    except FileNotFoundError: return 0
before = count()
time.sleep(1.0)
with open(piece, 'a') as f:
    f.write('\nAn added sentence, edited at %.3f.\n' % time.time())
changed = os.stat(piece).st_mtime_ns
deadline = time.time() + 300
while count() <= before and time.time() < deadline:
    time.sleep(0.02)
time.sleep(0.2)
res = []
for o in outs:
    try:
        m = os.stat(o).st_ctime_ns
        res.append('%s %.2f' % (os.path.basename(o), (m - changed) / 1e9))
    except FileNotFoundError:
        res.append('%s missing' % os.path.basename(o))
print(' '.join(res))
