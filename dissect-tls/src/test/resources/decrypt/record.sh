#!/usr/bin/env bash
# Records the loopback TLS sessions used by the decrypt tests. Run as root from this folder:
#   bash record.sh
# Needs openssl (3.0), curl (OpenSSL build) and tcpdump. Captures only on lo, traffic only to 127.0.0.1.
# Re-running makes new randoms and keys: the tests read whatever is here, nothing is hard-coded from the captures
# except the served file and the request curl sends.
set -euo pipefail
cd "$(dirname "$0")"
PORT=44330
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# (3DES is not recorded: OpenSSL 3.0 as packaged here offers no 3DES suite; a unit test covers it.)
# The server's RSA key (PKCS#8 PEM) and a self-signed certificate, made once.
if [ ! -f server-key.pem ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout server-key.pem -out server-cert.pem -days 3650 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1
fi
# The same key as PKCS#1 ("BEGIN RSA PRIVATE KEY"), to test both PEM forms.
openssl rsa -in server-key.pem -traditional -out server-key-pkcs1.pem 2>/dev/null

# What the server serves: -HTTP sends the file as it is, headers included.
BODY='<html><body>Hello from dissect</body></html>'
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nServer: dissect-test\r\n\r\n%s' \
  "${#BODY}" "$BODY" > hello.http
cp hello.http "$WORK/hello.http"

serve() { # serve ARGS...: start s_server in $WORK on $PORT
  (cd "$WORK" && exec openssl s_server -accept 127.0.0.1:$PORT -cert "$OLDPWD/server-cert.pem" \
     -key "$OLDPWD/server-key.pem" -HTTP -quiet "$@" >/dev/null 2>&1) &
  SERVER=$!
  sleep 0.5
}
capture() { # capture NAME: start tcpdump on lo for the test port
  tcpdump -i lo --immediate-mode -U -s 0 -w "$1.pcap" "host 127.0.0.1 and tcp port $PORT" >/dev/null 2>&1 &
  DUMP=$!
  sleep 2
}
finish() { # stop tcpdump and the server
  sleep 1.5
  kill "$DUMP"; wait "$DUMP" || true
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true
}
fetch() { # fetch NAME CURL-ARGS...: one GET /hello.http with curl, key log to NAME.keys
  local name=$1; shift
  SSLKEYLOGFILE="$PWD/$name.keys" curl -s -o /dev/null --http1.1 -k "$@" "https://127.0.0.1:$PORT/hello.http"
}

for spec in \
  "tls12-rsa-aes128-cbc-sha|-cipher AES128-SHA|--tls-max 1.2 --ciphers AES128-SHA" \
  "tls12-rsa-aes256-gcm-sha384|-cipher AES256-GCM-SHA384|--tls-max 1.2 --ciphers AES256-GCM-SHA384" \
  "tls12-ecdhe-aes128-gcm|-cipher ECDHE-RSA-AES128-GCM-SHA256|--tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256" \
  "tls12-ecdhe-chacha20|-cipher ECDHE-RSA-CHACHA20-POLY1305|--tls-max 1.2 --ciphers ECDHE-RSA-CHACHA20-POLY1305" \
  "tls12-ecdhe-aes256-cbc-sha384|-cipher ECDHE-RSA-AES256-SHA384|--tls-max 1.2 --ciphers ECDHE-RSA-AES256-SHA384" \
  "tls12-rsa-aes256-cbc-mte|-cipher AES256-SHA -no_etm|--tls-max 1.2 --ciphers AES256-SHA" \
  "tls13-aes256-gcm|-ciphersuites TLS_AES_256_GCM_SHA384|--tlsv1.3 --tls13-ciphers TLS_AES_256_GCM_SHA384" \
  "tls13-chacha20|-ciphersuites TLS_CHACHA20_POLY1305_SHA256|--tlsv1.3 --tls13-ciphers TLS_CHACHA20_POLY1305_SHA256"
do
  IFS='|' read -r name sargs cargs <<<"$spec"
  rm -f "$name.keys"
  # shellcheck disable=SC2086
  serve $sargs; capture "$name"; fetch "$name" $cargs; finish
done

# TLS 1.3 KeyUpdate: s_client sends one when a line is just "K" (update_requested, so the server updates too).
rm -f tls13-keyupdate.keys
serve -ciphersuites TLS_AES_128_GCM_SHA256; capture tls13-keyupdate
( sleep 1; printf 'K\n'; sleep 0.5; printf 'GET /hello.http HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'; sleep 1 ) \
  | openssl s_client -connect 127.0.0.1:$PORT -tls1_3 -keylogfile tls13-keyupdate.keys >/dev/null 2>&1 || true
finish

# TLS 1.2 resumption, one capture each: by session ticket and by session id (two connections in one capture).
for mode in ticket id; do
  name=tls12-resume-$mode
  extra=(); [ $mode = id ] && extra=(-no_ticket)
  rm -f "$name.keys" "$WORK/sess"
  serve -cipher ECDHE-RSA-AES128-GCM-SHA256 "${extra[@]}"; capture "$name"
  for n in out in; do
    ( sleep 0.5; printf 'GET /hello.http HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'; sleep 0.7 ) \
      | openssl s_client -connect 127.0.0.1:$PORT -tls1_2 "${extra[@]}" -sess_$n "$WORK/sess" \
          -keylogfile "$name.keys" >/dev/null 2>&1 || true
  done
  finish
done
# The TLS 1.3 ChaCha20 session again, with its key log inside the capture (pcapng Decryption Secrets Block).
editcap --inject-secrets tls,tls13-chacha20.keys tls13-chacha20.pcap tls13-chacha20-dsb.pcapng
ls -l ./*.pcap ./*.pcapng ./*.keys

# Cleartext HTTP on port 8080 (the HTTP dissector's own port): python's http.server, curl fetching a file and a
# missing path over two connections (http.server answers HTTP/1.0 and closes).
mkdir -p "$WORK/www" && cp hello.http "$WORK/www/hello.txt"
(cd "$WORK/www" && exec python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1) &
SERVER=$!
sleep 1
tcpdump -i lo --immediate-mode -U -s 0 -w http-8080.pcap "host 127.0.0.1 and tcp port 8080" >/dev/null 2>&1 &
DUMP=$!
sleep 2
curl -s -o /dev/null http://127.0.0.1:8080/hello.txt http://127.0.0.1:8080/missing || true
finish
ls -l http-8080.pcap
