# Sourced by the benchmark scripts: Sheaf as a user runs it. install_sheaf JAR DIR [HEAP] installs the launcher
# (src/main/dist/bin/sheaf) with JAR in DIR/home, makes one build of the companion there (not measured: it writes
# the class-data archive lib/sheaf.jsa, as a user's first build does), and sets the array `sheaf` to the command
# that runs it, with JAVA_OPTS=-XmxHEAP when HEAP is given. The launcher then chooses the JVM's options for each
# command line as it does for a user (the class-data archive; the JIT's first tier for a single build on two
# processors or of a small book; the default for --watch and serve).
install_sheaf() {
  local jar=$1 dir=$2 heap=${3:-}
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  mkdir -p "$dir/home/bin" "$dir/home/lib"
  cp "$repo/src/main/dist/bin/sheaf" "$dir/home/bin/sheaf"
  cp "$jar" "$dir/home/lib/sheaf.jar"
  rm -f "$dir/home/lib/sheaf.jsa"
  if [ -n "$heap" ]; then
    sheaf=(env JAVA_OPTS="-Xmx$heap" sh "$dir/home/bin/sheaf")
  else
    sheaf=(sh "$dir/home/bin/sheaf")
  fi
  if ! "${sheaf[@]}" build "$repo" --out "$dir/first-build" --quiet > "$dir/first-build.log" 2>&1; then
    echo "bench: the first build (which writes the class-data archive) failed:" >&2
    tail -5 "$dir/first-build.log" >&2
    return 1
  fi
  rm -rf "$dir/first-build"
  [ -f "$dir/home/lib/sheaf.jsa" ] || echo "bench: no class-data archive was written" >&2
}
