#!/usr/bin/env bash
# Starts a single-node KRaft Kafka broker (combined broker + controller, node.id=1) on 127.0.0.1 in the
# background and waits until it answers. Fetches the jars first if needed and formats the storage once.
# A broker already running for this data dir is left alone.
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_DATA_DIR (~/.cache/jdpipe/kafka-data),
# JDPIPE_KAFKA_HOME (~/.cache/jdpipe/kafka-<version>), KAFKA_PARTITIONS (6, broker default for new topics),
# KAFKA_HEAP_OPTS (-Xms256m -Xmx512m), KAFKA_OPTS (extra JVM options), KAFKA_START_TIMEOUT (90 seconds).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/env.sh"

start_timeout="${KAFKA_START_TIMEOUT:-90}"
default_partitions="${KAFKA_PARTITIONS:-6}"
heap_opts="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
extra_jvm_opts="${KAFKA_OPTS:-}"

# Node + kafkajs give a real metadata round trip; without them, fall back to the port plus the log line
# the broker writes once every component is up.
use_kafkajs_probe=false
if command -v node >/dev/null &&
  (cd "$KAFKA_DEPLOY_DIR" && node --input-type=module -e "await import('kafkajs')" >/dev/null 2>&1); then
  use_kafkajs_probe=true
fi

broker_answers() {
  kafka_port_open "$KAFKA_PORT" || return 1
  if [[ "$use_kafkajs_probe" == true ]]; then
    KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" node "$KAFKA_DEPLOY_DIR/ready.mjs" --quiet
  else
    grep -q 'Kafka Server started' "$KAFKA_SERVER_LOG" 2>/dev/null
  fi
}

wait_until_ready() {
  local pid="$1" deadline=$((SECONDS + start_timeout))
  until broker_answers; do
    if ! kafka_process_alive "$pid"; then
      echo "kafka: the broker (pid $pid) exited during startup" >&2
      kafka_log_tail 60
      rm -f "$KAFKA_PID_FILE"
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "kafka: no answer on 127.0.0.1:$KAFKA_PORT within ${start_timeout}s (pid $pid is still running;" \
        "stop it with deploy/kafka/stop.sh)" >&2
      kafka_log_tail 60
      exit 1
    fi
    sleep 0.5
  done
}

report_ready() {
  echo "kafka $KAFKA_VERSION ready on 127.0.0.1:$KAFKA_PORT (pid $1, data $KAFKA_DATA_DIR, log $KAFKA_SERVER_LOG)"
}

kafka_lock_data_dir
running_pid="$(kafka_running_pid)"
if [[ -n "$running_pid" ]]; then
  wait_until_ready "$running_pid"
  echo "kafka: already running"
  report_ready "$running_pid"
  exit 0
fi
rm -f "$KAFKA_PID_FILE"

command -v java >/dev/null || { echo "kafka: java (17+) is required" >&2; exit 1; }
for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if kafka_port_open "$port"; then
    echo "kafka: 127.0.0.1:$port is taken by another process (not the broker of $KAFKA_DATA_DIR);" \
      "stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT" >&2
    exit 1
  fi
done

"$KAFKA_DEPLOY_DIR/fetch.sh"

mkdir -p "$KAFKA_CONFIG_DIR" "$KAFKA_LOG_DIRS" "$KAFKA_SERVER_LOG_DIR"

# Rewritten on every start so that a changed port or script takes effect; the storage keeps its identity
# (cluster id, node id) in meta.properties, not here.
cat >"$KAFKA_SERVER_PROPERTIES" <<PROPERTIES
# Written by deploy/kafka/start.sh on each start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_LOG_DIRS

# One node: every internal topic lives on it alone.
num.partitions=$default_partitions
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
# Fewer than the default 50 partitions makes the first consumer group of a fresh broker join faster.
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Same reason: the first idempotent or transactional producer waits for these partitions to load.
transaction.state.log.num.partitions=10

# Topics are provisioned as code (deploy/kafka/topics.mjs); a typo must fail, not create a topic.
auto.create.topics.enable=false
delete.topic.enable=true
group.initial.rebalance.delay.ms=0

log.retention.hours=168
log.retention.check.interval.ms=300000
num.recovery.threads.per.data.dir=1
PROPERTIES

cat >"$KAFKA_LOG4J_PROPERTIES" <<'PROPERTIES'
# Written by deploy/kafka/start.sh; the broker's stdout goes to logs/server.log.
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.storage.internals.log=WARN
PROPERTIES

classpath="$KAFKA_LIBS_DIR/*"
jvm_common_opts=(-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$KAFKA_LOG4J_PROPERTIES" "-Dkafka.logs.dir=$KAFKA_SERVER_LOG_DIR")

# Format once: meta.properties marks formatted storage and holds the cluster id for every later start.
if [[ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]]; then
  # A KRaft cluster id is 16 random bytes in URL-safe base64 without padding; one starting with '-'
  # would read as an option on the command line, so draw again.
  cluster_id="-"
  while [[ "$cluster_id" == -* ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  done
  echo "kafka: formatting $KAFKA_LOG_DIRS (cluster id $cluster_id)"
  # shellcheck disable=SC2086 # heap_opts holds several JVM options
  if ! java $heap_opts "${jvm_common_opts[@]}" -cp "$classpath" kafka.tools.StorageTool \
    format --ignore-formatted -t "$cluster_id" -c "$KAFKA_SERVER_PROPERTIES" >"$KAFKA_SERVER_LOG_DIR/format.log" 2>&1; then
    echo "kafka: formatting the storage failed:" >&2
    cat "$KAFKA_SERVER_LOG_DIR/format.log" >&2
    exit 1
  fi
fi

# Keep the previous run's log for post-mortems; start this one clean.
if [[ -f "$KAFKA_SERVER_LOG" ]]; then
  mv -f "$KAFKA_SERVER_LOG" "$KAFKA_SERVER_LOG.1"
fi

# setsid: the broker gets its own session, so a Ctrl-C in the terminal that started it does not stop it.
launcher=()
if command -v setsid >/dev/null; then launcher=(setsid); fi
# The small bash writes its own pid and then becomes the JVM (exec keeps the pid), so the pid file holds
# the broker's pid whether or not setsid had to fork. fd 8 (the start/stop lock) is not passed on.
# shellcheck disable=SC2016,SC2086 # $$ belongs to the inner bash; heap_opts/extra_jvm_opts hold several options
nohup "${launcher[@]}" bash -c 'echo "$$" >"$0" && exec "$@"' "$KAFKA_PID_FILE" \
  java $heap_opts "${jvm_common_opts[@]}" $extra_jvm_opts -cp "$classpath" \
  kafka.Kafka "$KAFKA_SERVER_PROPERTIES" >"$KAFKA_SERVER_LOG" 2>&1 </dev/null 8>&- &
for _ in {1..50}; do
  [[ -s "$KAFKA_PID_FILE" ]] && break
  sleep 0.1
done
broker_pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE" 2>/dev/null || true)"
if [[ -z "$broker_pid" ]]; then
  echo "kafka: the broker did not start (no pid in $KAFKA_PID_FILE)" >&2
  kafka_log_tail 60
  exit 1
fi
echo "kafka: starting broker $KAFKA_VERSION (pid $broker_pid) on 127.0.0.1:$KAFKA_PORT"

started_at=$SECONDS
wait_until_ready "$broker_pid"
report_ready "$broker_pid"
echo "kafka: answered after $((SECONDS - started_at))s"
