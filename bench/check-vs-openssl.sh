#!/usr/bin/env bash
# One full `mailcert check` of the seed scenario against `openssl s_client` fetching the same six
# certificates one after another (what an expert does by hand), side by side in one run,
# alternating, N rounds each, at 0 ms and at 40 ms round-trip time (`mailcert lab --rtt`).
# Reports the medians of the whole command (JVM start included), the check's own time
# (`elapsedMs`) and the CPU seconds (user + system, all processes) of each tool. A third row is
# the floor under a cold check: bench/TlsFloor.java, a JVM with the launcher's options that only
# makes as many TLS handshakes as the check did (counted in an unmeasured run), and nothing else.
#   bench/check-vs-openssl.sh [ROUNDS] [RTT...]      e.g. bench/check-vs-openssl.sh 10 0ms 40ms
# Needs: openssl. Runs the labs in the background on loopback, on ports 32000+ and 33000+ so that
# a lab on the default ports elsewhere on the machine does not collide.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-10}
shift || true
rtts=("$@")
[ ${#rtts[@]} -gt 0 ] || rtts=(0ms 40ms)
cd "$here"
work=$(mktemp -d /tmp/mailcert-bench.XXXXXX)
labs=()
stop_labs() {
  for pid in "${labs[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_labs EXIT

# start_lab RTT OFFSET: starts the seed lab in the background; sets $cmd to its check command
start_lab() {
  local out=$work/lab-$1.out
  ./mailcert lab --scenario shared-hosting --rtt "$1" --port-offset "$2" >"$out" 2>&1 </dev/null &
  labs+=("$!")
  for _ in $(seq 240); do grep -q "Press Ctrl-C" "$out" 2>/dev/null && break; sleep 0.5; done
  grep -q "Press Ctrl-C" "$out" || { echo "the lab at $1 did not start:" >&2; cat "$out" >&2; exit 1; }
  cmd=$(grep -E '^ *\./mailcert check ' "$out" | sed 's/^ *//')
}

# timed FILE COMMAND...: runs the command, writes "wall-ms cpu-ms" (cpu: user + system of all its processes)
timed() {
  local file=$1; shift
  local TIMEFORMAT='%R %U %S'
  { time { "$@" || true; }; } 2>"$work/time"
  awk '{ printf "%d %d\n", $1 * 1000 + 0.5, ($2 + $3) * 1000 + 0.5 }' <(tail -1 "$work/time") >"$file"
}

openssl_six() { # addr offset sni trust
  for spec in "993:" "143:imap" "995:" "110:pop3" "465:" "587:smtp"; do
    local port=$((${spec%%:*} + $2)) proto=${spec#*:}
    openssl s_client -connect "$1:$port" -servername "$3" -CAfile "$4" ${proto:+-starttls $proto} \
      </dev/null >/dev/null 2>&1 || true
  done
}
mailcert_check() { # command...
  "$@" --offline --json >"$work/check.json" 2>/dev/null
}

tls_floor() { # addr offset handshakes
  "$java" "${floor_jvm[@]}" -cp "$work/floor.jar" TlsFloor "$@" >/dev/null 2>&1
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

java="$(sed -n 2p mailcert-cli/target/jdk-home)/bin/java"
mkdir -p "$work/floor"
"${java%/java}/javac" -d "$work/floor" bench/TlsFloor.java
"${java%/java}/jar" --create --file "$work/floor.jar" -C "$work/floor" . # CDS archives jars, not directories
feature=$(sed -n 3p mailcert-cli/target/jdk-home)
# the floor gets the same kind of class cache as the launcher gives a check (see ./mailcert)
floor_base=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off)
[ "$feature" -ge 22 ] && floor_base+=(-XX:UserThreadWaitAttemptsAtExit=0)
if [ "$feature" -ge 25 ]; then
  floor_train=("${floor_base[@]}" -Xlog:aot=off -XX:AOTCacheOutput="$work/floor.aot")
  floor_jvm=("${floor_base[@]}" -Xlog:aot=off -XX:AOTCache="$work/floor.aot")
else
  floor_jvm=("${floor_base[@]}" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/floor.jsa")
  floor_train=("${floor_jvm[@]}")
fi

echo "date:     $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:     $("$java" -version 2>&1 | head -1)"
echo "peer:     $(openssl version), six s_client runs one after another"
echo "rounds:   $rounds of each, alternating"
echo
table=()
offset=32000
for rtt in "${rtts[@]}"; do
  start_lab "$rtt" "$offset"
  read -r -a check <<<"$cmd"
  trust=$(sed -n 's/.*--trust \([^ ]*\).*/\1/p' <<<"$cmd")
  echo "rtt $rtt: ${check[*]} --offline --json"
  echo "rtt $rtt: openssl s_client -connect 127.0.10.7:PORT -servername mail.customer.example -CAfile ROOT [-starttls P], x6"
  # one unmeasured round each: the first check after a build trains the launcher's class cache,
  # which is then assembled in the background (JDK 25+)
  mailcert_check "${check[@]}" || true
  for _ in $(seq 120); do
    { [ "$feature" -lt 25 ] || [ -f mailcert-cli/target/check.aot ]; } && break
    sleep 0.5
  done
  handshakes=$(JAVA_TOOL_OPTIONS=-Djavax.net.debug=ssl:handshake "${check[@]}" --offline --json 2>&1 \
    | grep -c "Produced ClientHello" || true)
  echo "rtt $rtt: the check made $handshakes TLS handshakes; java TlsFloor 127.0.10.7 $offset $handshakes"
  openssl_six 127.0.10.7 "$offset" mail.customer.example "$trust"
  "$java" "${floor_train[@]}" -cp "$work/floor.jar" TlsFloor 127.0.10.7 "$offset" \
    "$handshakes" >/dev/null 2>&1
  m_wall=() m_cpu=() m_own=() o_wall=() o_cpu=() f_wall=() f_cpu=()
  for _ in $(seq "$rounds"); do
    timed "$work/m" mailcert_check "${check[@]}"
    read -r w c <"$work/m"; m_wall+=("$w"); m_cpu+=("$c")
    m_own+=("$(sed -n 's/.*"elapsedMs" : \([0-9]*\).*/\1/p' "$work/check.json")")
    timed "$work/o" openssl_six 127.0.10.7 "$offset" mail.customer.example "$trust"
    read -r w c <"$work/o"; o_wall+=("$w"); o_cpu+=("$c")
    timed "$work/f" tls_floor 127.0.10.7 "$offset" "$handshakes"
    read -r w c <"$work/f"; f_wall+=("$w"); f_cpu+=("$c")
  done
  echo "  mailcert whole ms: ${m_wall[*]}"
  echo "  mailcert own ms:   ${m_own[*]}"
  echo "  mailcert cpu ms:   ${m_cpu[*]}"
  echo "  openssl whole ms:  ${o_wall[*]}"
  echo "  openssl cpu ms:    ${o_cpu[*]}"
  echo "  floor whole ms:    ${f_wall[*]}"
  echo "  floor cpu ms:      ${f_cpu[*]}"
  mw=$(median "${m_wall[@]}") mo=$(median "${m_own[@]}") mc=$(median "${m_cpu[@]}")
  ow=$(median "${o_wall[@]}") oc=$(median "${o_cpu[@]}")
  table+=("| $rtt | \`mailcert check\` | $mw | $mo | $(seconds "$mc") |")
  table+=("| $rtt | \`openssl s_client\` x6 | $ow | $ow | $(seconds "$oc") |")
  fw=$(median "${f_wall[@]}") fc=$(median "${f_cpu[@]}")
  table+=("| $rtt | JSSE floor: $handshakes handshakes only | $fw | | $(seconds "$fc") |")
  table+=("| $rtt | mailcert / openssl | $(awk -v a="$mw" -v b="$ow" 'BEGIN{printf "%.1f", a/b}') | $(awk -v a="$mo" -v b="$ow" 'BEGIN{printf "%.1f", a/b}') | $(awk -v a="$mc" -v b="$oc" 'BEGIN{printf "%.1f", a/b}') |")
  offset=$((offset + 1000))
done
echo
echo "medians of $rounds (load at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
echo
echo "| RTT | tool | whole command ms | the check's own ms | CPU s |"
echo "|---|---|---:|---:|---:|"
printf '%s\n' "${table[@]}"
