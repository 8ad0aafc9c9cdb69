# Sourced by the benchmark scripts: Sheaf as a user runs it. install_sheaf JAR DIR [HEAP] installs the launcher
# (src/main/dist/bin/sheaf) with JAR in DIR/home, makes one build of the companion there (not measured: it writes
# the class-data archive lib/sheaf.jsa, as a user's first build does), and sets the array `sheaf` to the command
# that runs it, with JAVA_OPTS=-XmxHEAP when HEAP is given. The launcher then chooses the JVM's options for each
# command line as it does for a user (the class-data archive; the JIT's first tier for a single build on two
# processors or of a small book; the default for --watch and serve). Each command runs in a JVM of its own
# (SHEAF_RESIDENT=off, whether or not the benchmark runs on a terminal); the array `sheaf_resident` runs commands
# through a resident build process instead, with its socket in DIR/run, and stop_resident stops it.
install_sheaf() {
  local jar=$1 dir=$2 heap=${3:-}
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  mkdir -p "$dir/home/bin" "$dir/home/lib"
  cp "$repo/src/main/dist/bin/sheaf" "$dir/home/bin/sheaf"
  cp "$jar" "$dir/home/lib/sheaf.jar"
  rm -f "$dir/home/lib/sheaf.jsa"
  mkdir -p "$dir/run"
  chmod 700 "$dir/run"
  local opts=()
  [ -n "$heap" ] && opts=(JAVA_OPTS="-Xmx$heap")
  sheaf=(env SHEAF_RESIDENT=off ${opts[@]+"${opts[@]}"} sh "$dir/home/bin/sheaf")
  sheaf_resident=(env SHEAF_RESIDENT=on XDG_RUNTIME_DIR="$dir/run" ${opts[@]+"${opts[@]}"} sh "$dir/home/bin/sheaf")
  if ! "${sheaf[@]}" build "$repo" --out "$dir/first-build" --quiet > "$dir/first-build.log" 2>&1; then
    echo "bench: the first build (which writes the class-data archive) failed:" >&2
    tail -5 "$dir/first-build.log" >&2
    return 1
  fi
  rm -rf "$dir/first-build"
  [ -f "$dir/home/lib/sheaf.jsa" ] || echo "bench: no class-data archive was written" >&2
}

# Stops the resident build process that sheaf_resident started, if any.
stop_resident() {
  [ -n "${sheaf_resident+set}" ] || return 0
  "${sheaf_resident[@]}" resident --stop > /dev/null 2>&1 || true
}
