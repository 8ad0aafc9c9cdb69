import com.adobe.epubcheck.api.EpubCheck
import com.adobe.epubcheck.util.DefaultReportImpl

import java.util.zip.ZipFile

def book = new File(basedir, 'target/book')
def log = new File(basedir, 'build.log').text
// The first build makes every page and handout; the second, after one piece's text changed, only that piece's pages
// and the handout of its chapter, and it takes the citations (the sources list, the book's citation, a "cite this"
// line per piece) as they were. The handouts are made beside the other editions: their count may come anywhere.
def reports = log.readLines().findAll { it.contains('Sheaf: read: ') }
assert reports.size() == 2 : "two reports of what was reused: $reports"
['read: 3 of 3 pieces parsed, 0 reused', 'citations: 5 of 5 citations and lists formatted, 0 reused',
 'EPUB: 3 of 3 pages compressed, 0 reused', 'handouts: 2 of 2 handouts laid out, 0 reused',
 'site: 3 of 3 piece pages written, 0 reused'].each { assert reports[0].contains(it) : "first build: $it" }
['read: 1 of 3 pieces parsed, 2 reused', 'citations: 0 of 5 citations and lists formatted, 5 reused',
 'EPUB: 1 of 3 pages compressed, 2 reused', 'handouts: 1 of 2 handouts laid out, 1 reused',
 'site: 1 of 3 piece pages written, 2 reused'].each {
    assert reports[1].contains(it) : "the second build did not reuse the unchanged pages, handouts and citations: $it"
}
assert new File(book, 'handouts/first.pdf').isFile() && new File(book, 'handouts/second.pdf').isFile()
assert !log.contains('editions are up to date') : 'the edit was not seen'

def epub = new File(book, 'a-rebuilt-book.epub')
def zip = new ZipFile(epub)
try {
    def beta = zip.getInputStream(zip.getEntry('EPUB/text/beta.xhtml')).text
    assert beta.contains('quillwort') : 'the EPUB lacks the edit'
    assert zip.getInputStream(zip.getEntry('EPUB/text/alpha.xhtml')).text.contains('The first piece')
} finally {
    zip.close()
}
def report = new DefaultReportImpl(epub.name)
new EpubCheck(epub, report).doValidate()
assert report.errorCount == 0 && report.fatalErrorCount == 0 && report.warningCount == 0 : 'EPUBCheck found problems'
assert new File(book, 'site/pieces/beta.html').text.contains('quillwort') : 'the site lacks the edit'
assert new File(book, '.sheaf-cache/CACHEDIR.TAG').isFile() : 'no build cache in the output folder'
return true
