assert !new File(basedir, 'target/book').exists() : 'skip still built the book'
assert new File(basedir, 'build.log').text.contains('Sheaf: skipped (sheaf.skip)')
return true
