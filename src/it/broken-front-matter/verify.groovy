def log = new File(basedir, 'build.log').text
assert log.contains('chapters/essays/bad.md:3:7: error: date "sometime in 2020" is not a date') : 'no located error in build.log'
assert log.contains('Sheaf found 1 problem of severity ERROR or higher')
assert !new File(basedir, 'target/book').exists() || new File(basedir, 'target/book').listFiles().findAll { !it.name.startsWith('.') }.isEmpty()
return true
