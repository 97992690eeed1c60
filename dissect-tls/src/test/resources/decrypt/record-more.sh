#!/usr/bin/env bash
# Records the loopback sessions added after record.sh, without touching its captures. Run as root from this folder:
#   bash record-more.sh
# Needs openssl (3.0) and tcpdump. Captures only on lo, traffic only to 127.0.0.1. Uses record.sh's server key.
#   tls13-0rtt                    two s_client connections to `s_server -early_data`: the first saves its session
#                                 (-sess_out), the second resumes it (-sess_in) and sends early.txt as 0-RTT early
#                                 data (-early_data), then one more line after the handshake
#   tls12-rsa-camellia128-sha256  s_server -HTTP, cipher CAMELLIA128-SHA256 (0x00ba, encrypt-then-MAC)
#   tls12-ecdhe-aria256-gcm       s_server -HTTP, cipher ECDHE-ARIA256-GCM-SHA384 (0xc061)
set -euo pipefail
cd "$(dirname "$0")"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
capture() { # capture NAME PORT: start tcpdump on lo for the port
  tcpdump -i lo --immediate-mode -U -s 0 -w "$1.pcap" "host 127.0.0.1 and tcp port $2" >/dev/null 2>&1 &
  DUMP=$!
  sleep 1.5
}
stop() { # stop tcpdump, then the server
  sleep 1; kill "$DUMP"; wait "$DUMP" || true
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
}

PORT=44331
rm -f tls13-0rtt.pcap tls13-0rtt.keys
(sleep 8 | openssl s_server -accept 127.0.0.1:$PORT -cert server-cert.pem -key server-key.pem -early_data \
   -naccept 2 -quiet >/dev/null 2>&1) &
SERVER=$!
capture tls13-0rtt $PORT
(sleep 0.5; printf 'first\n'; sleep 0.5) | openssl s_client -connect 127.0.0.1:$PORT -tls1_3 \
  -ciphersuites TLS_AES_128_GCM_SHA256 -sess_out "$WORK/sess" -keylogfile tls13-0rtt.keys >/dev/null 2>&1 || true
printf 'GET /early HTTP/1.0\r\n\r\n' > "$WORK/early.txt"
(sleep 0.5; printf 'GET /late HTTP/1.0\r\n\r\n'; sleep 0.5) | openssl s_client -connect 127.0.0.1:$PORT -tls1_3 \
  -ciphersuites TLS_AES_128_GCM_SHA256 -sess_in "$WORK/sess" -early_data "$WORK/early.txt" \
  -keylogfile tls13-0rtt.keys >/dev/null 2>&1 || true
stop

PORT=44332
cp hello.http "$WORK/hello.http"
for spec in "tls12-rsa-camellia128-sha256|CAMELLIA128-SHA256" "tls12-ecdhe-aria256-gcm|ECDHE-ARIA256-GCM-SHA384"; do
  IFS='|' read -r name cipher <<<"$spec"
  rm -f "$name.pcap" "$name.keys"
  (cd "$WORK" && exec openssl s_server -accept 127.0.0.1:$PORT -cert "$OLDPWD/server-cert.pem" \
     -key "$OLDPWD/server-key.pem" -HTTP -quiet -cipher "$cipher" -naccept 1 >/dev/null 2>&1) &
  SERVER=$!
  sleep 0.5
  capture "$name" $PORT
  (sleep 0.5; printf 'GET /hello.http HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'; sleep 0.7) \
    | openssl s_client -connect 127.0.0.1:$PORT -tls1_2 -cipher "$cipher" -keylogfile "$name.keys" >/dev/null 2>&1 || true
  stop
done
ls -l tls13-0rtt.* tls12-rsa-camellia128-sha256.* tls12-ecdhe-aria256-gcm.*
