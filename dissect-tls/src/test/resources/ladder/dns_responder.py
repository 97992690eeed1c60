#!/usr/bin/env python3
"""A tiny DNS responder for recording test captures on loopback: answers every A question for
example.test with 127.0.0.1 (TTL 60), every other question with an empty NOERROR answer.
Usage: python3 dns_responder.py [PORT]   (listens on 127.0.0.1 only; stops after 30 seconds)"""
import socket
import struct
import sys

NAME = b"\x07example\x04test\x00"


def answer(query):
    tid, flags, qd = struct.unpack("!HHH", query[:6])
    end = 12
    while query[end] != 0:
        end += 1 + query[end]
    qname = query[12:end + 1]
    qtype, qclass = struct.unpack("!HH", query[end + 1:end + 5])
    question = query[12:end + 5]
    rd = flags & 0x0100
    hit = qname.lower() == NAME and qtype == 1 and qclass == 1
    header = struct.pack("!HHHHHH", tid, 0x8000 | 0x0400 | rd | 0x0080, 1, 1 if hit else 0, 0, 0)
    body = question
    if hit:
        body += b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton("127.0.0.1")
    return header + body


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 53
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    s.settimeout(30)
    try:
        while True:
            data, peer = s.recvfrom(512)
            s.sendto(answer(data), peer)
    except socket.timeout:
        pass


if __name__ == "__main__":
    main()
