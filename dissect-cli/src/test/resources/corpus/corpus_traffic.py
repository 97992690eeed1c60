#!/usr/bin/env python3
"""Loopback traffic for dissect's CLI regression corpus: only to 127.0.0.1 or ::1.

usage: corpus_traffic.py udp4|tcp4|udp6|tcp6 PORT
"""
import socket
import sys
import threading
import time


def udp(family, host, port):
    rx = socket.socket(family, socket.SOCK_DGRAM)
    rx.bind((host, port))
    tx = socket.socket(family, socket.SOCK_DGRAM)
    for i, payload in enumerate([b"hello", b"dissect corpus datagram", b"x" * 300]):
        tx.sendto(payload, (host, port))
        data, addr = rx.recvfrom(2048)
        rx.sendto(b"ack %d" % i, addr)
        tx.recvfrom(2048)
        time.sleep(0.01)
    tx.close()
    rx.close()


def tcp(family, host, port):
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port))
    srv.listen(1)

    def serve():
        conn, _ = srv.accept()
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(b"echo: " + data)
        conn.close()

    t = threading.Thread(target=serve)
    t.start()
    c = socket.socket(family, socket.SOCK_STREAM)
    c.connect((host, port))
    for line in [b"GET /corpus HTTP/1.0\r\n\r\n", b"second message", b"y" * 2000]:
        c.sendall(line)
        c.recv(4096)
        time.sleep(0.01)
    c.close()
    t.join()
    srv.close()


if __name__ == "__main__":
    kind, port = sys.argv[1], int(sys.argv[2])
    v6 = kind.endswith("6")
    family, host = (socket.AF_INET6, "::1") if v6 else (socket.AF_INET, "127.0.0.1")
    (udp if kind.startswith("udp") else tcp)(family, host, port)
