def log = new File(basedir, 'build.log').text
// The compiler's form, with an absolute path, which IDEs turn into a link to the line.
def bad = new File(basedir, 'chapters/essays/bad.md').canonicalPath
assert log.contains("[ERROR] ${bad}:[3,7] date \"sometime in 2020\" is not a date") : 'no located error in build.log'
assert log.contains('Sheaf found 1 problem of severity ERROR or higher')
assert !new File(basedir, 'target/book').exists() || new File(basedir, 'target/book').listFiles().findAll { !it.name.startsWith('.') }.isEmpty()
return true
