#!/usr/bin/env bash
# Records the ladder test captures on the loopback interface (run as root; tcpdump, openssl 3, curl, dig, python3).
# Each capture: a DNS lookup of example.test (dig, answered by dns_responder.py on 127.0.0.1:53), then one HTTPS
# request to the address it returned, with SNI example.test. Traffic only to 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 3650 \
  -subj '/CN=example.test' -addext 'subjectAltName=DNS:example.test' 2>/dev/null
record() {  # NAME PORT SERVER-OPTIONS CURL-OPTIONS
  local name=$1 port=$2 sopts=$3 copts=$4
  python3 "$here/dns_responder.py" 53 & local dns=$!
  openssl s_server -accept "$port" -cert cert.pem -key key.pem -www $sopts >/dev/null 2>&1 & local srv=$!
  sleep 1
  tcpdump -i lo -U -w "$here/$name.pcap" "udp port 53 or tcp port $port" 2>/dev/null & local dump=$!
  sleep 1
  dig @127.0.0.1 example.test A +tries=1 +time=2 +short
  SSLKEYLOGFILE="$here/$name.keys" curl -sk $copts --resolve "example.test:$port:127.0.0.1" \
    "https://example.test:$port/" -o /dev/null
  sleep 1
  kill "$dump" "$srv" "$dns"; wait "$dump" "$srv" "$dns" 2>/dev/null || true
}
record ladder-tls12-rsa 44341 "-tls1_2 -cipher AES128-GCM-SHA256" "--tlsv1.2 --tls-max 1.2 --ciphers AES128-GCM-SHA256"
record ladder-tls13 44342 "-tls1_3 -ciphersuites TLS_AES_128_GCM_SHA256" "--tlsv1.3"
cp key.pem "$here/server-key.pem"
cp cert.pem "$here/server-cert.pem"
rm -rf "$work"
