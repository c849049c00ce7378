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
set -e

# One plain closing line for CI readers: "N passed, N failed, N skipped".
total_passed=$(awk '/^  succeeded:/ {print $2}' "$log" | tail -1)
total_failed=$(awk '/^  failed:/ {print $2}' "$log" | tail -1)
total_skipped=$(awk '/^  skipped:/ {print $2}' "$log" | tail -1)
echo "${total_passed:-0} passed, ${total_failed:-0} failed, ${total_skipped:-0} skipped"
exit "$status"
