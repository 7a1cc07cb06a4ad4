#!/usr/bin/env python3
"""Read the RFB banner and security types through a WebSocket (websockify, or QEMU's own
`-vnc ...,websocket=`). Needs `websockets` (the venv from Scripts/setup).

Usage: ws_rfb_probe.py ws://127.0.0.1:6080/websockify [SUBPROTOCOL, e.g. binary]
"""
import asyncio
import sys

import websockets


async def probe(url, subprotocol):
    options = {"subprotocols": [subprotocol]} if subprotocol else {}
    async with websockets.connect(url, max_size=None, open_timeout=5, **options) as ws:
        print("subprotocol:", ws.subprotocol)
        banner = await asyncio.wait_for(ws.recv(), 5)
        print("banner:", banner)
        await ws.send(b"RFB 003.008\n")
        types = await asyncio.wait_for(ws.recv(), 5)
        print("security types:", list(types[1:1 + types[0]]) if types else types)


if __name__ == "__main__":
    asyncio.run(probe(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
