# shellcheck shell=bash disable=SC2034 # sourced: the variables are used by the scripts that source it
# Settings shared by fetch.sh, start.sh and stop.sh; sourced, never run. Every path and port can be moved
# with an environment variable so that several brokers (or a CI job) can live side by side.

KAFKA_DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_POM="$KAFKA_DEPLOY_DIR/pom.xml"

# The pom is the single place the version is pinned.
KAFKA_VERSION="$(sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$KAFKA_POM" | head -n 1)"
if [[ -z "$KAFKA_VERSION" ]]; then
  echo "kafka: cannot read <kafka.version> from $KAFKA_POM" >&2
  exit 1
fi

KAFKA_HOME_DIR="${JDPIPE_KAFKA_HOME:-$HOME/.cache/jdpipe/kafka-$KAFKA_VERSION}"
KAFKA_LIBS_DIR="$KAFKA_HOME_DIR/libs"
KAFKA_FETCH_MARKER="$KAFKA_LIBS_DIR/.fetched"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$HOME/.cache/jdpipe/kafka-data}"
KAFKA_CONFIG_DIR="$KAFKA_DATA_DIR/config"
KAFKA_SERVER_PROPERTIES="$KAFKA_CONFIG_DIR/server.properties"
KAFKA_LOG4J_PROPERTIES="$KAFKA_CONFIG_DIR/log4j.properties"
KAFKA_LOG_DIRS="$KAFKA_DATA_DIR/kraft-combined-logs"
KAFKA_SERVER_LOG_DIR="$KAFKA_DATA_DIR/logs"
KAFKA_SERVER_LOG="$KAFKA_SERVER_LOG_DIR/server.log"
KAFKA_PID_FILE="$KAFKA_DATA_DIR/broker.pid"
# Beside the data dir, not in it: stop.sh --wipe deletes the data dir while holding the lock.
KAFKA_LOCK_FILE="${KAFKA_DATA_DIR%/}.lock"

# Serialises start.sh and stop.sh for one data dir (parallel test runs, two terminals) on fd 8, held
# until the script exits. The broker itself must not inherit fd 8 (start.sh closes it for the JVM).
kafka_lock_data_dir() {
  mkdir -p "$(dirname "$KAFKA_LOCK_FILE")"
  exec 8>"$KAFKA_LOCK_FILE"
  command -v flock >/dev/null || return 0
  if ! flock -w "${KAFKA_LOCK_TIMEOUT:-180}" 8; then
    echo "kafka: another start/stop of $KAFKA_DATA_DIR still holds $KAFKA_LOCK_FILE" >&2
    exit 1
  fi
}

# Prints the pid of the broker this data dir belongs to, or nothing. A pid file alone is not trusted: the
# process must be alive (not a zombie) and be kafka.Kafka started with this data dir's server.properties.
kafka_running_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 0
  local pid state cmdline
  pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" && -n "$state" ]] || return 0
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  if [[ "$cmdline" == *"kafka.Kafka $KAFKA_SERVER_PROPERTIES"* ]]; then
    echo "$pid"
  fi
}

kafka_process_alive() {
  local pid="$1" state
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != "Z" ]]
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
kafka_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

kafka_log_tail() {
  local lines="${1:-40}"
  if [[ -f "$KAFKA_SERVER_LOG" ]]; then
    echo "---- last $lines lines of $KAFKA_SERVER_LOG ----" >&2
    tail -n "$lines" "$KAFKA_SERVER_LOG" >&2
    echo "----" >&2
  else
    echo "(no log at $KAFKA_SERVER_LOG)" >&2
  fi
}
