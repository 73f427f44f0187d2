#!/usr/bin/env bash
# Starts the service deployment on this machine: the Kafka broker, the topics, migrations and the seed catalog
# on PostgreSQL, then the gateway and the four stage services as separate processes, and waits until each one
# is ready, and prints an ingest API key. Idempotent: what already runs is left alone.
#
# Environment: DATABASE_URL (postgres://postgres@127.0.0.1:5432/test), DATABASE_SCHEMA (optional),
# KAFKA_BROKERS (127.0.0.1:9092), KAFKA_TOPIC_PREFIX (optional, e.g. "dev."), JDPIPE_STACK_DIR (.jdpipe/stack).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source-path=SCRIPTDIR source=services.sh
. deploy/local/services.sh

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
mkdir -p "$STACK_DIR"

[[ -f dist/apps/gateway/src/main.js ]] || npm run build
bash deploy/kafka/start.sh
topic_args=()
[[ -n "${KAFKA_TOPIC_PREFIX:-}" ]] && topic_args=(--prefix "${KAFKA_TOPIC_PREFIX%.}")
node deploy/kafka/topics.mjs "${topic_args[@]}"
node apps/jdpipe/bin/jdpipe.js db migrate

for service in "${SERVICES[@]}"; do
  pid_file="$STACK_DIR/$service.pid"
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "stack: $service already running (pid $(cat "$pid_file"))"
    continue
  fi
  HTTP_PORT="$(service_port "$service")" nohup node scripts/start-service.js "$service" >>"$STACK_DIR/$service.log" 2>&1 &
  echo $! >"$pid_file"
  echo "stack: started $service (pid $!, port $(service_port "$service"), log $STACK_DIR/$service.log)"
done

deadline=$((SECONDS + ${STACK_START_TIMEOUT:-60}))
for service in "${SERVICES[@]}"; do
  port="$(service_port "$service")"
  until curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
    if ((SECONDS > deadline)) || ! kill -0 "$(cat "$STACK_DIR/$service.pid")" 2>/dev/null; then
      echo "stack: $service is not ready; last lines of its log:" >&2
      tail -n 30 "$STACK_DIR/$service.log" >&2
      exit 1
    fi
    sleep 0.5
  done
done
# The API refuses postings without a key: keep one ingest key for this stack, and make a new one when the
# database no longer knows it.
gateway_url="http://127.0.0.1:$(service_port gateway)"
key_file="$STACK_DIR/ingest.key"
if [[ ! -s "$key_file" ]] || ! curl -fsS -H "Authorization: Bearer $(cat "$key_file")" "$gateway_url/v1/me" >/dev/null 2>&1; then
  node apps/jdpipe/bin/jdpipe.js keys create --name "local stack ingest" --role ingest >"$key_file" 2>/dev/null
  chmod 600 "$key_file"
fi
echo "stack: ready — POST postings to $gateway_url/v1/postings with this ingest key ($key_file):"
echo "  $(cat "$key_file")"
echo "  curl -H \"Authorization: Bearer \$(cat $key_file)\" -H 'content-type: application/json' --data @examples/data-analyst.json $gateway_url/v1/postings"
