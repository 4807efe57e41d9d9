# Sourced by the bench scripts that run a Java benchmark against forensics-core's classes:
#   bench_classpath WORK SOURCE.java
# compiles forensics-core (unless CLASSES names other classes), writes its runtime classpath to
# WORK/classpath.txt, compiles SOURCE.java into WORK/bench-classes and sets RUN_CP to run it.
# Run from the project root.

quietly() { # run a command, showing its output only when it fails
  local out
  if ! out=$("$@" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
}

bench_classpath() {
  local work="$1" source="$2"
  if [[ -z "${CLASSES:-}" ]]; then
    quietly mvn -B -q -pl forensics-core -DskipTests compile
    CLASSES=forensics-core/target/classes
  fi
  quietly mvn -B -q -pl forensics-core dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/classpath.txt"
  local cp="$CLASSES:$(cat "$work/classpath.txt")"
  javac -nowarn -d "$work/bench-classes" -cp "$cp" "$source"
  RUN_CP="$work/bench-classes:$cp"
}
