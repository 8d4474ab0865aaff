# Sourced by ./mvnw, ./chassis and .ci/run (POSIX sh): selects a JDK 21+ and exports JAVA_HOME.
# Order: $JAVA_HOME, the java on PATH, then /usr/lib/jvm/* (newest first).
chassis_java_major() {
  # Prints the feature version of the java binary given (17, 21, 25...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//' | cut -d. -f1
}
chassis_select_jdk() {
  _chassis_path_jdk=""
  if command -v java >/dev/null 2>&1; then
    _chassis_path_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for _chassis_candidate in "${JAVA_HOME:-}" "$_chassis_path_jdk" \
      $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    [ -n "$_chassis_candidate" ] && [ -x "$_chassis_candidate/bin/java" ] && [ -x "$_chassis_candidate/bin/javac" ] || continue
    _chassis_major=$(chassis_java_major "$_chassis_candidate/bin/java")
    if [ -n "$_chassis_major" ] && [ "$_chassis_major" -ge 21 ]; then
      JAVA_HOME="$_chassis_candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "Chassis needs a JDK 21 or newer and found none (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
  echo "Install one (Debian: 'apt-get install openjdk-21-jdk'; or Temurin 21+ from https://adoptium.net) or set JAVA_HOME to it." >&2
  return 1
}
