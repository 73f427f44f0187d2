#!/usr/bin/env bash
# Resolves the broker's jars with Maven into $JDPIPE_KAFKA_HOME/libs (default ~/.cache/jdpipe/kafka-<version>).
# Does nothing when that folder was already filled from the same pom.xml. Extra arguments go to mvn
# (e.g. -Dmaven.repo.local=/tmp/m2 for a cold run, or -o to stay offline).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/env.sh"

pom_digest="$(sha256sum "$KAFKA_POM" | cut -d ' ' -f 1)"

libs_are_current() {
  [[ -f "$KAFKA_FETCH_MARKER" && "$(cat "$KAFKA_FETCH_MARKER")" == "$pom_digest" ]]
}

if libs_are_current; then
  echo "kafka $KAFKA_VERSION: libs already in $KAFKA_LIBS_DIR"
  exit 0
fi

command -v mvn >/dev/null || { echo "kafka: mvn (Maven 3.8+) is required to fetch the broker" >&2; exit 1; }
mkdir -p "$KAFKA_HOME_DIR"

# Two fetches at once (parallel CI steps) must not interleave: the second waits, then finds the marker.
exec 9>"$KAFKA_HOME_DIR/.fetch.lock"
if command -v flock >/dev/null; then
  flock 9
  if libs_are_current; then
    echo "kafka $KAFKA_VERSION: libs already in $KAFKA_LIBS_DIR"
    exit 0
  fi
fi

echo "kafka $KAFKA_VERSION: fetching broker jars with Maven into $KAFKA_LIBS_DIR"
started_at="$(date +%s)"
# Filled in a staging folder and moved in whole, so an interrupted fetch never looks complete.
staging_dir="$(mktemp -d "$KAFKA_HOME_DIR/libs.staging.XXXXXX")"
trap 'rm -rf "$staging_dir"' EXIT

# Maven 3.8 prints colour resets even in batch mode; strip them (pipefail keeps mvn's exit status).
mvn -q -B -Dstyle.color=never -f "$KAFKA_POM" \
  dependency:copy-dependencies \
  -DoutputDirectory="$staging_dir" \
  -DincludeScope=runtime \
  "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'

if ! compgen -G "$staging_dir/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null; then
  echo "kafka: Maven finished but kafka_2.13-$KAFKA_VERSION.jar is missing from $staging_dir" >&2
  exit 1
fi

rm -rf "$KAFKA_LIBS_DIR"
mv "$staging_dir" "$KAFKA_LIBS_DIR"
chmod 755 "$KAFKA_LIBS_DIR"
echo "$pom_digest" >"$KAFKA_FETCH_MARKER"

jar_count="$(find "$KAFKA_LIBS_DIR" -name '*.jar' | wc -l)"
libs_size="$(du -sh "$KAFKA_LIBS_DIR" | cut -f 1)"
echo "kafka $KAFKA_VERSION: $jar_count jars, $libs_size, in $(($(date +%s) - started_at))s"
