#!/usr/bin/env python3
"""Turns public Markdown collections into Sheaf books under src/test/corpora/ (standard library only).

Each collection is read from a bare clone of its repository at a pinned commit (git show / git ls-tree, so
no work tree is needed). The Markdown bodies are kept as their authors wrote them; the conversion only
  * writes Sheaf front matter (title, date, authors) from the source's own (YAML, TOML) or from its first
    heading, which is then dropped from the body because Sheaf prints the title;
  * copies the images a piece uses from the repository into the book and points the piece at the copy
    (site-absolute paths such as /images/x.png, or the site's own URL, resolved the way the site resolves
    them); images not found in the repository and remote images are left as written;
  * records the source repository, commit, licence and the files taken in SOURCE.md, with the licence texts.

Usage: corpora.py --git-root DIR --out DIR [name ...]
  DIR/<owner>+<name>/repo (or DIR/<owner>+<name>.git) must be a clone holding the pinned commit.
"""

import argparse
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tomllib

MAX_IMAGE_BYTES = 400_000


class Repo:
    def __init__(self, root, slug, commit):
        self.slug = slug
        self.commit = commit
        owner_name = slug.replace('/', '+')
        for cand in (os.path.join(root, owner_name, 'repo'), os.path.join(root, owner_name + '.git'),
                     os.path.join(root, owner_name)):
            if os.path.isdir(cand):
                self.git_dir = cand
                break
        else:
            sys.exit(f'no clone of {slug} under {root} (clone it bare: git clone --bare https://github.com/{slug})')
        self._files = None

    def git(self, *args, binary=False):
        out = subprocess.run(['git', '--git-dir', self.git_dir, *args], check=True, capture_output=True).stdout
        return out if binary else out.decode('utf-8')

    def files(self):
        if self._files is None:
            self._files = {}
            for line in self.git('ls-tree', '-r', '-l', self.commit).splitlines():
                meta, path = line.split('\t', 1)
                size = meta.split()[3]
                self._files[path] = int(size) if size.isdigit() else 0
        return self._files

    def read(self, path):
        return self.git('show', f'{self.commit}:{path}', binary=True)

    def text(self, path):
        return self.read(path).decode('utf-8')

    def date(self):
        return self.git('show', '-s', '--format=%cs', self.commit).strip()


def yaml_str(s):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(s, ensure_ascii=False)


def slugify(s):
    s = re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')
    return s[:60] or 'piece'


def split_front_matter(text):
    """(kind, front matter text, body) for YAML (---) or TOML (+++) front matter."""
    for fence, closers, kind in (('---', ('---', '...'), 'yaml'), ('+++', ('+++',), 'toml')):
        if text.startswith(fence + '\n'):
            ends = [e for e in (text.find('\n' + c + '\n', len(fence)) for c in closers) if e > 0]
            if ends:
                end = min(ends)
                return kind, text[len(fence) + 1:end], text[end + len(fence) + 2:]
    return None, '', text


def simple_yaml(text):
    """Top-level 'key: value' pairs of simple YAML front matter (enough for titles and dates)."""
    out = {}
    for line in text.splitlines():
        m = re.match(r'^([A-Za-z_][\w-]*):\s*(.*)$', line)
        if m:
            v = m.group(2).strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in '"\'':
                v = v[1:-1]
            out[m.group(1)] = v
    return out


def take_title(body):
    """The first ATX level-1 heading as the title, and the body without it."""
    lines = body.split('\n')
    in_fence = False
    for i, line in enumerate(lines):
        if re.match(r'^\s*(```|~~~)', line):
            in_fence = not in_fence
        if not in_fence and re.match(r'^# \S', line):
            title = re.sub(r'\s*\{[#.][^}]*\}\s*$', '', line[2:]).strip()
            return title, '\n'.join(lines[:i] + lines[i + 1:]).lstrip('\n')
        if not in_fence and line.strip() and not line.startswith('<') and i > 40:
            break
    return None, body


IMAGE_FILE = re.compile(r'\.(png|jpe?g|gif|svg|webp)$', re.I)
IMAGE_MD = re.compile(r'(!\[[^\]]*\]\()(\s*<?)([^)\s>]+)(>?(?:\s+"[^"]*")?\s*\))')
IMAGE_REF = re.compile(r'^( {0,3}\[[^\]]+\]:\s*<?)([^\s>]+\.(?:png|jpe?g|gif|svg|webp))(>?.*)$', re.I | re.M)
IMAGE_HTML = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")', re.I)


class Book:
    def __init__(self, out_root, name):
        self.dir = os.path.join(out_root, name)
        self.images = {}  # repo path -> book path
        self.taken = []

    def reset(self):
        if os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir)

    def write(self, rel, data):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

    def image(self, repo, repo_path):
        """The book path of an image copied from the repository, or None when it is missing or too large."""
        size = repo.files().get(repo_path)
        if size is None or size > MAX_IMAGE_BYTES:
            return None
        if repo_path not in self.images:
            book_path = 'images/' + repo_path.replace('/', '-')[-80:]
            self.write(book_path, repo.read(repo_path))
            self.images[repo_path] = book_path
        return self.images[repo_path]

    def piece(self, chapter, slug, meta, body, repo, source_path, resolve):
        """Writes chapters/<chapter>/<slug>.md; resolve(src) gives the repository path of an image or None."""
        rel = f'chapters/{chapter}/{slug}.md'

        def fix(src):
            repo_path = resolve(src)
            book_path = self.image(repo, repo_path) if repo_path else None
            return posixpath.relpath(book_path, posixpath.dirname(rel)) if book_path else src

        body = IMAGE_MD.sub(lambda m: m.group(1) + m.group(2) + fix(m.group(3)) + m.group(4), body)
        body = IMAGE_HTML.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), body)
        body = IMAGE_REF.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), body)
        fm = ['---']
        for k, v in meta.items():
            if isinstance(v, bool):
                fm.append(f'{k}: {"true" if v else "false"}')
            elif isinstance(v, list):
                fm.append(f'{k}: [' + ', '.join(yaml_str(x) for x in v) + ']')
            else:
                fm.append(f'{k}: {yaml_str(str(v))}')
        fm.append('---\n')
        self.write(rel, '\n'.join(fm) + '\n' + body.lstrip('\n'))
        self.taken.append((source_path, rel))


def resolver(repo, base_dir, site_roots=(), site_urls=()):
    """Resolves an image reference as the site does: relative to the page, or from the site's root folders."""
    def resolve(src):
        src = src.split('#')[0].split('?')[0]
        for url in site_urls:
            if src.startswith(url):
                src = '/' + src[len(url):].lstrip('/')
        if re.match(r'^[a-z]+:', src, re.I) or not src:
            return None
        if src.startswith('/'):
            for root in site_roots:
                p = posixpath.normpath(posixpath.join(root, src.lstrip('/')))
                if p in repo.files():
                    return p
            return None
        p = posixpath.normpath(posixpath.join(base_dir, src))
        return p if p in repo.files() else None
    return resolve


# ---------------------------------------------------------------------------------------------------------
# The collections


def rust_blog(repo, book):
    """Two posts a year from the Rust blog, plus posts kept in folders with their own images."""
    posts = []
    for path in repo.files():
        if not path.startswith('content/') or not path.endswith('.md') or path.endswith('_index.md'):
            continue
        if path.count('/') > 2 or (path.count('/') == 2 and not path.endswith('/index.md')):
            continue
        kind, fm, body = split_front_matter(repo.text(path))
        if kind != 'toml':
            continue
        meta = tomllib.loads(fm)
        m = re.match(r'(?:inside-rust/)?(\d{4})/(\d\d)/(\d\d)/', meta.get('path', ''))
        if not m:
            continue
        posts.append((f'{m.group(1)}-{m.group(2)}-{m.group(3)}', path, meta, body))
    posts.sort()
    chosen, per_year = [], {}
    for date, path, meta, body in posts:
        if path.endswith('/index.md'):
            continue
        year = date[:4]
        if per_year.get(year, 0) < 2:
            per_year[year] = per_year.get(year, 0) + 1
            chosen.append((date, path, meta, body))
    folder_posts = [p for p in posts if p[1].endswith('/index.md')]
    for p in folder_posts:
        d = posixpath.dirname(p[1])
        images = [s for f, s in repo.files().items() if f.startswith(d + '/') and IMAGE_FILE.search(f)]
        assets = sum(images)
        big = not images or max(images) > MAX_IMAGE_BYTES
        if assets < 500_000 and not big and len([c for c in chosen if c[1].endswith("/index.md")]) < 4:
            chosen.append(p)
    chosen.sort()
    for date, path, meta, body in chosen:
        slug = slugify(posixpath.basename(posixpath.dirname(path)) if path.endswith('/index.md')
                       else posixpath.basename(path)[:-3])
        fm = {'title': meta['title'], 'date': date}
        authors = meta.get('authors') or []
        if len(authors) == 1:
            fm['author'] = authors[0]
        elif authors:
            fm['authors'] = authors
        fm['outlet'] = 'Rust Blog'
        fm['url'] = 'https://blog.rust-lang.org/' + meta['path'].strip('/') + '/'
        if meta.get('description'):
            fm['subtitle'] = meta['description']
        book.piece(date[:4], slug, fm, body, repo, path,
                   resolver(repo, posixpath.dirname(path), site_roots=('static',),
                            site_urls=('https://blog.rust-lang.org',)))


def book_cn(repo, book):
    """The first four chapters of the Chinese translation of The Rust Programming Language."""
    summary = repo.text('src/SUMMARY.md')
    files = re.findall(r'\]\((ch0[1-4]-\d\d-[^)]+\.md)\)', summary)
    date = repo.date()
    for f in files:
        path = 'src/' + f
        title, body = take_title(repo.text(path))
        chapter = f[:4]
        fm = {'title': title or f, 'date': date, 'date_estimated': True,
              'date_basis': 'date of the source commit'}
        book.piece(chapter, slugify(f[:-3]), fm, body, repo, path, resolver(repo, 'src'))


def fastapi(repo, book):
    """FastAPI's English introduction and the first part of its tutorial, in the order of the site's menu."""
    nav = repo.text('docs/en/mkdocs.yml')
    start = nav.index('\nnav:')
    pages = re.findall(r'^\s*- (?:[^:\n]+: )?([\w/.-]+\.md)\s*$', nav[start:], re.M)
    # async.md is left out: its fourteen drawings alone weigh 2.6 MB.
    wanted = [p for p in pages if p in ('index.md', 'features.md', 'python-types.md')
              or p.startswith('tutorial/')][:26]
    date = repo.date()
    for p in wanted:
        path = 'docs/en/docs/' + p
        if path not in repo.files():
            continue
        title, body = take_title(repo.text(path))
        kind, fm_text, body = split_front_matter(body) if body.startswith(('---\n', '+++\n')) else (None, '', body)
        if title is None:
            title, body = take_title(body)
        chapter = 'tutorial' if p.startswith('tutorial/') else 'introduction'
        fm = {'title': title or p, 'date': date, 'date_estimated': True, 'date_basis': 'date of the source commit'}
        book.piece(chapter, slugify(p[:-3]), fm, body, repo, path,
                   resolver(repo, posixpath.dirname(path), site_roots=('docs/en/docs',),
                            site_urls=('https://fastapi.tiangolo.com',)))


def commonmark_spec(repo, book):
    """The CommonMark specification with all its examples, one piece per second-level section."""
    kind, fm_text, body = split_front_matter(repo.text('spec.txt'))
    meta = simple_yaml(fm_text)
    date = meta.get('date') or repo.date()
    lines = body.split('\n')
    sections, chapter, current, in_fence, fence = [], 'preface', ['Introduction', []], False, ''
    for line in lines:
        m = re.match(r'^(`{3,}|~{3,})', line)
        if m and (not in_fence or (line.strip().startswith(fence) and line.strip() == line.strip()[0] * len(line.strip()))):
            if not in_fence:
                in_fence, fence = True, m.group(1)
            elif line.strip() == fence[0] * len(line.strip()) and len(line.strip()) >= len(fence):
                in_fence = False
        if not in_fence and re.match(r'^#{1,2} \S', line):
            if current[1] and ''.join(current[1]).strip():
                sections.append((chapter, current[0], current[1]))
            if line.startswith('# '):
                chapter = line[2:].strip()
            current = [line.lstrip('#').strip(), []]
            continue
        current[1].append(line)
    if current[1]:
        sections.append((chapter, current[0], current[1]))
    chapters = []
    for chapter, title, body_lines in sections:
        if chapter not in chapters:
            chapters.append(chapter)
        n = chapters.index(chapter) + 1
        folder = f'{n:02d}-{slugify(chapter)}'
        fm = {'title': title, 'date': date, 'author': meta.get('author', 'John MacFarlane')}
        book.piece(folder, f'{len(book.taken):03d}-{slugify(title)}', fm, '\n'.join(body_lines), repo, 'spec.txt',
                   resolver(repo, ''))


def vue_fa(repo, book):
    """The Persian translation of Vue's guide: getting started, essentials and components, without images
    (the repository's images have their own licences)."""
    order = ['introduction', 'quick-start', 'essentials/application', 'essentials/template-syntax',
             'essentials/reactivity-fundamentals', 'essentials/computed', 'essentials/class-and-style',
             'essentials/conditional', 'essentials/list', 'essentials/event-handling', 'essentials/forms',
             'essentials/watchers', 'essentials/template-refs', 'essentials/component-basics',
             'components/registration', 'components/props', 'components/events', 'components/v-model',
             'components/attrs', 'components/provide-inject', 'components/async']
    date = repo.date()
    for name in order:
        path = f'src/guide/{name}.md'
        if path not in repo.files():
            continue
        text = repo.text(path)
        kind, fm_text, body = split_front_matter(text)
        if IMAGE_MD.search(body) and any(resolver(repo, posixpath.dirname(path))(m.group(3))
                                         for m in IMAGE_MD.finditer(body)):
            continue
        title, body = take_title(body)
        chapter = name.split('/')[0] if '/' in name else 'getting-started'
        fm = {'title': title or name, 'date': date, 'date_estimated': True, 'date_basis': 'date of the source commit'}
        book.piece(chapter, slugify(name.split('/')[-1]), fm, body, repo, path, lambda src: None)


CORPORA = {
    'rust-blog': dict(
        repo='rust-lang/blog.rust-lang.org', commit='0243724c2e50ad2b7ebd3d9dbc7cd88aed7605a3',
        licence='MIT OR Apache-2.0', licence_files=['LICENSE-MIT', 'LICENSE-APACHE'],
        title='The Rust Blog: a selection', author='The Rust Project', language='en',
        what='two posts a year from 2014 on and four posts kept in folders with their own images',
        base_url='https://blog.rust-lang.org/',
        convert=rust_blog),
    'rust-book-zh': dict(
        repo='rust-lang-cn/book-cn', commit='cde74c448e301ce8ac7960a0d3dc879efd83635d',
        licence='MIT OR Apache-2.0', licence_files=['LICENSE-MIT', 'LICENSE-APACHE'],
        title='Rust 程序设计语言（第一至四章）', author='Steve Klabnik, Carol Nichols; Rust 中文社区译', language='zh-CN',
        what='chapters 1 to 4 as listed in src/SUMMARY.md, with their SVG figures',
        convert=book_cn),
    'fastapi-docs': dict(
        repo='fastapi/fastapi', commit='c3f316b7e814667e8ee81e03a7330d00ee61e45c',
        licence='MIT', licence_files=['LICENSE'],
        title='FastAPI: introduction and tutorial', author='Sebastián Ramírez and contributors', language='en',
        what='docs/en/docs: index, features, python-types and the tutorial pages in menu order '
             '(26 pages in all), with the images they use that the repository holds',
        base_url='https://fastapi.tiangolo.com/',
        convert=fastapi),
    'commonmark-spec': dict(
        repo='commonmark/commonmark-spec', commit='31c0ca2d294ea60ab4438004da410e2e590a46f2',
        licence='CC-BY-SA-4.0', licence_files=['LICENSE'],
        title='CommonMark Spec', author='John MacFarlane', language='en',
        what='spec.txt whole, split at its first- and second-level headings, every example kept',
        base_url='https://spec.commonmark.org/0.31.2/',
        convert=commonmark_spec),
    'vue-guide-fa': dict(
        repo='vuejs-translations/docs-fa', commit='7a05ce60d696662e11a3bd1894616ff42ff4564b',
        licence='CC-BY-4.0 (text; images excluded)', licence_files=['LICENSE'],
        title='راهنمای Vue', author='Evan You and the Vue documentation contributors', language='fa',
        what='src/guide: introduction, quick start, essentials and components pages that use no image '
             '(the repository licenses its text, not its images, under CC BY 4.0)',
        base_url='https://fa.vuejs.org/',
        convert=vue_fa),
}


def build(name, spec, git_root, out_root):
    repo = Repo(git_root, spec['repo'], spec['commit'])
    book = Book(out_root, name)
    book.reset()
    spec['convert'](repo, book)
    date = repo.date()
    book.write('book.yaml', '\n'.join([
        f'title: {yaml_str(spec["title"])}',
        f'author: {yaml_str(spec["author"])}',
        f'language: {spec["language"]}',
        f'date: "{date}"',
        *([f'base-url: {spec["base_url"]}'] if spec.get('base_url') else []),
        f'rights: {yaml_str("Licence: " + spec["licence"] + ". Source: https://github.com/" + spec["repo"] + " at commit " + spec["commit"][:12] + ".")}',
        f'description: {yaml_str("Converted for Sheaf tests from " + spec["repo"] + ": " + spec["what"] + ".")}',
        '']))
    for f in spec['licence_files']:
        book.write(f, repo.read(f))
    lines = [f'# {spec["title"]}', '',
             f'- Source: https://github.com/{spec["repo"]}',
             f'- Commit: {spec["commit"]} ({date})',
             f'- Licence: {spec["licence"]} (' + ', '.join(spec['licence_files']) + ' in this folder)',
             f'- Taken: {spec["what"]}',
             *([f'- Site: {spec["base_url"]} (`base-url:` in book.yaml, for links to pages not in this book)']
               if spec.get('base_url') else []),
             '- Converted by `bench/corpora.sh`: Sheaf front matter written from the source\'s own (or from the first '
             'heading, then removed from the body), images the pages use copied from the repository into `images/`; '
             'the Markdown is otherwise as its authors wrote it.',
             '', '| source file | piece |', '| --- | --- |']
    lines += [f'| `{s}` | `{r}` |' for s, r in book.taken]
    if book.images:
        lines += ['', '| source image | copy |', '| --- | --- |']
        lines += [f'| `{s}` | `{b}` |' for s, b in sorted(book.images.items())]
    book.write('SOURCE.md', '\n'.join(lines) + '\n')
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(book.dir) for f in fs)
    print(f'{name}: {len(book.taken)} pieces, {len(book.images)} images, {size / 1e6:.2f} MB')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--git-root')
    ap.add_argument('--out')
    ap.add_argument('--list', action='store_true', help='print "owner/name commit" for each collection and stop')
    ap.add_argument('names', nargs='*')
    args = ap.parse_args()
    if args.list:
        for name in args.names or CORPORA:
            print(CORPORA[name]['repo'], CORPORA[name]['commit'])
        return
    if not args.git_root or not args.out:
        ap.error('--git-root and --out are required')
    for name in args.names or CORPORA:
        build(name, CORPORA[name], args.git_root, args.out)


if __name__ == '__main__':
    main()
