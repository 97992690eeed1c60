#!/usr/bin/env python3
"""Sensor Stream Protocol traffic on loopback, for dissect's example plugin capture.

Runs a tiny collector (TCP and UDP on 127.0.0.1) and a sensor that talks to it:
  * UDP 9074: one datagram with a hello and a reading, then one with a reading;
  * TCP 9074: hello; a reading split over two segments; two readings in one segment; bye.
    The collector acks every reading;
  * TCP 9076: a reading whose first segment is only 3 bytes, so no heuristic recognises the flow:
    it takes "decode as" (-d tcp.port==9076,ssp) to see it.
Only 127.0.0.1 is used. Usage: python3 ssp_loopback.py
"""
import socket
import struct
import threading
import time

HOST = "127.0.0.1"
PORT = 9074
ODD_PORT = 9076
T0 = 1_700_000_000_000  # fixed timestamps (ms) so the capture's ssp fields are deterministic


def message(msg_type, body=b""):
    return b"SS" + struct.pack(">BBH", 1, msg_type, len(body)) + body


def hello(sensor, interval_ms, name):
    n = name.encode("ascii")
    return message(1, struct.pack(">IHB", sensor, interval_ms, len(n)) + n)


def reading(sensor, seq, millis, quantity, flags, value):
    return message(2, struct.pack(">IIQBBi", sensor, seq, millis, quantity, flags, value))


def ack(seq, status=0):
    return message(3, struct.pack(">IB", seq, status))


def read_message(conn):
    header = b""
    while len(header) < 6:
        chunk = conn.recv(6 - len(header))
        if not chunk:
            return None
        header += chunk
    (length,) = struct.unpack(">H", header[4:6])
    body = b""
    while len(body) < length:
        body += conn.recv(length - len(body))
    return header + body


def tcp_collector(server):
    conn, _ = server.accept()
    with conn:
        while True:
            m = read_message(conn)
            if m is None or m[3] == 4:
                break
            if m[3] == 2:
                (seq,) = struct.unpack(">I", m[10:14])
                conn.sendall(ack(seq))


def udp_collector(sock, count):
    for _ in range(count):
        sock.recvfrom(2048)


def send_slowly(sock, *parts):
    for p in parts:
        sock.sendall(p)
        time.sleep(0.05)


def main():
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((HOST, PORT))
    u = threading.Thread(target=udp_collector, args=(udp, 2))
    u.start()
    servers = []
    threads = []
    for port in (PORT, ODD_PORT):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((HOST, port))
        s.listen(1)
        servers.append(s)
        t = threading.Thread(target=tcp_collector, args=(s,))
        t.start()
        threads.append(t)

    sensor = 0x2A
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.sendto(hello(sensor, 1000, "greenhouse-1") + reading(sensor, 0, T0, 1, 0x80, 21500), (HOST, PORT))
    time.sleep(0.05)
    c.sendto(reading(sensor, 1, T0 + 1000, 2, 0x80, 48250), (HOST, PORT))
    c.close()
    u.join()

    t = socket.create_connection((HOST, PORT))
    t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    r1 = reading(sensor, 2, T0 + 2000, 1, 0xC0, -1250)
    send_slowly(t, hello(sensor, 1000, "greenhouse-1"), r1[:10], r1[10:],
                reading(sensor, 3, T0 + 3000, 3, 0x80, 1013250) + reading(sensor, 4, T0 + 4000, 1, 0x80, 21750),
                message(4))
    time.sleep(0.1)
    t.close()

    odd = socket.create_connection((HOST, ODD_PORT))
    odd.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    r2 = reading(0x2B, 0, T0 + 5000, 2, 0x00, 51000)
    send_slowly(odd, r2[:3], r2[3:], message(4))
    time.sleep(0.1)
    odd.close()

    for th in threads:
        th.join()
    for s in servers:
        s.close()
    udp.close()


if __name__ == "__main__":
    main()
