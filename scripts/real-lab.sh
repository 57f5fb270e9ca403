#!/usr/bin/env bash
# Real mail servers for mailcert's `real` test tier: Debian's dnsmasq, Dovecot and Postfix on
# loopback, without systemd. DNS on 127.0.0.53:5353; mail on 127.0.0.2-6 at standard port + 10000.
#
#   scripts/real-lab.sh install   # Debian packages, only those missing (daemons are not auto-started)
#   scripts/real-lab.sh certs     # (re)generate the lab PKI under $LAB/pki
#   scripts/real-lab.sh start     # (re)start dnsmasq, dovecot and postfix; waits until they answer
#   scripts/real-lab.sh verify    # dig + openssl s_client: every shape answers as expected, else exit 1
#   scripts/real-lab.sh stop      # stop the three master processes by their PID files
#   scripts/real-lab.sh env       # shell assignments for the tests: eval "$(scripts/real-lab.sh env)"
#   scripts/real-lab.sh pg-start  # PostgreSQL (Debian's) on 127.0.0.1:55432, a cluster under $LAB/pg, for scan's tests
#   scripts/real-lab.sh pg-stop   # stop it
#
# LAB=/some/dir overrides the working directory (default /tmp/mailcert-real-lab).
# Needs root (Dovecot and Postfix start as root and drop privileges). See docs/real-lab.md.
set -euo pipefail
LAB=${LAB:-/tmp/mailcert-real-lab}
P=$LAB/pki
DNS_IP=127.0.0.53
DNS_PORT=5353
OFFSET=10000
ADDRS=(127.0.0.2 127.0.0.3 127.0.0.4 127.0.0.5 127.0.0.6)
MAIL_PORTS=(10993 10143 10995 10110 10465 10587 10025)
# libplist-utils: plistutil checks the Apple profiles the tests write (the test is skipped without it)
PACKAGES=(dnsmasq-base dovecot-imapd dovecot-pop3d postfix bind9-dnsutils faketime openssl libplist-utils postgresql)
PG_PORT=55432
PG_DIR=$LAB/pg
# chromium and its driver: the browser tests of mailcert serve (skipped only where /usr/bin/chromium is absent)
PACKAGES+=(chromium chromium-driver fonts-dejavu-core)

say() { printf 'real-lab: %s\n' "$*"; }
die() { printf 'real-lab: %s\n' "$*" >&2; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "needs root: Dovecot and Postfix start as root, and 'install' uses apt-get."; }
need_tools() {
  local t
  for t in dnsmasq dovecot postfix dig openssl faketime; do
    command -v "$t" >/dev/null 2>&1 || die "'$t' is missing; run 'scripts/real-lab.sh install' first."
  done
}

install() {
  need_root
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "packages already installed"; return 0; fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"
  say "installing ${missing[*]} (log: $LAB/apt.log)"
  mkdir -p "$LAB"
  # policy-rc.d exit 101 keeps invoke-rc.d from starting the packaged daemons (they would take
  # port 25, 53, 143...); created only for this install when the machine has none.
  local added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; added=1
  fi
  # "No configuration": the package leaves /etc/postfix/main.cf alone; the lab has its own.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  local rc=0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
      > "$LAB/apt.log" 2>&1 || rc=$?
  [ -n "$added" ] && rm -f /usr/sbin/policy-rc.d
  if [ "$rc" -ne 0 ]; then tail -20 "$LAB/apt.log" >&2; die "apt-get failed (exit $rc)"; fi
  say "installed"
}

# ---------------------------------------------------------------- PKI
# Root CA -> Intermediate CA -> leaves; every leaf file set: NAME.key, NAME.pem (leaf only),
# NAME.chain.pem (what the server sends), NAME.keychain.pem (key + chain, Postfix's format).
LEAVES=(wildcard own hostco default sni cheap expired nochain mismatch selfsigned constrained critical)

certs() {
  need_tools
  local tmp=$LAB/pki.new
  rm -rf "$tmp"; mkdir -p "$tmp"
  ( cd "$tmp"
    k() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null; }
    k root
    openssl req -x509 -new -key root.key -sha256 -days 3650 -subj "/CN=Lab Root CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out root.pem
    k inter
    openssl req -new -key inter.key -subj "/CN=Lab Intermediate CA" -out inter.csr
    printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' > ca.ext
    openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -CAcreateserial -days 3650 -sha256 \
      -extfile ca.ext -out inter.pem 2>/dev/null
    leaf() { # NAME CN SAN [faketime-date days]: a leaf issued by the intermediate
      local n=$1 cn=$2 san=$3 when=${4:-} days=${5:-825}
      k "$n"; openssl req -new -key "$n.key" -subj "/CN=$cn" -out "$n.csr"
      printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$san" > "$n.ext"
      ${when:+faketime "$when"} openssl x509 -req -in "$n.csr" -CA inter.pem -CAkey inter.key -CAcreateserial \
          -days "$days" -sha256 -extfile "$n.ext" -out "$n.pem" 2>/dev/null
      cat "$n.pem" inter.pem > "$n.chain.pem"; cat "$n.key" "$n.chain.pem" > "$n.keychain.pem"
    }
    selfsigned() { # NAME CN SAN: self-issued, self-signed server certificate
      local n=$1 cn=$2 san=$3
      k "$n"
      openssl req -x509 -new -key "$n.key" -sha256 -days 825 -subj "/CN=$cn" \
        -addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
        -addext "extendedKeyUsage=serverAuth" -addext "subjectAltName=$san" -out "$n.pem"
      cp "$n.pem" "$n.chain.pem"; cat "$n.key" "$n.pem" > "$n.keychain.pem"
    }
    leaf wildcard "*.hosting.test"     "DNS:*.hosting.test,DNS:hosting.test"      # shape 1, shared server
    leaf own      "mail.own.test"      "DNS:mail.own.test"                         # shape 2
    leaf hostco   "mail.hostco.test"   "DNS:mail.hostco.test,DNS:hostco.test"      # shape 3
    leaf default  "*.default.test"     "DNS:*.default.test,DNS:default.test"       # shape 5 without SNI
    leaf sni      "srv3.sni.test"      "DNS:srv3.sni.test"                         # shape 5 with SNI
    selfsigned cheap "*.cheap.test"    "DNS:*.cheap.test,DNS:cheap.test"           # shape 4
    # extras by SNI on 127.0.0.2, for inspect tests
    leaf expired  "mail.expired.test"  "DNS:mail.expired.test" "2020-01-01 00:00:00" 30
    leaf nochain  "mail.nochain.test"  "DNS:mail.nochain.test"
    cp nochain.pem nochain.chain.pem; cat nochain.key nochain.pem > nochain.keychain.pem   # intermediate missing
    leaf mismatch "www.other.test"     "DNS:www.other.test"
    selfsigned selfsigned "mail.selfsigned.test" "DNS:mail.selfsigned.test"
    # two chains every client rejects (docs/certificate-rules.md), by SNI on 127.0.0.2:
    # constrained: its CA may issue only for example.org (name constraints, RFC 5280 §4.2.1.10)
    k constrainedca
    openssl req -new -key constrainedca.key -subj "/CN=Lab Constrained CA" -out constrainedca.csr
    printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\nnameConstraints=critical,permitted;DNS:example.org\n' > nc.ext
    openssl x509 -req -in constrainedca.csr -CA root.pem -CAkey root.key -CAcreateserial -days 3650 -sha256 \
      -extfile nc.ext -out constrainedca.pem 2>/dev/null
    leaf_by() { # NAME CN SAN ISSUER [EXTENSION-LINE]: a leaf issued by ISSUER.pem/ISSUER.key, sent with it
      local n=$1 cn=$2 san=$3 ca=$4 extra=${5:-}
      k "$n"; openssl req -new -key "$n.key" -subj "/CN=$cn" -out "$n.csr"
      printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n%s\n' \
        "$san" "$extra" > "$n.ext"
      openssl x509 -req -in "$n.csr" -CA "$ca.pem" -CAkey "$ca.key" -CAcreateserial -days 825 -sha256 \
        -extfile "$n.ext" -out "$n.pem" 2>/dev/null
      cat "$n.pem" "$ca.pem" > "$n.chain.pem"; cat "$n.key" "$n.chain.pem" > "$n.keychain.pem"
    }
    leaf_by constrained "mail.constrained.test" "DNS:mail.constrained.test" constrainedca
    # critical: the leaf carries a critical extension no client knows (RFC 5280 §4.2)
    leaf_by critical "mail.critical.test" "DNS:mail.critical.test" inter "1.3.6.1.4.1.55555.1.1=critical,ASN1:NULL"
    rm -f ./*.csr ./*.ext ./*.srl
    chmod 644 ./*.pem ./*.key   # lab keys only: Postfix and Dovecot read them after dropping privileges
  )
  rm -rf "$P"; mv "$tmp" "$P"
  say "PKI in $P (trust anchor: $P/root.pem)"
}

certs_complete() {
  local n
  [ -f "$P/root.pem" ] || return 1
  for n in "${LEAVES[@]}"; do [ -f "$P/$n.keychain.pem" ] || return 1; done
}

# ---------------------------------------------------------------- configuration
write_dnsmasq() {
  cat > "$LAB/dnsmasq.conf" <<EOF
port=$DNS_PORT
listen-address=$DNS_IP
bind-interfaces
no-resolv
no-hosts
no-poll
log-queries
log-facility=$LAB/dnsmasq.log
pid-file=$LAB/dnsmasq.pid
# answer .test and 127.in-addr.arpa here (NXDOMAIN for unknown names); REFUSED for the rest: never forward
local=/test/
local=/127.in-addr.arpa/
# host-record = A for exactly that name (AAAA then gets NOERROR without data, not NXDOMAIN);
# ptr-record = the reverse name of an address; it replaces the PTRs host-record would add, so
# reverse DNS says exactly what is written here. "Forward-confirmed" = the PTR name has an A back.

# 1. shared hosting: mail.customer.test -> shared server srv1.hosting.test
host-record=mail.customer.test,127.0.0.2
host-record=srv1.hosting.test,127.0.0.2
ptr-record=2.0.0.127.in-addr.arpa,srv1.hosting.test
mx-host=customer.test,mx.hosting.test,10
host-record=mx.hosting.test,127.0.0.12
# NS customer.test -> ns1.hosting.test (dnsmasq has no ns-record; type 2 in wire format)
dns-rr=customer.test,2,$(wire_name ns1.hosting.test)
host-record=ns1.hosting.test,$DNS_IP

# 2. already right: mail.own.test has its own valid certificate
host-record=mail.own.test,127.0.0.3
ptr-record=3.0.0.127.in-addr.arpa,mail.own.test
mx-host=own.test,mail.own.test,10

# 3. SAN only: the certificate names mail.hostco.test; reverse DNS is a generic ISP name
host-record=mail.shop.test,127.0.0.4
host-record=mail.hostco.test,127.0.0.4
host-record=4.0.0.127.rev.isp.test,127.0.0.4
ptr-record=4.0.0.127.in-addr.arpa,4.0.0.127.rev.isp.test
mx-host=shop.test,mail.shop.test,10

# 4. self-signed: nothing on this server is trusted
host-record=mail.cheap.test,127.0.0.5
host-record=srv1.cheap.test,127.0.0.5
ptr-record=5.0.0.127.in-addr.arpa,srv1.cheap.test
mx-host=cheap.test,mail.cheap.test,10

# 5. SNI-dependent: default certificate *.default.test, srv3.sni.test only when asked by SNI
host-record=mail.florist.test,127.0.0.6
host-record=srv3.sni.test,127.0.0.6
ptr-record=6.0.0.127.in-addr.arpa,srv3.sni.test
mx-host=florist.test,mail.florist.test,10

# 6. chains a client rejects, on the shared server: mail.constrained.test (name constraints) and
#    mail.critical.test (unknown critical extension) -> fixable: srv1.hosting.test
host-record=mail.constrained.test,127.0.0.2
mx-host=constrained.test,mail.constrained.test,10
host-record=mail.critical.test,127.0.0.2
mx-host=critical.test,mail.critical.test,10
EOF
}

wire_name() { # DNS name in uncompressed wire format, as hex (RFC 1035 §3.1)
  local label out=""
  local IFS=.
  for label in $1; do out+=$(printf '%02X' "${#label}")$(printf '%s' "$label" | od -An -tx1 | tr -d ' \n' | tr a-f A-F); done
  printf '%s00' "$out"
}

write_dovecot() {
  local listen; listen=$(IFS=,; echo "${ADDRS[*]}" | sed 's/,/, /g')
  sni() { printf '  local_name %s {\n    ssl_cert = <%s/%s.chain.pem\n    ssl_key = <%s/%s.key\n  }\n' "$1" "$P" "$2" "$P" "$2"; }
  default() { printf '  ssl_cert = <%s/%s.chain.pem\n  ssl_key = <%s/%s.key\n' "$P" "$1" "$P" "$1"; }
  { cat <<EOF
protocols = imap pop3
listen = $listen
base_dir = $LAB/dovecot-run
state_dir = $LAB/dovecot-state
log_path = $LAB/dovecot.log
instance_name = mailcert-lab-dovecot
ssl = yes
ssl_dh = </usr/share/dovecot/dh.pem
ssl_min_protocol = TLSv1.2
ssl_cert = <$P/wildcard.chain.pem
ssl_key = <$P/wildcard.key
disable_plaintext_auth = yes
auth_mechanisms = plain login
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=$LAB/mail/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = 10143
  }
  inet_listener imaps {
    port = 10993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 10110
  }
  inet_listener pop3s {
    port = 10995
    ssl = yes
  }
}
EOF
    echo "local 127.0.0.2 {"; default wildcard
    sni mail.expired.test expired; sni mail.nochain.test nochain; sni www.other.test mismatch
    sni mail.selfsigned.test selfsigned
    sni mail.constrained.test constrained; sni mail.critical.test critical; echo "}"
    echo "local 127.0.0.3 {"; default own; echo "}"
    echo "local 127.0.0.4 {"; default hostco; echo "}"
    echo "local 127.0.0.5 {"; default cheap; echo "}"
    echo "local 127.0.0.6 {"; default default; sni srv3.sni.test sni; echo "}"
  } > "$LAB/dovecot.conf"
}

write_postfix() {
  mkdir -p "$LAB/postfix"
  cat > "$LAB/postfix/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $LAB/postfix-spool
data_directory = $LAB/postfix-data
maillog_file_prefixes = $LAB
maillog_file = $LAB/postfix.log
myhostname = srv1.hosting.test
mydomain = hosting.test
mydestination =
# 127.0.0.2-6 are not configured on lo, so Postfix refuses them here; master.cf binds them explicitly
inet_interfaces = loopback-only
inet_protocols = ipv4
alias_maps =
alias_database =
local_transport = error:no local delivery in lab
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtpd_tls_security_level = may
smtpd_tls_chain_files = $P/wildcard.keychain.pem
smtpd_tls_loglevel = 1
EOF
  cat > "$LAB/postfix/sni-127.0.0.2" <<EOF
mail.expired.test    $P/expired.keychain.pem
mail.nochain.test    $P/nochain.keychain.pem
www.other.test       $P/mismatch.keychain.pem
mail.selfsigned.test $P/selfsigned.keychain.pem
mail.constrained.test $P/constrained.keychain.pem
mail.critical.test   $P/critical.keychain.pem
EOF
  cat > "$LAB/postfix/sni-127.0.0.6" <<EOF
srv3.sni.test        $P/sni.keychain.pem
EOF
  # per address: greeting name, default chain, SNI table (main.cf parameters overridden per service)
  per_address() {
    case $1 in
      127.0.0.2) echo "-o myhostname=srv1.hosting.test -o tls_server_sni_maps=texthash:$LAB/postfix/sni-127.0.0.2" ;;
      127.0.0.3) echo "-o myhostname=mail.own.test -o smtpd_tls_chain_files=$P/own.keychain.pem" ;;
      127.0.0.4) echo "-o myhostname=mail.hostco.test -o smtpd_tls_chain_files=$P/hostco.keychain.pem" ;;
      127.0.0.5) echo "-o myhostname=srv1.cheap.test -o smtpd_tls_chain_files=$P/cheap.keychain.pem" ;;
      127.0.0.6) echo "-o myhostname=srv3.sni.test -o smtpd_tls_chain_files=$P/default.keychain.pem -o tls_server_sni_maps=texthash:$LAB/postfix/sni-127.0.0.6" ;;
    esac
  }
  local a o
  { for a in "${ADDRS[@]}"; do
      o=$(per_address "$a")
      echo "$a:10025 inet n - n - - smtpd $o"
      echo "$a:10587 inet n - n - - smtpd $o"
      echo "$a:10465 inet n - n - - smtpd -o smtpd_tls_wrappermode=yes $o"
    done
    # Debian's stock internal services, minus port 25, with chroot switched off
    grep -vE '^\s*#|^\s*$' /usr/share/postfix/master.cf.dist | grep -vE '^smtp +inet' |
      awk '$1 ~ /^(pickup|cleanup|qmgr|tlsmgr|rewrite|bounce|defer|trace|verify|flush|proxymap|proxywrite|smtp|relay|showq|error|retry|discard|local|virtual|lmtp|anvil|scache|postlog)$/ { if ($5=="y") $5="n"; print }'
  } > "$LAB/postfix/master.cf"
}

write_configs() {
  mkdir -p "$LAB"/{mail,postfix-spool,postfix-data}
  chmod 1777 "$LAB/mail"; chown postfix "$LAB/postfix-data"
  write_dnsmasq; write_dovecot; write_postfix
}

# ---------------------------------------------------------------- processes
# name, PID file, the process name the PID must have (a stale file may name someone else's PID)
DAEMONS=("dnsmasq $LAB/dnsmasq.pid dnsmasq" "dovecot $LAB/dovecot-run/master.pid dovecot" \
         "postfix $LAB/postfix-spool/pid/master.pid master")

daemon_pid() { # PIDFILE COMM -> prints the PID when that process is alive and is the expected program
  local pid
  [ -f "$1" ] || return 1
  pid=$(tr -d ' \n' < "$1")
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && echo "$pid"
}

listening() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

alive() { # PID: running, not a zombie (an orphaned daemon stays a zombie until PID 1 reaps it)
  local st
  st=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) && [ "${st%% *}" != Z ]
}

stop() { # TERM to every master at once, wait up to 10 s, then KILL what is left
  local d name file comm pid pids=() names=()
  for d in "${DAEMONS[@]}"; do
    read -r name file comm <<< "$d"
    if pid=$(daemon_pid "$file" "$comm"); then kill "$pid"; pids+=("$pid"); names+=("$name"); fi
    rm -f "$file"
  done
  local i left
  for _ in $(seq 100); do
    left=0; for pid in "${pids[@]}"; do alive "$pid" && left=1; done
    [ $left -eq 0 ] && break; sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if alive "${pids[$i]}"; then kill -KILL "${pids[$i]}" 2>/dev/null || true; say "${names[$i]} (${pids[$i]}) killed"
    else say "${names[$i]} (${pids[$i]}) stopped"; fi
  done
}

start() {
  need_root; need_tools
  if daemon_pid "$LAB/dnsmasq.pid" dnsmasq >/dev/null || daemon_pid "$LAB/dovecot-run/master.pid" dovecot >/dev/null \
     || daemon_pid "$LAB/postfix-spool/pid/master.pid" master >/dev/null; then
    say "already running: restarting"
  fi
  stop >/dev/null                               # a second start is a restart
  certs_complete || certs
  local a port busy=()
  for a in "${ADDRS[@]}"; do for port in "${MAIL_PORTS[@]}"; do
    listening "$a" "$port" && busy+=("$a:$port")
  done; done
  [ ${#busy[@]} -eq 0 ] || die "ports already in use by another program: ${busy[*]}"
  write_configs
  # the daemons get no terminal and no pipe: Dovecot keeps its stderr open for good, which would
  # hang a caller that reads our output through a pipe. Start-up errors go to $LAB/start.log.
  : > "$LAB/start.log"
  dnsmasq -C "$LAB/dnsmasq.conf" </dev/null >>"$LAB/start.log" 2>&1 ||
    start_failed "dnsmasq (is $DNS_IP:$DNS_PORT taken?)"
  dovecot -c "$LAB/dovecot.conf" </dev/null >>"$LAB/start.log" 2>&1 || start_failed "dovecot (see also $LAB/dovecot.log)"
  postfix -c "$LAB/postfix" start </dev/null >>"$LAB/start.log" 2>&1 || start_failed "postfix (see also $LAB/postfix.log)"
  # wait (bounded) until every address and port accepts and DNS answers
  local waited=0
  until ready; do
    [ $waited -lt 150 ] || { stop >/dev/null; die "servers did not come up within 15 s: $(ready_report)"; }
    sleep 0.1; waited=$((waited + 1))
  done
  say "started in $LAB: dnsmasq=$(daemon_pid "$LAB/dnsmasq.pid" dnsmasq) dovecot=$(daemon_pid "$LAB/dovecot-run/master.pid" dovecot) postfix=$(daemon_pid "$LAB/postfix-spool/pid/master.pid" master)"
}

start_failed() { tail -5 "$LAB/start.log" >&2; stop >/dev/null; die "$1 did not start"; }

ready() { [ -z "$(ready_report)" ]; }
ready_report() { # prints what is not answering yet
  local a port
  dig +short +time=1 +tries=1 @"$DNS_IP" -p "$DNS_PORT" srv1.hosting.test A 2>/dev/null | grep -qx 127.0.0.2 || printf 'dns '
  for a in "${ADDRS[@]}"; do for port in "${MAIL_PORTS[@]}"; do
    listening "$a" "$port" || printf '%s:%s ' "$a" "$port"
  done; done
}

# ---------------------------------------------------------------- checks
FAILS=0
pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; FAILS=$((FAILS + 1)); }

dns() { # NAME TYPE EXPECTED: dig +short answer, sorted and joined by spaces
  local got
  got=$(dig +short +time=2 +tries=1 @"$DNS_IP" -p "$DNS_PORT" "$1" "$2" 2>&1 | sort | tr '\n' ' ' | sed 's/ $//' || true)
  [ "$got" = "$3" ] && pass "dns $2 $1 = $3" || fail "dns $2 $1: expected '$3', got '$got'"
}

ptr() { # ADDRESS EXPECTED: reverse lookup (dig -x builds the in-addr.arpa name)
  local got
  got=$(dig +short +time=2 +tries=1 @"$DNS_IP" -p "$DNS_PORT" -x "$1" 2>&1 | sort | tr '\n' ' ' | sed 's/ $//' || true)
  [ "$got" = "$2" ] && pass "dns PTR $1 = $2" || fail "dns PTR $1: expected '$2', got '$got'"
}

status() { # NAME EXPECTED-RCODE
  local st
  st=$(dig +time=2 +tries=1 @"$DNS_IP" -p "$DNS_PORT" "$1" A 2>&1 | sed -n 's/.*status: \([A-Z]*\).*/\1/p' || true)
  [ "$st" = "$2" ] && pass "dns $1 is $2" || fail "dns $1: expected $2, got '$st'"
}

# endpoint port -> the s_client STARTTLS argument ("" for implicit TLS)
starttls_of() {
  case $1 in 10143) echo imap ;; 10110) echo pop3 ;; 10587|10025) echo smtp ;; *) echo "" ;; esac
}

tls() { # ADDR PORT SNI EXPECTED-SUBJECT-CN EXPECTED-VERIFY-CODE (hostname checked = SNI; "" = no SNI)
  local a=$1 port=$2 sni=$3 cn=$4 code=$5 st out got_cn got_code
  local args=(-connect "$a:$port" -CAfile "$P/root.pem")
  if [ -n "$sni" ]; then args+=(-servername "$sni" -verify_hostname "$sni"); else args+=(-noservername); fi
  st=$(starttls_of "$port"); [ -n "$st" ] && args+=(-starttls "$st")
  out=$(timeout 10 openssl s_client "${args[@]}" </dev/null 2>/dev/null || true)
  got_cn=$(printf '%s\n' "$out" | sed -n 's/^subject=.*CN *= *\([^,]*\).*/\1/p' | head -1)
  got_code=$(printf '%s\n' "$out" | sed -n 's/^ *Verify return code: \([0-9]*\).*/\1/p' | head -1)
  local what="tls $a:$port${st:+ starttls-$st} sni=${sni:-<none>}"
  if [ "$got_cn" = "$cn" ] && [ "$got_code" = "$code" ]; then pass "$what: CN=$cn verify=$code"
  else fail "$what: expected CN=$cn verify=$code, got CN=${got_cn:-<no handshake>} verify=${got_code:-?}"; fi
}

tls_all_ports() { # ADDR SNI CN CODE on every IMAP, POP3 and SMTP endpoint
  local port; for port in "${MAIL_PORTS[@]}"; do tls "$1" "$port" "$2" "$3" "$4"; done
}

# OpenSSL verify codes: 0 ok, 10 certificate has expired, 18 self-signed leaf,
# 21 unable to verify the first certificate (intermediate not sent), 34 unhandled critical extension,
# 47 permitted subtree violation, 62 hostname mismatch.
verify() {
  need_tools
  [ -f "$P/root.pem" ] || die "no PKI in $P; run 'scripts/real-lab.sh start' first"
  FAILS=0
  echo "shape 1: shared hosting (customer.test -> srv1.hosting.test on 127.0.0.2) -> fixable: srv1.hosting.test"
  dns mail.customer.test A 127.0.0.2; ptr 127.0.0.2 srv1.hosting.test.; dns srv1.hosting.test A 127.0.0.2
  dns customer.test MX "10 mx.hosting.test."; dns customer.test NS ns1.hosting.test.
  dns 2.0.0.127.in-addr.arpa PTR srv1.hosting.test.; dns mx.hosting.test A 127.0.0.12
  tls_all_ports 127.0.0.2 mail.customer.test "*.hosting.test" 62
  tls_all_ports 127.0.0.2 srv1.hosting.test "*.hosting.test" 0
  echo "shape 2: already right (mail.own.test on 127.0.0.3) -> ok"
  dns mail.own.test A 127.0.0.3; ptr 127.0.0.3 mail.own.test.; dns own.test MX "10 mail.own.test."
  tls_all_ports 127.0.0.3 mail.own.test mail.own.test 0
  echo "shape 3: SAN only (mail.shop.test on 127.0.0.4, certificate for mail.hostco.test) -> fixable: mail.hostco.test"
  dns mail.shop.test A 127.0.0.4; dns mail.hostco.test A 127.0.0.4
  ptr 127.0.0.4 4.0.0.127.rev.isp.test.; dns 4.0.0.127.rev.isp.test A 127.0.0.4; dns hostco.test A ""
  tls_all_ports 127.0.0.4 mail.shop.test mail.hostco.test 62
  tls_all_ports 127.0.0.4 mail.hostco.test mail.hostco.test 0
  tls 127.0.0.4 10993 4.0.0.127.rev.isp.test mail.hostco.test 62
  echo "shape 4: self-signed (mail.cheap.test on 127.0.0.5, PTR srv1.cheap.test) -> unfixable"
  dns mail.cheap.test A 127.0.0.5; ptr 127.0.0.5 srv1.cheap.test.; dns srv1.cheap.test A 127.0.0.5
  tls_all_ports 127.0.0.5 mail.cheap.test "*.cheap.test" 18
  tls_all_ports 127.0.0.5 srv1.cheap.test "*.cheap.test" 18
  echo "shape 5: SNI-dependent (mail.florist.test on 127.0.0.6, srv3.sni.test by SNI) -> fixable: srv3.sni.test"
  dns mail.florist.test A 127.0.0.6; ptr 127.0.0.6 srv3.sni.test.; dns srv3.sni.test A 127.0.0.6
  tls_all_ports 127.0.0.6 mail.florist.test "*.default.test" 62
  tls_all_ports 127.0.0.6 srv3.sni.test srv3.sni.test 0
  tls 127.0.0.6 10993 "" "*.default.test" 0; tls 127.0.0.6 10465 "" "*.default.test" 0
  echo "extras by SNI on 127.0.0.2 (inspect tests); elsewhere they fall back to the default"
  local port
  for port in 10993 10110 10465; do
    tls 127.0.0.2 "$port" mail.expired.test mail.expired.test 10
    tls 127.0.0.2 "$port" mail.nochain.test mail.nochain.test 21
    tls 127.0.0.2 "$port" www.other.test www.other.test 0
    tls 127.0.0.2 "$port" mail.selfsigned.test mail.selfsigned.test 18
    tls 127.0.0.2 "$port" mail.constrained.test mail.constrained.test 47
    tls 127.0.0.2 "$port" mail.critical.test mail.critical.test 34
  done
  dns mail.constrained.test A 127.0.0.2; dns mail.critical.test A 127.0.0.2
  tls 127.0.0.3 10993 mail.expired.test mail.own.test 62
  tls 127.0.0.2 10993 "" "*.hosting.test" 0
  echo "unknown names: NXDOMAIN under .test, REFUSED outside (never forwarded)"
  status nothing.customer.test NXDOMAIN; status x.mail.customer.test NXDOMAIN; dns mail.customer.test AAAA ""
  status mail.customer.test NOERROR; status 9.0.0.127.in-addr.arpa NXDOMAIN; status example.com REFUSED
  if [ "$FAILS" -gt 0 ]; then echo "real-lab: verify FAILED ($FAILS checks)"; return 1; fi
  echo "real-lab: verify passed"
}

print_env() {
  printf 'export MAILCERT_REAL_LAB=%q\n' "$LAB"
  printf 'export MAILCERT_REAL_DNS=%q\n' "$DNS_IP:$DNS_PORT"
  printf 'export MAILCERT_REAL_TRUST=%q\n' "$P/root.pem"
  printf 'export MAILCERT_REAL_PKI=%q\n' "$P"
  printf 'export MAILCERT_REAL_PORT_OFFSET=%q\n' "$OFFSET"
  if [ -d "$PG_DIR/data" ]; then
    printf 'export MAILCERT_REAL_PG_URL=%q\n' "jdbc:postgresql://127.0.0.1:$PG_PORT/mailcert?user=postgres"
  fi
}

# ---------------------------------------------------------------- PostgreSQL (scan's results)
# A throw-away cluster owned by the 'postgres' user, trust authentication, loopback only.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

pg_start() {
  need_root
  local bin; bin=$(pg_bin)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "PostgreSQL is missing; run 'scripts/real-lab.sh install' first."
  pg_stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"; chown postgres "$PG_DIR"
  runuser -u postgres -- "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres >"$LAB/pg-init.log" 2>&1 ||
    { tail -5 "$LAB/pg-init.log" >&2; die "initdb failed"; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR" start >/dev/null ||
    { tail -5 "$PG_DIR/pg.log" >&2; die "PostgreSQL did not start (is port $PG_PORT taken?)"; }
  runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE mailcert" ||
    die "could not create the database"
  say "PostgreSQL on 127.0.0.1:$PG_PORT (database mailcert, user postgres, trust)"
}

pg_stop() {
  local bin; bin=$(pg_bin)
  [ -d "$PG_DIR/data" ] || { say "PostgreSQL is not running"; return 0; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 && say "PostgreSQL stopped" || true
}

case ${1:-} in
  install|certs|start|verify|stop) "$1" ;;
  pg-start) pg_start ;;
  pg-stop) pg_stop ;;
  env) print_env ;;
  *) echo "usage: $0 install|certs|start|verify|stop|pg-start|pg-stop|env   (LAB=$LAB)" >&2; exit 2 ;;
esac
