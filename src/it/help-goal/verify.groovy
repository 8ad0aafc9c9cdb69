// `mvn sheaf:help -Ddetail` in an author project: the prefix resolves and every goal is described.
def log = new File(basedir, 'build.log').text
assert log.contains('This plugin has 3 goals:') : 'sheaf:help did not list the goals'
['sheaf:build', 'sheaf:check', 'sheaf:help'].each { assert log.contains(it) : "goal ${it} not listed" }
// -Ddetail lists every parameter with its user property and default.
assert log.contains('outputDirectory')
assert log.contains('User property: sheaf.outputDirectory')
assert log.contains('Default: ${project.build.directory}/book')
return true
