#!/usr/bin/env bash
# Records the issue-6 loopback captures and tshark's view of them. Run as root from this folder: bash record.sh
# Needs openssl 3.0, tcpdump and tshark (4.0). Captures only on lo, traffic only to 127.0.0.1.
#   tls12-fragmented.pcap   TLS 1.2, server records of at most 512 bytes (-max_send_frag 512) and a certificate
#                           chain of three, so the Certificate message spans records and segments
#   tls13-resumption.pcap   TLS 1.3: a full handshake (-sess_out), then a PSK resumption (-sess_in)
# NAME.keys is the client's key log; NAME.tshark.tsv is tshark's -T fields output for FIELDS below, without keys
# and (NAME.tshark-decrypted.tsv) with them.
set -euo pipefail
cd "$(dirname "$0")"
PORT=44333
KEYS=../decrypt/server-key.pem
CERT=../decrypt/server-cert.pem
CHAIN=../certs/loopback/rsa-inter.pem
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat ../certs/loopback/rsa-inter.pem ../certs/loopback/rsa-root.pem > "$WORK/chain.pem"

capture() { tcpdump -i lo --immediate-mode -U -s 0 -w "$1.pcap" "host 127.0.0.1 and tcp port $PORT" >/dev/null 2>&1 &
  DUMP=$!; sleep 2; }
serve() { openssl s_server -accept 127.0.0.1:$PORT -cert $CERT -key $KEYS -cert_chain "$WORK/chain.pem" -www -quiet "$@" \
  >/dev/null 2>&1 & SERVER=$!; sleep 0.5; }
finish() { sleep 1.5; kill "$DUMP"; wait "$DUMP" || true; kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
client() { (sleep 1; printf 'GET / HTTP/1.0\r\n\r\n'; sleep 1) | openssl s_client -connect 127.0.0.1:$PORT \
  -servername localhost -ign_eof -quiet "$@" >/dev/null 2>&1 || true; }

rm -f tls12-fragmented.keys tls13-resumption.keys
capture tls12-fragmented
serve -tls1_2 -max_send_frag 512
client -tls1_2 -keylogfile tls12-fragmented.keys
finish

capture tls13-resumption
serve -tls1_3
client -tls1_3 -keylogfile tls13-resumption.keys -sess_out "$WORK/sess.pem"
client -tls1_3 -keylogfile tls13-resumption.keys -sess_in "$WORK/sess.pem"
finish

FIELDS=(frame.number frame.protocols tls.record.content_type tls.record.opaque_type tls.record.length
        tls.handshake.type tls.handshake.length tls.handshake.session_id tls.handshake.ciphersuite
        tls.handshake.extension.type tls.handshake.certificate_length http.request.method http.response.code)
E=(); for f in "${FIELDS[@]}"; do E+=(-e "$f"); done
for n in tls12-fragmented tls13-resumption; do
  tshark -r $n.pcap -n -T fields -E header=y -E occurrence=a -E aggregator=, "${E[@]}" > $n.tshark.tsv
  tshark -r $n.pcap -n -o tls.keylog_file:$n.keys -T fields -E header=y -E occurrence=a -E aggregator=, "${E[@]}" \
    > $n.tshark-decrypted.tsv
done
tshark -v | head -1 > tshark.version
