#!/usr/bin/env python3
"""A fake serial console on TCP, standing in for a host's serial port behind a BMC.

Each client first gets "FAKE-SERIAL ready" and "login: ", then "tick N" once a second.
Every input line (ended by CR or LF) is answered with "ECHO: <LINE IN UPPER CASE>", and the
raw input bytes are appended to LOGFILE, so a test can check which keys arrived.

Usage: serial_echo.py PORT [LOGFILE]      (listens on 127.0.0.1 only)
"""
import socket
import sys
import threading
import time


def serve_client(conn, log_path):
    alive = threading.Event()
    alive.set()

    def ticker():
        n = 0
        while alive.is_set():
            try:
                conn.sendall(b"tick %d\r\n" % n)
            except OSError:
                return
            n += 1
            time.sleep(1)

    conn.sendall(b"\r\nFAKE-SERIAL ready\r\nlogin: ")
    threading.Thread(target=ticker, daemon=True).start()
    pending = b""
    while True:
        try:
            data = conn.recv(1024)
        except OSError:
            break
        if not data:
            break
        if log_path:
            with open(log_path, "ab") as log:
                log.write(data)
        pending += data
        while True:
            ends = [i for i in (pending.find(b"\r"), pending.find(b"\n")) if i >= 0]
            if not ends:
                break
            line, pending = pending[: min(ends)], pending[min(ends) + 1:]
            if line:
                conn.sendall(b"\r\nECHO: " + line.upper() + b"\r\n")
    alive.clear()
    conn.close()


def main():
    port = int(sys.argv[1])
    log_path = sys.argv[2] if len(sys.argv) > 2 else None
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(4)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve_client, args=(conn, log_path), daemon=True).start()


if __name__ == "__main__":
    main()
