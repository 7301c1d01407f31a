#!/usr/bin/env bash
# A real single-node Apache Kafka (KRaft, broker + controller) from the jars on
# Maven Central: no Docker, no Kafka package. Usage: kafka.sh fetch|start|stop|status
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")"
CACHE="${BINHYEN_CACHE:-$HOME/.cache/binh-yen}"
LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
DATA="${KAFKA_DATA_DIR:-$ROOT/.local/kafka/$PORT}"
HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
PARTITIONS="${KAFKA_PARTITIONS:-6}"
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"
PIDFILE="$DATA/kafka.pid"

log() { printf '[kafka] %s\n' "$*"; }

fetch() {
  if [[ -f "$LIBS/.complete" ]]; then return 0; fi
  log "fetching Apache Kafka $KAFKA_VERSION and its runtime jars from Maven Central into $LIBS"
  mkdir -p "$LIBS"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS"
  touch "$LIBS/.complete"
  log "fetched $(find "$LIBS" -name '*.jar' | wc -l) jars"
}

running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

is_ready() {
  node "$HERE/wait-ready.cjs" "127.0.0.1:$PORT" "${1:-2}" >/dev/null 2>&1
}

write_config() {
  cat > "$DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/logs
# Topics are created explicitly by the platform, never by a typo.
auto.create.topics.enable=false
num.partitions=$PARTITIONS
# One node: every replication factor is 1, or consumers wait for a coordinator forever.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Tests join groups often: do not wait for more members to arrive.
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$DATA/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$DATA/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO, file
log4j.additivity.kafka.server.KafkaRaftServer=false
PROPS
}

start() {
  fetch
  if pid="$(running_pid)"; then
    if is_ready 10; then log "already running (pid $pid) at 127.0.0.1:$PORT"; return 0; fi
    log "a broker (pid $pid) runs from $DATA but does not answer; stop it first"; return 1
  fi
  if [[ "${KAFKA_FRESH:-0}" == "1" ]]; then rm -rf "$DATA"; fi
  mkdir -p "$DATA"
  write_config
  if [[ ! -f "$DATA/logs/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    java -Dlog4j.configuration="file:$DATA/log4j.properties" -cp "$LIBS/*" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$DATA/server.properties" >"$DATA/format.log" 2>&1
  fi
  local started=$SECONDS
  # setsid: the broker outlives the shell that started it; stop it with `kafka.sh stop`.
  # shellcheck disable=SC2086
  setsid nohup java $HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$DATA/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$DATA/server.properties" >"$DATA/stdout.log" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  # Ready means the broker answers a metadata request, not merely an open port.
  if ! node "$HERE/wait-ready.cjs" "127.0.0.1:$PORT" "$READY_TIMEOUT"; then
    log "Kafka did not become ready in ${READY_TIMEOUT}s; last log lines:"
    tail -n 30 "$DATA/kafka.log" "$DATA/stdout.log" 2>/dev/null || true
    return 1
  fi
  log "Kafka ready at 127.0.0.1:$PORT (pid $(cat "$PIDFILE"), $((SECONDS - started))s)"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then rm -f "$PIDFILE"; log "not running"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; log "stopped (pid $pid)"; return 0; }
    sleep 0.1
  done
  log "still running after 30s; killing pid $pid"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

status() {
  if pid="$(running_pid)"; then
    if is_ready 5; then log "running and ready (pid $pid) at 127.0.0.1:$PORT"; else log "running (pid $pid), not answering"; fi
  else
    log "not running (data: $DATA)"; return 3
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 fetch|start|stop|status   (env: KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_DATA_DIR, KAFKA_FRESH, KAFKA_HEAP)" >&2; exit 2 ;;
esac
