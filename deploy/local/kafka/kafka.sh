#!/usr/bin/env bash
# A real Apache Kafka (KRaft, combined broker + controller) run from the jars on Maven
# Central: no Docker, no Kafka package. One node, or one node of a cluster (KAFKA_NODE_ID,
# KAFKA_QUORUM_VOTERS, KAFKA_CLUSTER_ID); `cluster` runs three on 127.0.0.1. See README.md.
#
#   kafka.sh fetch    copy the runtime jars (mvn) into the cache outside git
#   kafka.sh start    format storage if new, start in the background, wait until ready
#   kafka.sh stop     SIGTERM, SIGKILL after 30 s
#   kafka.sh status   running / ready?  (exit 0 ready, 1 running but not answering, 3 not running)
#   kafka.sh cluster start|stop|status   three nodes (KAFKA_CLUSTER_SIZE) from KAFKA_CLUSTER_PORT
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
# One source of truth for the version: the pom.
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml" | head -n 1)"
CACHE="${BINHYEN_CACHE:-$HOME/.cache/binh-yen}"
LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
PORT="${KAFKA_PORT:-19092}"
# Default 19093 for the default port; port + 1 otherwise, so a second broker never collides.
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
DATA="${KAFKA_DATA_DIR:-$ROOT/.local/kafka/$PORT}"
[[ "$DATA" == /* ]] || DATA="$PWD/$DATA"
while [[ "$DATA" == */ && "$DATA" != / ]]; do DATA="${DATA%/}"; done
HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
NODE_ID="${KAFKA_NODE_ID:-1}"
# A cluster passes every voter (id@host:controllerPort, comma-separated) to each of its nodes.
VOTERS="${KAFKA_QUORUM_VOTERS:-$NODE_ID@127.0.0.1:$CONTROLLER_PORT}"
VOTER_COUNT="$(tr ',' '\n' <<<"$VOTERS" | grep -c .)"
# Replication follows the cluster's size: 1 on one node; 3 with min.insync.replicas 2 on three,
# so one broker may die without stopping writes, and a second one stops them (never loses them).
REPLICATION="${KAFKA_REPLICATION_FACTOR:-$(( VOTER_COUNT < 3 ? VOTER_COUNT : 3 ))}"
MIN_ISR="${KAFKA_MIN_INSYNC_REPLICAS:-$(( REPLICATION > 1 ? REPLICATION - 1 : 1 ))}"
# Every node of one cluster is formatted with the same id; one node makes its own.
CLUSTER_ID="${KAFKA_CLUSTER_ID:-}"
# A properties file appended to the generated config (later keys win): extra listeners, TLS, SASL, ACLs.
EXTRA_CONFIG="${KAFKA_EXTRA_CONFIG:-}"
# 0: return once the JVM runs (a cluster's first node cannot be ready before a quorum of voters is up).
WAIT="${KAFKA_WAIT:-1}"
PARTITIONS="${KAFKA_PARTITIONS:-6}"
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-60}"
PIDFILE="$DATA/kafka.pid"

log() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] error: %s\n' "$*" >&2; exit 1; }

[[ -n "$KAFKA_VERSION" ]] || die "no <kafka.version> in $HERE/pom.xml"

# --- processes -----------------------------------------------------------------------

# True while the process exists and has not exited. `kill -0` is not enough: the broker is
# an orphan of PID 1, and a PID 1 that does not reap (containers, microVMs) leaves zombies
# that still answer `kill -0`. And a killed JVM's main thread turns zombie while its other
# threads still hold the sockets, so "gone" = zombie with no thread left besides it.
alive() {
  local pid="$1" status state threads
  if [[ -d /proc/self ]]; then
    status="$(cat "/proc/$pid/status" 2>/dev/null)" || return 1
    state="$(sed -n 's/^State:[[:space:]]*\([A-Za-z]\).*/\1/p' <<<"$status")"
    threads="$(sed -n 's/^Threads:[[:space:]]*\([0-9]*\).*/\1/p' <<<"$status")"
    [[ -n "$state" ]] || return 1
    if [[ "$state" == Z || "$state" == X ]] && (( ${threads:-1} <= 1 )); then return 1; fi
    return 0
  fi
  kill -0 "$pid" 2>/dev/null
}

# The pid of the broker running from $DATA, if any (checks that the pid really is it:
# pids are recycled, and a stale pidfile must not make us signal a stranger).
running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' < "$PIDFILE")"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "kafka.Kafka $DATA/server.properties" || return 1
  fi
  echo "$pid"
}

is_ready() { node "$HERE/wait-ready.cjs" "127.0.0.1:$PORT" "${1:-2}" >/dev/null 2>&1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

show_logs() {
  local file
  for file in "$DATA/stdout.log" "$DATA/kafka.log" "$DATA/format.log"; do
    [[ -s "$file" ]] || continue
    printf -- '--- last lines of %s\n' "$file" >&2
    tail -n 40 "$file" >&2
  done
}

# --- commands ------------------------------------------------------------------------

fetch() {
  if [[ -f "$LIBS/.complete" ]]; then
    log "Kafka $KAFKA_VERSION: $(find "$LIBS" -name '*.jar' | wc -l) jars already in $LIBS"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn is not installed (needed once to fetch the Kafka jars)"
  log "fetching Apache Kafka $KAFKA_VERSION and its runtime jars from Maven Central into $LIBS"
  # Copy into a private directory, then rename: an interrupted or concurrent fetch never
  # leaves a half-filled libs directory that looks complete.
  local tmp="$LIBS.partial.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # mvn's output is kept for failures only (on success -q prints nothing but colour codes).
  if ! mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf "$tmp" "$tmp.log"
    die "mvn dependency:copy-dependencies failed"
  fi
  rm -f "$tmp.log"
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after mvn"; }
  touch "$tmp/.complete"
  if [[ -f "$LIBS/.complete" ]]; then
    rm -rf "$tmp" # another fetch finished first
  else
    rm -rf "$LIBS"
    mv "$tmp" "$LIBS"
  fi
  log "fetched $(find "$LIBS" -name '*.jar' | wc -l) jars into $LIBS"
}

write_config() {
  cat > "$DATA/server.properties" <<PROPS
# Generated by deploy/local/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=$NODE_ID
controller.quorum.voters=$VOTERS
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/logs
# Topics are created explicitly by the apps, never by a typo.
auto.create.topics.enable=false
# Only a default: the apps create their topics with explicit partition counts.
num.partitions=$PARTITIONS
# One node: every replication factor is 1, or the internal topics are never created
# and consumers wait for a group coordinator forever. Three: 3, with 2 in sync for a write.
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_ISR
offsets.topic.replication.factor=$REPLICATION
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_ISR
# A replica that stopped fetching leaves the ISR after this long (default 30 s), so writes resume
# sooner once it is gone; an acks=all write waits for the ISR, never for a dead follower.
replica.lag.time.max.ms=10000
# Tests join groups all the time: do not wait for more members to arrive.
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$DATA/log4j.properties" <<PROPS
# Generated by deploy/local/kafka/kafka.sh. Warnings only, to a file; startup line at INFO.
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$DATA/kafka.log
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
PROPS
  if [[ -n "$EXTRA_CONFIG" ]]; then
    [[ -f "$EXTRA_CONFIG" ]] || die "KAFKA_EXTRA_CONFIG=$EXTRA_CONFIG is not a file"
    { printf '\n# Appended from %s (KAFKA_EXTRA_CONFIG)\n' "$EXTRA_CONFIG"; cat "$EXTRA_CONFIG"; } >> "$DATA/server.properties"
  fi
}

format_storage() {
  local cluster_id="$CLUSTER_ID"
  [[ -n "$cluster_id" ]] || cluster_id="$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka.tools.StorageTool random-uuid returned '$cluster_id'"
  log "formatting $DATA/logs (cluster id $cluster_id)"
  if ! java -Dlog4j.configuration="file:$DATA/log4j.properties" -cp "$LIBS/*" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$DATA/server.properties" >"$DATA/format.log" 2>&1; then
    show_logs
    die "storage format failed"
  fi
}

start() {
  [[ -f "$LIBS/.complete" ]] || fetch
  local pid
  if pid="$(running_pid)"; then
    if [[ "${KAFKA_FRESH:-0}" == "1" ]]; then
      log "KAFKA_FRESH=1: stopping the broker running from $DATA first"
      stop
    elif is_ready 10; then
      log "already running and ready at 127.0.0.1:$PORT (pid $pid, data $DATA)"
      return 0
    else
      die "a broker (pid $pid) runs from $DATA but does not answer on 127.0.0.1:$PORT; run 'kafka.sh stop' first"
    fi
  fi
  local p
  for p in "$PORT" "$CONTROLLER_PORT"; do
    port_in_use "$p" && die "127.0.0.1:$p is already in use by another process (another broker? set KAFKA_PORT / KAFKA_CONTROLLER_PORT)"
  done

  if [[ "${KAFKA_FRESH:-0}" == "1" && -d "$DATA" ]]; then
    if [[ -n "$(ls -A "$DATA")" && ! -f "$DATA/server.properties" && ! -f "$DATA/logs/meta.properties" ]]; then
      die "refusing to wipe $DATA: it is not empty and does not look like a Kafka data directory"
    fi
    log "KAFKA_FRESH=1: wiping $DATA"
    rm -rf "$DATA"
  fi
  mkdir -p "$DATA"
  write_config
  [[ -f "$DATA/logs/meta.properties" ]] || format_storage

  local started_ms
  started_ms="$(date +%s%3N)"
  log "starting Kafka $KAFKA_VERSION node $NODE_ID on 127.0.0.1:$PORT (controller $CONTROLLER_PORT, voters $VOTERS, data $DATA)"
  rm -f "$PIDFILE"
  # setsid + nohup: the broker outlives the shell (and the test runner) that started it.
  # The inner bash enters the data dir, writes its own pid and execs java, so the pidfile
  # holds the JVM's pid whether or not setsid forks. Every stdio stream is redirected:
  # nothing may keep the caller's pipes open (execFile would wait for the broker to exit).
  # shellcheck disable=SC2016,SC2086
  setsid nohup bash -c 'cd "$1" || exit 1; echo $$ > "$0"; shift; exec "$@"' "$PIDFILE" "$DATA" \
    java $HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$DATA/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$DATA/server.properties" \
    >"$DATA/stdout.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do [[ -s "$PIDFILE" ]] && break; sleep 0.1; done
  [[ -s "$PIDFILE" ]] || die "the broker process did not start (no $PIDFILE)"
  pid="$(cat "$PIDFILE")"
  if [[ "$WAIT" == "0" ]]; then
    log "Kafka node $NODE_ID started (pid $pid); not waiting (KAFKA_WAIT=0)"
    return 0
  fi

  # Ready = the broker answers a metadata request with itself in it, not merely an open port.
  # wait-ready also gives up at once if the JVM dies (bad config, port taken).
  if ! node "$HERE/wait-ready.cjs" "127.0.0.1:$PORT" "$READY_TIMEOUT" "$pid" || ! alive "$pid"; then
    if alive "$pid"; then
      log "Kafka did not become ready within ${READY_TIMEOUT}s; stopping the process it started (pid $pid)" >&2
      show_logs
      stop >&2
      exit 1
    else
      log "the broker process (pid $pid) exited before it was ready" >&2
      rm -f "$PIDFILE"
    fi
    show_logs
    exit 1
  fi
  log "Kafka ready at 127.0.0.1:$PORT (pid $pid) in $(( $(date +%s%3N) - started_ms )) ms"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PIDFILE"
    log "not running (data $DATA)"
    return 0
  fi
  log "stopping pid $pid (SIGTERM)"
  kill -CONT "$pid" 2>/dev/null || true # a paused (SIGSTOP) broker would never act on SIGTERM
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 300); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    log "still running after 30 s: SIGKILL pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$PIDFILE"
  log "stopped (pid $pid)"
}

status() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running (127.0.0.1:$PORT, data $DATA)"
    return 3
  fi
  if is_ready 5; then
    log "running and ready at 127.0.0.1:$PORT (pid $pid, data $DATA)"
  else
    log "running (pid $pid) but not answering on 127.0.0.1:$PORT"
    return 1
  fi
}

# --- a three-node cluster on one machine (development; the tests use libs/testing) ------

CLUSTER_SIZE="${KAFKA_CLUSTER_SIZE:-3}"
CLUSTER_PORT="${KAFKA_CLUSTER_PORT:-19292}"
CLUSTER_DIR="${KAFKA_CLUSTER_DIR:-$ROOT/.local/kafka/cluster-$CLUSTER_PORT}"

# Node i (1-based) listens on CLUSTER_PORT + 2(i-1), its controller on the port after it.
cluster_node() {
  local id="$1" action="$2" voters="" i
  for i in $(seq 1 "$CLUSTER_SIZE"); do voters+="${voters:+,}$i@127.0.0.1:$(( CLUSTER_PORT + 2 * (i - 1) + 1 ))"; done
  KAFKA_NODE_ID="$id" KAFKA_PORT="$(( CLUSTER_PORT + 2 * (id - 1) ))" KAFKA_CONTROLLER_PORT="$(( CLUSTER_PORT + 2 * (id - 1) + 1 ))" \
    KAFKA_QUORUM_VOTERS="$voters" KAFKA_DATA_DIR="$CLUSTER_DIR/node-$id" KAFKA_CLUSTER_ID="$(cat "$CLUSTER_DIR/cluster.id")" \
    KAFKA_HEAP="${KAFKA_HEAP:--Xms128m -Xmx384m}" KAFKA_WAIT=0 KAFKA_CLUSTER_SIZE= KAFKA_CLUSTER_PORT= \
    bash "${BASH_SOURCE[0]}" "$action"
}

cluster() {
  local action="${1:-}" id brokers=""
  for id in $(seq 1 "$CLUSTER_SIZE"); do brokers+="${brokers:+,}127.0.0.1:$(( CLUSTER_PORT + 2 * (id - 1) ))"; done
  case "$action" in
    start)
      [[ -f "$LIBS/.complete" ]] || fetch
      if [[ "${KAFKA_FRESH:-0}" == "1" ]]; then cluster stop; rm -rf "$CLUSTER_DIR"; fi
      mkdir -p "$CLUSTER_DIR"
      [[ -s "$CLUSTER_DIR/cluster.id" ]] || java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 > "$CLUSTER_DIR/cluster.id"
      # All at once: no node is ready before a majority of the voters runs.
      for id in $(seq 1 "$CLUSTER_SIZE"); do cluster_node "$id" start; done
      if ! KAFKA_EXPECT_BROKERS="$CLUSTER_SIZE" node "$HERE/wait-ready.cjs" "$brokers" "$READY_TIMEOUT"; then
        for id in $(seq 1 "$CLUSTER_SIZE"); do KAFKA_DATA_DIR="$CLUSTER_DIR/node-$id" show_cluster_logs; done
        die "the cluster did not become ready within ${READY_TIMEOUT}s ($brokers)"
      fi
      log "cluster of $CLUSTER_SIZE ready: KAFKA_BROKERS=$brokers"
      ;;
    stop)
      # All at once: the last node standing alone has no quorum to confirm its controlled shutdown.
      for id in $(seq 1 "$CLUSTER_SIZE"); do [[ -d "$CLUSTER_DIR/node-$id" ]] && cluster_node "$id" stop & done
      wait
      ;;
    status)
      if KAFKA_EXPECT_BROKERS="$CLUSTER_SIZE" node "$HERE/wait-ready.cjs" "$brokers" 5 >/dev/null 2>&1; then log "cluster ready: $brokers"; else log "cluster not ready ($brokers)"; return 1; fi
      ;;
    *) die "usage: kafka.sh cluster start|stop|status" ;;
  esac
}

show_cluster_logs() {
  local file="$KAFKA_DATA_DIR/kafka.log"
  [[ -s "$file" ]] && { printf -- '--- last lines of %s\n' "$file" >&2; tail -n 20 "$file" >&2; }
  return 0
}

case "${1:-}" in
  cluster) cluster "${2:-}" ;;
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 fetch|start|stop|status|cluster start|stop|status" >&2
    echo "  env: KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_DATA_DIR KAFKA_FRESH KAFKA_HEAP KAFKA_PARTITIONS KAFKA_READY_TIMEOUT BINHYEN_CACHE" >&2
    echo "       KAFKA_NODE_ID KAFKA_QUORUM_VOTERS KAFKA_CLUSTER_ID KAFKA_REPLICATION_FACTOR KAFKA_MIN_INSYNC_REPLICAS KAFKA_EXTRA_CONFIG KAFKA_WAIT" >&2
    echo "       KAFKA_CLUSTER_SIZE KAFKA_CLUSTER_PORT KAFKA_CLUSTER_DIR (cluster)" >&2
    exit 2
    ;;
esac
