#!/usr/bin/env bash
# Load on `mailcert serve` over loopback with wrk (Debian's `wrk`): 50 connections for 20 s on
#   1. the form page (/),
#   2. the result page of a check made a moment ago (/check?..., re-rendered from the recent result),
#   3. a Thunderbird autoconfig answer from the stored result (/mail/config-v1.1.xml?emailaddress=...),
# against the built-in seed lab (serve --lab), with the rate limit lifted (--rate) so that every
# request is served. Prints wrk's report for each and the service's peak RSS (VmHWM).
#
#   bench/serve-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-50}
port=18090
command -v wrk >/dev/null || { echo "serve-load: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
log=$(mktemp)
./mailcert serve --lab --listen 127.0.0.1:$port --rate 100000000 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do grep -q "listening on" "$log" && break; sleep 0.5; done
grep -q "listening on" "$log" || { cat "$log" >&2; exit 1; }
base=http://127.0.0.1:$port
seed="target=alice%40customer.example&server=mail.customer.example"
curl -sf -o /dev/null "$base/check?$seed"          # the check itself, once
echo "serve-load: $(nproc) cores, $(java_home=$(scripts/find-jdk); "$java_home/bin/java" -version 2>&1 | head -1), wrk $connections connections, ${seconds} s each"
for path in "/" "/check?$seed" "/mail/config-v1.1.xml?emailaddress=bob%40customer.example"; do
  echo
  echo "== GET $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path" | grep -E "Requests/sec|Transfer/sec|requests in|Non-2xx|Socket errors|^ +(50|75|90|99)%|Latency +"
done
echo
echo "peak RSS of the service: $(awk '/VmHWM/ {printf "%d MiB", $2/1024}' /proc/$pid/status)"
echo "checks run by the service: $(grep -c '^check ' "$log")"
