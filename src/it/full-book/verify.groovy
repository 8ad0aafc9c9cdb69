import com.adobe.epubcheck.api.EpubCheck
import com.adobe.epubcheck.util.DefaultReportImpl
import java.util.zip.ZipFile
import org.apache.pdfbox.Loader

def book = new File(basedir, 'target/book')
def epub = new File(book, 'a-full-book.epub')
def report = new DefaultReportImpl(epub.name)
new EpubCheck(epub, report).doValidate()
assert report.errorCount == 0 && report.fatalErrorCount == 0 && report.warningCount == 0 : 'EPUBCheck found problems'

def zip = new ZipFile(epub)
def opf = zip.getInputStream(zip.getEntry('EPUB/package.opf')).text
assert opf.contains('<meta property="dcterms:modified">2025-02-03T04:05:06Z</meta>') : 'outputTimestamp not used'
assert zip.getEntry('EPUB/images/cover.png') != null
assert zip.getEntry('EPUB/fonts/NotoSerif-Regular.ttf') != null
def piece = zip.getInputStream(zip.getEntry('EPUB/text/strongmen.xhtml')).text
assert piece.contains('Strongmen are back (Rachman, 2021).') : 'APA inline citation missing'
zip.close()

def pdf = Loader.loadPDF(new File(book, 'a-full-book.pdf'))
pdf.pages.each { page -> page.resources.fontNames.each { n -> assert page.resources.getFont(n).isEmbedded() } }
pdf.close()

['bib', 'json', 'ris'].each { assert new File(book, "a-full-book.${it}").isFile() }

def repo = new File(localRepositoryPath, 'it/sheaf/full-book/1.0')
assert new File(repo, 'full-book-1.0.epub').isFile() : 'EPUB not installed as an artifact'
assert new File(repo, 'full-book-1.0.pdf').isFile() : 'PDF not installed as an artifact'
assert new File(repo, 'full-book-1.0-sources.bib').isFile() : 'BibTeX not installed as an artifact'
assert !repo.list().any { it.endsWith('.html') || it.endsWith('.css') } : "site files installed as artifacts: ${repo.list()}"
return true
