#!/usr/bin/env bash
# mailcert scan against an admin's shell loop of openssl s_client, side by side on the same lab fleet.
#
#   bench/scan.sh [N...]        # default: 1000 10000
#
# For each N: starts `mailcert lab --scenario fleet:N` in its own process, then
#   1. mailcert scan of every domain (full diagnosis: 6 endpoints, reverse DNS, candidates verified)
#   2. the loop: per domain, dig for mail.DOMAIN and one `openssl s_client` on port 993 (+10000) with the
#      domain's SNI (what an admin writes to fetch ONE certificate per domain)
# and prints wall time, targets/s, CPU seconds per target and peak RSS (GNU time) for each.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/find-jdk); export JAVA_HOME
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
./mailcert --version >/dev/null   # builds the jar once, outside the measurement
work=$(mktemp -d /tmp/mailcert-bench-scan-XXXX)
lab_pid=""
stop_lab() { [ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null; wait "$lab_pid" 2>/dev/null || true; lab_pid=""; }
trap stop_lab EXIT

measure() { # NAME LOG -- command...: runs it under GNU time, prints "wall user sys rss_kb"
  local log=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$@" >"$log.out" 2>"$log.err" || true
  tail -1 "$log.time"
}

printf '| domains | tool | wall s | targets/s | CPU s/target | peak RSS MiB |\n|---|---|---|---|---|---|\n'
for n in "${@:-1000 10000}"; do  # sizes
  for size in $n; do
    "$JAVA_HOME/bin/java" -jar mailcert-cli/target/mailcert.jar lab --scenario "fleet:$size" >"$work/lab-$size.out" 2>&1 &
    lab_pid=$!
    for _ in $(seq 600); do grep -q '^  ./mailcert scan' "$work/lab-$size.out" && break; sleep 0.1; done
    read -r -a args <<<"$(grep '^  ./mailcert scan' "$work/lab-$size.out" | sed 's/^ *\.\/mailcert scan //')"
    input=${args[0]}
    read -r wall user sys rss <<<"$(measure "$work/scan-$size" ./mailcert scan "${args[@]}" --db "$work/scan-$size.db" --quiet)"
    awk -v n="$size" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      printf "| %d | mailcert scan (full diagnosis) | %.1f | %.1f | %.4f | %.0f |\n", n, w, n / w, (u + s) / n, r / 1024 }'
    trust=${args[4]}
    dnsport=${args[2]##*:}; dnsip=${args[2]%:*}
    cat >"$work/loop.sh" <<LOOP
while IFS=, read -r target server; do
  case \$target in ''|'#'*) continue ;; esac
  d=\${target#*@}; host=\${server:-mail.\$d}
  a=\$(dig +short +time=2 +tries=1 @$dnsip -p $dnsport "\$host" A | head -1)
  [ -n "\$a" ] || continue
  timeout 10 openssl s_client -connect "\$a:10993" -servername "\$host" -CAfile $trust </dev/null >/dev/null 2>&1 || true
done < $input
LOOP
    read -r wall user sys rss <<<"$(measure "$work/loop-$size" bash "$work/loop.sh")"
    awk -v n="$size" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      printf "| %d | shell loop: dig + openssl s_client, one certificate | %.1f | %.1f | %.4f | %.0f |\n", n, w, n / w, (u + s) / n, r / 1024 }'
    grep -E '^  (ok|checked)' "$work/scan-$size.out" | sed 's/^/    /' >&2
    stop_lab
  done
done
echo "bench: logs in $work" >&2
