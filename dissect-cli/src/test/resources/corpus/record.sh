#!/bin/sh
# Records the CLI regression corpus on loopback only (lo, or "any" for the Linux cooked v2 capture), traffic only to
# 127.0.0.1 and ::1, then writes each capture's expected output with the freshly built ./dissect.
# Needs root (or capture capabilities), tcpdump, dumpcap and python3. Check the .fields.tsv files against tshark
# with compare-tshark.sh before committing them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
record() { # name tool-args... ; then traffic kind and port
  name=$1; kind=$2; port=$3; shift 3
  "$@" &
  pid=$!
  sleep 2
  python3 "$here/corpus_traffic.py" "$kind" "$port"
  sleep 1
  kill -INT $pid
  wait $pid || true
}
record udp4 udp4 47001 tcpdump -i lo -U -w "$here/udp4.pcap" 'udp port 47001' 2>/dev/null
record tcp4 tcp4 47002 dumpcap -q -i lo -f 'tcp port 47002' -w "$here/tcp4.pcapng"
record tcp6 tcp6 47003 tcpdump -i lo -U --time-stamp-precision=nano -w "$here/tcp6-ns.pcap" 'tcp port 47003' 2>/dev/null
record udp6 udp6 47004 dumpcap -q -i lo -f 'udp port 47004' -w "$here/udp6.pcapng"
record sll2 udp4 47005 tcpdump -i any -y LINUX_SLL2 -U -w "$here/sll2-any.pcap" 'udp port 47005' 2>/dev/null
"$here/expect.sh"
