import com.adobe.epubcheck.api.EpubCheck
import com.adobe.epubcheck.util.DefaultReportImpl

def book = new File(basedir, 'target/book')
def epub = new File(book, 'a-minimal-book.epub')
def pdf = new File(book, 'a-minimal-book.pdf')
assert epub.isFile() : "no EPUB in ${book}"
assert pdf.isFile() : "no PDF in ${book}"
def report = new DefaultReportImpl(epub.name)
new EpubCheck(epub, report).doValidate()
assert report.errorCount == 0 && report.fatalErrorCount == 0 && report.warningCount == 0 : 'EPUBCheck found problems'
def log = new File(basedir, 'build.log').text
assert log.contains('Sheaf: the book has no errors')
// Either order: the invoker installs the plugin into the local repository that other builds of it share.
assert log =~ /Sheaf: built \d+ files \((pdf, epub|epub, pdf), .*\) in [\d.]+ s into /
assert !log.contains('Sheaf: wrote') : 'the files written are listed only with -X'
return true
