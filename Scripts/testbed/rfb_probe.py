#!/usr/bin/env python3
"""Print a VNC server's RFB version banner and the security types it offers.

Usage: rfb_probe.py PORT | rfb_probe.py HOST PORT
Output: "banner: b'RFB 003.008\\n'" and "security types: 2=VNC(DES)" (or "1=None", ...).
Exit status 1 when the server refuses the connection with a reason.
"""
import socket
import struct
import sys

NAMES = {0: "Invalid", 1: "None", 2: "VNC(DES)", 5: "RA2", 6: "RA2ne", 16: "Tight", 18: "TLS",
         19: "VeNCrypt", 22: "XVP", 30: "Apple-DH", 113: "MSLogonII", 129: "Unix-Login"}


def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise SystemExit("connection closed early")
        data += chunk
    return data


def main():
    if len(sys.argv) > 2:
        host, port = sys.argv[1], int(sys.argv[2])
    else:
        host, port = "127.0.0.1", int(sys.argv[1])
    sock = socket.create_connection((host, port), timeout=5)
    banner = recv_exact(sock, 12)
    print("banner:", banner)
    version = banner.decode("ascii", "replace")[4:11]
    reply = b"RFB 003.008\n" if version >= "003.008" else banner
    sock.sendall(reply)
    if reply == b"RFB 003.003\n":
        (kind,) = struct.unpack(">I", recv_exact(sock, 4))
        print("security (3.3):", kind, NAMES.get(kind, "?"))
        return 0
    count = recv_exact(sock, 1)[0]
    if count == 0:
        (length,) = struct.unpack(">I", recv_exact(sock, 4))
        print("refused:", recv_exact(sock, length))
        return 1
    kinds = list(recv_exact(sock, count))
    print("security types:", " ".join(f"{k}={NAMES.get(k, '?')}" for k in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
