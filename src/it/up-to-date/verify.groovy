def log = new File(basedir, 'build.log').text
assert log.contains('Sheaf: built ') : 'first build did not build'
assert log.contains('Sheaf: editions are up to date') : 'second build was not skipped'
return true
