// `mvn -q package` on a valid book prints nothing at all, and still writes the editions.
// build.log also holds the invoker's own note about this script, and Maven's ANSI colour resets.
def log = new File(basedir, 'build.log').text
def maven = log.split('Running post-build script')[0].replaceAll(/\u001B\[[0-9;]*m/, '')
assert maven.trim().isEmpty() : "mvn -q package printed:\n${maven}"
assert new File(basedir, 'target/book/a-minimal-book.epub').isFile()
return true
