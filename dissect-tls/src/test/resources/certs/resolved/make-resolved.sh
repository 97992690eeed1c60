#!/usr/bin/env bash
# Makes a small RSA PKI (root, intermediate, leaf for www.resolved.test), two CRLs from the intermediate, and one
# capture on lo: a DNS lookup (dig against a tiny Python responder on 127.0.0.1:53 answering 127.0.0.1), then a
# TLS 1.2 connection WITHOUT SNI (s_client -noservername) to that address; the server sends its leaf only, so the
# intermediate must come from elsewhere (-o tls.intermediates). Run as root from this folder: bash make-resolved.sh
# Needs openssl (3.0), dig, python3, tcpdump. Traffic only to 127.0.0.1. Private keys are deleted at the end.
set -euo pipefail
cd "$(dirname "$0")"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PORT=44333

ca_conf() { # ca_conf DIR: a minimal `openssl ca` configuration for CRLs
  mkdir -p "$1"; : > "$1/index.txt"; echo 1000 > "$1/crlnumber"
  cat > "$1/ca.cnf" <<CNF
[ ca ]
default_ca = d
[ d ]
database = $1/index.txt
crlnumber = $1/crlnumber
default_md = sha256
default_crl_days = 3650
CNF
}
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/root.key" -out root.pem -days 3650 -subj "/CN=Resolved Test Root" \
  -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$WORK/inter.key" -out "$WORK/inter.csr" -subj "/CN=Resolved Test Intermediate" 2>/dev/null
printf 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > "$WORK/inter.ext"
openssl x509 -req -in "$WORK/inter.csr" -CA root.pem -CAkey "$WORK/root.key" -CAcreateserial -days 3650 \
  -extfile "$WORK/inter.ext" -out inter.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$WORK/leaf.key" -out "$WORK/leaf.csr" -subj "/CN=www.resolved.test" 2>/dev/null
printf 'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:www.resolved.test\n' > "$WORK/leaf.ext"
openssl x509 -req -in "$WORK/leaf.csr" -CA inter.pem -CAkey "$WORK/inter.key" -CAcreateserial -days 3650 \
  -extfile "$WORK/leaf.ext" -out leaf.pem 2>/dev/null
# CRLs of the intermediate: one revoking nothing, one revoking the leaf.
ca_conf "$WORK/ca"
openssl ca -config "$WORK/ca/ca.cnf" -gencrl -keyfile "$WORK/inter.key" -cert inter.pem -out inter-empty.crl.pem 2>/dev/null
openssl ca -config "$WORK/ca/ca.cnf" -revoke leaf.pem -keyfile "$WORK/inter.key" -cert inter.pem 2>/dev/null
openssl ca -config "$WORK/ca/ca.cnf" -gencrl -keyfile "$WORK/inter.key" -cert inter.pem -out inter-revokes-leaf.crl.pem 2>/dev/null

# The DNS responder: answers every A query with 127.0.0.1 (no AAAA records).
cat > "$WORK/dns.py" <<'PY'
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 53))
for _ in range(4):
    q, addr = s.recvfrom(512)
    end = 12
    while q[end] != 0:
        end += q[end] + 1
    question = q[12:end + 5]
    qtype = struct.unpack("!H", q[end + 1:end + 3])[0]
    answers = b"" if qtype != 1 else b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton("127.0.0.1")
    header = q[:2] + struct.pack("!HHHHH", 0x8580, 1, 1 if answers else 0, 0, 0)
    s.sendto(header + question + answers, addr)
PY
python3 "$WORK/dns.py" & DNS=$!
(exec openssl s_server -accept 127.0.0.1:$PORT -naccept 1 -cert leaf.pem -key "$WORK/leaf.key" -quiet >/dev/null 2>&1) &
SERVER=$!
sleep 0.5
tcpdump -i lo --immediate-mode -U -s 0 -w dns-then-tls12-no-sni.pcap \
  "host 127.0.0.1 and (udp port 53 or tcp port $PORT)" >/dev/null 2>&1 &
DUMP=$!
sleep 1.5
ADDR=$(dig +short +tries=1 @127.0.0.1 www.resolved.test A)
(sleep 0.5; printf 'hello\n'; sleep 0.5) | openssl s_client -connect "$ADDR:$PORT" -noservername -tls1_2 >/dev/null 2>&1 || true
sleep 1; kill $DUMP; wait $DUMP || true
kill $SERVER $DNS 2>/dev/null || true; wait 2>/dev/null || true
rm -f ./*.srl
ls -l
