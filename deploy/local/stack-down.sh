#!/usr/bin/env bash
# Stops what stack-up.sh started: the services first (SIGTERM, so in-flight work finishes or is handed back),
# then the broker. `--keep-broker` leaves Kafka running; `--wipe` also deletes the broker's data.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source-path=SCRIPTDIR source=services.sh
. deploy/local/services.sh

keep_broker=false
broker_args=()
for arg in "$@"; do
  case "$arg" in
    --keep-broker) keep_broker=true ;;
    --wipe) broker_args+=(--wipe) ;;
    *) echo "usage: stack-down.sh [--keep-broker] [--wipe]" >&2; exit 2 ;;
  esac
done

for service in "${SERVICES[@]}"; do
  pid_file="$STACK_DIR/$service.pid"
  [[ -f "$pid_file" ]] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "stack: stopped $service"
  fi
  rm -f "$pid_file"
done
[[ "$keep_broker" == true ]] || bash deploy/kafka/stop.sh "${broker_args[@]}"
