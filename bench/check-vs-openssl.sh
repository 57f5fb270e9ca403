#!/usr/bin/env bash
# Wall time of one full `mailcert check` of the seed scenario against `openssl s_client` fetching
# the same six certificates one after another (what an expert does by hand), side by side in one
# run, alternating, N rounds each. Needs: openssl. Runs the lab in the background on loopback.
#   bench/check-vs-openssl.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-10}
cd "$here"
./mailcert lab --scenario shared-hosting > /tmp/mailcert-bench-lab.out 2>&1 &
lab=$!
trap 'kill $lab 2>/dev/null; wait $lab 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "Press Ctrl-C" /tmp/mailcert-bench-lab.out 2>/dev/null && break; sleep 0.2; done
cmd=$(grep -E '^ *\./mailcert check ' /tmp/mailcert-bench-lab.out | sed 's/^ *//')
trust=$(sed -n 's/.*--trust \([^ ]*\).*/\1/p' <<<"$cmd")
addr=127.0.10.7 sni=mail.customer.example
openssl_six() {
  for spec in "10993:" "10143:imap" "10995:" "10110:pop3" "10465:" "10587:smtp"; do
    port=${spec%%:*} proto=${spec#*:}
    openssl s_client -connect "$addr:$port" -servername "$sni" -CAfile "$trust" ${proto:+-starttls $proto} \
      </dev/null >/dev/null 2>&1 || true
  done
}
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
echo "command: $cmd --offline --json"
echo "peer:    openssl s_client x6 ($(openssl version)), sequential, same lab"
declare -a m o inproc
for i in $(seq "$rounds"); do
  t=$(date +%s%N); json=$(eval "$cmd --offline --json" || true); m+=("$(ms "$t")")
  inproc+=("$(sed -n 's/.*"elapsedMs" : \([0-9]*\).*/\1/p' <<<"$json")")
  t=$(date +%s%N); openssl_six; o+=("$(ms "$t")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "rounds: $rounds"
echo "mailcert check (whole command, JVM start included): median $(median "${m[@]}") ms  [${m[*]}]"
echo "mailcert check (in-process, the check itself):      median $(median "${inproc[@]}") ms  [${inproc[*]}]"
echo "openssl s_client, six certificates one by one:      median $(median "${o[@]}") ms  [${o[*]}]"
