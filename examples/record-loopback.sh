#!/bin/sh
# Records the small loopback captures used by dissect's reader tests and the README demo.
# Needs root (or capture capabilities), tcpdump, dumpcap (tshark package), python3, openssl and curl.
# Captures only on lo; all traffic goes to 127.0.0.1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res="$here/../dissect-net/src/test/resources/captures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The same UDP + TCP traffic recorded twice at once: pcap with microseconds and with nanoseconds.
tcpdump -i lo -U -w "$res/lo-udp-tcp-us.pcap" 'port 40001 or port 40002' 2>/dev/null &
us=$!
tcpdump -i lo -U --time-stamp-precision=nano -w "$res/lo-udp-tcp-ns.pcap" 'port 40001 or port 40002' 2>/dev/null &
ns=$!
sleep 2
python3 "$here/loopback_traffic.py" 40001 40002
sleep 1
kill -INT $us $ns
wait $us $ns || true

# 2. pcapng with two interfaces (lo twice: UDP with snaplen 64, TCP with the default snaplen) and a section comment.
dumpcap -q -i lo -f 'udp port 40011' -s 64 -i lo -f 'tcp port 40012' \
  --capture-comment 'dissect test capture: two interfaces' -a duration:4 -w "$res/lo-two-interfaces.pcapng" &
dc=$!
sleep 2
python3 "$here/loopback_traffic.py" 40011 40012
wait $dc

# 3. The README's demo: one HTTPS request over TLS 1.2 to openssl s_server with a self-signed certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj '/CN=localhost' \
  -addext 'subjectAltName=DNS:localhost' -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
tcpdump -i lo -U -w "$here/https-loopback.pcap" 'tcp port 44330' 2>/dev/null &
td=$!
openssl s_server -quiet -accept 44330 -www -tls1_2 -key "$tmp/key.pem" -cert "$tmp/cert.pem" &
srv=$!
sleep 2
curl -sk --tlsv1.2 --tls-max 1.2 https://localhost:44330/ -o /dev/null --resolve localhost:44330:127.0.0.1
sleep 1
kill $srv
kill -INT $td
wait $td || true
