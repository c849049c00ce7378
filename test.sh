#!/usr/bin/env bash
# The whole test suite. Installs, when running as root and missing, the Debian packages the tests
# drive (kcat, kafka-python, confluent-kafka-python, ...), then builds and runs every test project.
# .ci/run calls exactly this. Extra arguments go to `dotnet test` (e.g. --filter-class).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# Debian packages the suite needs, as "package:command-or-file-that-proves-it-is-installed".
packages=(
  "kcat:/usr/bin/kcat"
  "python3-kafka:/usr/lib/python3/dist-packages/kafka/__init__.py"
  "python3-confluent-kafka:/usr/lib/python3/dist-packages/confluent_kafka/__init__.py"
  "prometheus:/usr/bin/promtool"
  "prometheus-alertmanager:/usr/bin/prometheus-alertmanager"
  "chromium:/usr/bin/chromium"
  "burrow:/usr/bin/Burrow"
  "zookeeperd:/usr/share/java/zookeeper.jar"
)

missing=()
for entry in "${packages[@]}"; do
  [ -e "${entry#*:}" ] || missing+=("${entry%%:*}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]} (run as root to install them); tests that need them will fail under CI=true" >&2
  fi
fi

# Tests that run laglab as a real process use the launcher's build; make it once, up front.
./laglab --version >/dev/null

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution LagLab.slnx -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# A test module whose process died of a signal (134 SIGABRT, 139 SIGSEGV) reports no test failure, only
# its exit code. The known cause is librdkafka 2.16 itself: an admin request in flight while the broker
# drops the connection (the tests stop and restart brokers on purpose) can abort the process (a double
# free in ListConsumerGroups, an assertion in the coordinator-request path; librdkafka #3663; see
# src/LagLab.Monitor/Collection/KafkaClusterReader.cs). Such modules, and only those, are run again on
# their own, up to twice while they keep crashing; any assertion failure anywhere still fails the suite,
# and so does any other failing exit code (e.g. 8, zero tests ran) next to the crash.
if [ "$status" -ne 0 ] && ! grep -q 'failed with [0-9]* error' "$log" \
  && ! grep -E '^Exit code: [0-9]+$' "$log" | grep -qvE '^Exit code: 13[4-9]$'; then
  crashed=$(grep -B1 -E '^Exit code: 13[4-9]$' "$log" | grep -oE 'tests/LagLab\.[A-Za-z.]+\.Tests' | sort -u || true)
  if [ -n "$crashed" ]; then
    status=0
    for module in $crashed; do
      for attempt in 1 2; do
        echo "test.sh: $module crashed (see the exit code above); running it again ($attempt of 2)" >&2
        dotnet test --project "$module" -c Release --no-build 2>&1 | tee -a "$log"
        rerun=${PIPESTATUS[0]}
        if [ "$rerun" -lt 134 ] || [ "$rerun" -gt 139 ] || [ "$attempt" -eq 2 ]; then
          [ "$rerun" -eq 0 ] || status=$rerun
          break
        fi
      done
    done
  fi
fi
set -e

# One plain closing line for CI readers: "N passed, N failed, N skipped".
total_passed=$(awk '/^  succeeded:/ {print $2}' "$log" | tail -1)
total_failed=$(awk '/^  failed:/ {print $2}' "$log" | tail -1)
total_skipped=$(awk '/^  skipped:/ {print $2}' "$log" | tail -1)
echo "${total_passed:-0} passed, ${total_failed:-0} failed, ${total_skipped:-0} skipped"
exit "$status"
