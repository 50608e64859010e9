# Sourced by ./roast and ./test: sets ROAST_JAVA_HOME to a JDK >= 25 or fails.
# Looks at $JAVA_HOME, then /usr/lib/jvm/*, then the java on PATH, reading each
# JDK's `release` file (no JVM start) so that the search costs nothing.

roast_jdk_major() {  # prints the major version of the JDK at $1, or nothing
  local rel="$1/release" v
  [ -x "$1/bin/java" ] || return 0
  if [ -r "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$rel" | head -n 1)
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "$v" = 1 ] && v=8
  printf '%s' "$v"
}

roast_find_jdk() {
  local want=25 best="" best_v=0 d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(roast_jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$want" ]; then ROAST_JAVA_HOME="$JAVA_HOME"; return 0; fi
  fi
  for d in "${ROAST_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$d" ] || continue
    v=$(roast_jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge "$want" ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -n "$best" ]; then ROAST_JAVA_HOME="$best"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    v=$(roast_jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge "$want" ]; then ROAST_JAVA_HOME="$d"; return 0; fi
  fi
  echo "roast: no JDK >= $want found (looked at \$JAVA_HOME${JAVA_HOME:+=$JAVA_HOME}, ${ROAST_JVM_DIR:-/usr/lib/jvm}/*, and java on PATH); install JDK $want or set JAVA_HOME" >&2
  return 1
}
