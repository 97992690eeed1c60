#!/usr/bin/env python3
"""Makes a little loopback traffic: three UDP datagrams and one short TCP connection, all to 127.0.0.1."""
import socket
import sys
import threading
import time

udp_port = int(sys.argv[1]) if len(sys.argv) > 1 else 40001
tcp_port = int(sys.argv[2]) if len(sys.argv) > 2 else 40002

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(3):
    udp.sendto(b"dissect udp datagram %d" % i, ("127.0.0.1", udp_port))
    time.sleep(0.05)
udp.close()

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", tcp_port))
server.listen(1)


def serve():
    conn, _ = server.accept()
    data = conn.recv(1024)
    conn.sendall(b"echo: " + data)
    conn.close()


t = threading.Thread(target=serve)
t.start()
client = socket.create_connection(("127.0.0.1", tcp_port))
client.sendall(b"hello over tcp")
client.recv(1024)
client.close()
t.join()
server.close()
