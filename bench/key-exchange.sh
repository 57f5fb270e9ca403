#!/usr/bin/env bash
# Cold checks of the seed scenario with the TLS key-exchange groups the client offers limited by
# -Djdk.tls.namedGroups: the JDK's default (a ClientHello with key shares for x25519 and
# secp256r1), x25519 only, secp256r1 only. Alternating, N rounds each, each round a new JVM run
# with the launcher's options; reports the medians of the whole command, the check's own time and
# the CPU seconds. The lab runs in its own process with the JDK's default groups.
#   bench/key-exchange.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-10}
cd "$here"
./mailcert --version >/dev/null # builds if needed and remembers the JDK
java=$(sed -n 2p mailcert-cli/target/jdk-home)/bin/java
target=mailcert-cli/target
work=$(mktemp -d /tmp/mailcert-kex.XXXXXX)
./mailcert lab --scenario shared-hosting --port-offset 34000 >"$work/lab.out" 2>&1 </dev/null &
lab=$!
trap 'kill "$lab" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 240); do grep -q "Press Ctrl-C" "$work/lab.out" 2>/dev/null && break; sleep 0.5; done
read -r -a check <<<"$(grep -E '^ *\./mailcert check ' "$work/lab.out" | sed 's/^ *\.\/mailcert //')"
jvm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:UserThreadWaitAttemptsAtExit=0)
# the class cache the launcher made for check (an AOT cache on JDK 25+, else a class-data archive)
if [ -f "$target/check.aot" ]; then
  jvm+=(-Xlog:aot=off -XX:AOTCache="$target/check.aot")
else
  jvm+=(-XX:SharedArchiveFile="$target/check.jsa")
fi
settings=(default x25519 secp256r1)
run() { # setting -> "wall-ms cpu-ms own-ms"
  local groups=() TIMEFORMAT='%R %U %S'
  [ "$1" = default ] || groups=(-Djdk.tls.namedGroups="$1")
  { time "$java" "${jvm[@]}" "${groups[@]}" -jar "$target/mailcert.jar" "${check[@]}" --offline --json \
      >"$work/json" 2>/dev/null || true; } 2>"$work/time"
  local own; own=$(sed -n 's/.*"elapsedMs" : \([0-9]*\).*/\1/p' "$work/json")
  awk -v own="$own" '{ printf "%d %d %s\n", $1 * 1000 + 0.5, ($2 + $3) * 1000 + 0.5, own }' <(tail -1 "$work/time")
}
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1)"
echo "command: java ${jvm[*]} [-Djdk.tls.namedGroups=G] -jar mailcert.jar ${check[*]} --offline --json"
# the first check writes nothing here (the archive is the launcher's), but warms the page cache
for s in "${settings[@]}"; do run "$s" >/dev/null; done
declare -A wall cpu own
for _ in $(seq "$rounds"); do
  for s in "${settings[@]}"; do
    read -r w c o <<<"$(run "$s")"
    wall[$s]+="$w " cpu[$s]+="$c " own[$s]+="$o "
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "| groups offered | whole command ms | the check's own ms | CPU s |"
echo "|---|---:|---:|---:|"
for s in "${settings[@]}"; do
  echo "| $s | $(median "${wall[$s]}") | $(median "${own[$s]}") | $(awk -v c="$(median "${cpu[$s]}")" 'BEGIN{printf "%.2f", c/1000}') |"
done
echo
for s in "${settings[@]}"; do echo "$s: wall ${wall[$s]}| own ${own[$s]}| cpu ${cpu[$s]}"; done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
