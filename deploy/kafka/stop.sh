#!/usr/bin/env bash
# Stops the broker started by start.sh for this data dir: SIGTERM (a controlled shutdown), a wait of
# KAFKA_STOP_TIMEOUT seconds (30), then SIGKILL. Removes the pid file. Does nothing if it is not running.
#   deploy/kafka/stop.sh [--wipe]   --wipe also deletes KAFKA_DATA_DIR (topics, offsets, config, logs)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/env.sh"

wipe=false
for argument in "$@"; do
  case "$argument" in
    --wipe) wipe=true ;;
    -h | --help)
      sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "kafka: unknown option $argument (expected --wipe)" >&2
      exit 2
      ;;
  esac
done

stop_timeout="${KAFKA_STOP_TIMEOUT:-30}"

wait_for_exit() {
  local pid="$1" deadline=$((SECONDS + $2))
  while kafka_process_alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

kafka_lock_data_dir
broker_pid="$(kafka_running_pid)"
if [[ -n "$broker_pid" ]]; then
  started_at=$SECONDS
  echo "kafka: stopping broker (pid $broker_pid)"
  kill -TERM "$broker_pid" 2>/dev/null || true
  if ! wait_for_exit "$broker_pid" "$stop_timeout"; then
    echo "kafka: still running after ${stop_timeout}s, sending SIGKILL" >&2
    kill -KILL "$broker_pid" 2>/dev/null || true
    wait_for_exit "$broker_pid" 10 || { echo "kafka: pid $broker_pid survived SIGKILL" >&2; exit 1; }
  fi
  echo "kafka: stopped after $((SECONDS - started_at))s"
else
  echo "kafka: not running (data dir $KAFKA_DATA_DIR)"
fi
rm -f "$KAFKA_PID_FILE"

if [[ "$wipe" == true ]]; then
  # Guard the rm -rf against an empty or far-reaching KAFKA_DATA_DIR.
  data_dir="$(realpath -m "$KAFKA_DATA_DIR")"
  case "$data_dir" in
    / | "$(realpath -m "$HOME")" | /root | /home | /tmp | /work | /usr | /var | /etc)
      echo "kafka: refusing to wipe $data_dir" >&2
      exit 1
      ;;
  esac
  if [[ -d "$data_dir" ]]; then
    rm -rf "$data_dir"
    echo "kafka: wiped $data_dir"
  fi
fi
