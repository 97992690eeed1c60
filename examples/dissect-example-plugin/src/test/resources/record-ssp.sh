#!/bin/sh
# Records ssp-loopback.pcap (this folder) with tcpdump on lo while ssp_loopback.py runs. Needs root (or capture
# capabilities), tcpdump and python3. Captures only on lo; all traffic goes to 127.0.0.1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tcpdump -i lo -U -w "$here/ssp-loopback.pcap" 'port 9074 or port 9076' 2>/dev/null &
td=$!
sleep 2
python3 "$here/ssp_loopback.py"
sleep 1
kill -INT $td
wait $td || true
echo "wrote $here/ssp-loopback.pcap"
