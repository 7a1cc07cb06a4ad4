#!/usr/bin/env python3
"""Independent RMCP+ fixture generator for IPMISOLTests (IPMI v2.0 sections 13.28-13.32).

Computes, straight from the specification formulas and with Python's hmac/hashlib plus
`cryptography` for AES, the values the Swift client must reproduce for cipher suites 3
(RAKP-HMAC-SHA1 / HMAC-SHA1-96 / AES-CBC-128) and 17 (RAKP-HMAC-SHA256 /
HMAC-SHA256-128 / AES-CBC-128):

  RAKP2 code = HMAC_Kuid(SIDm | SIDc | Rm | Rc | GUIDc | ROLEm | ULENGTHm | UNAMEm)   (13.31)
  RAKP3 code = HMAC_Kuid(Rc | SIDm | ROLEm | ULENGTHm | UNAMEm)
  SIK        = HMAC_KG(Rm | Rc | ROLEm | ULENGTHm | UNAMEm), KG = Kuid when Kg is zero
  K1, K2     = HMAC_SIK(0x01 * N), HMAC_SIK(0x02 * N), N = HMAC length        (13.32)
  RAKP4 ICV  = HMAC_SIK(Rm | SIDc | GUIDc) truncated to 12 (SHA1) / 16 (SHA256) bytes
  packet     = RMCP | 06 | C0 | SIDc | seq | len | IV | AES-CBC(K2[:16], data|01 02..|padlen)
               | FF.. | padlen | 07 | HMAC_K1(authType..next header)[:12 or 16]   (13.28.4, 13.29)

Session IDs are the 4 little-endian wire bytes. Run: python3 generate_rakp_fixtures.py > rakp_fixtures.json
"""
import hashlib
import hmac
import json
import struct
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def h(data):
    return data.hex()


def ipmi_request(netfn, cmd, seq, data=b""):
    head = bytes([0x20, netfn << 2])
    head += bytes([(-sum(head)) & 0xFF])
    body = bytes([0x81, (seq & 0x3F) << 2, cmd]) + data
    return head + body + bytes([(-sum(body)) & 0xFF])


def aes_cbc_payload(k2, iv, data):
    pad_len = (16 - (len(data) + 1) % 16) % 16
    plain = data + bytes(range(1, pad_len + 1)) + bytes([pad_len])
    enc = Cipher(algorithms.AES(k2[:16]), modes.CBC(iv)).encryptor()
    return iv + enc.update(plain) + enc.finalize()


def session_packet(digest, icv_len, k1, k2, sid, seq, iv, message):
    body = aes_cbc_payload(k2, iv, message)
    covered = bytes([0x06, 0xC0]) + struct.pack("<IIH", sid, seq, len(body)) + body
    pad = (4 - (len(covered) + 2) % 4) % 4
    covered += b"\xff" * pad + bytes([pad, 0x07])
    code = hmac.new(k1, covered, digest).digest()[:icv_len]
    return bytes([0x06, 0x00, 0xFF, 0x07]) + covered + code


def suite(name, digest, icv_len, inputs, kg=None):
    kuid = inputs["password"].encode()
    user = inputs["username"].encode()
    sid_m = struct.pack("<I", inputs["sidm"])
    sid_c = struct.pack("<I", inputs["sidc"])
    rm, rc, guid = bytes.fromhex(inputs["rm"]), bytes.fromhex(inputs["rc"]), bytes.fromhex(inputs["guid"])
    role = bytes([inputs["role"]])
    ulen = bytes([len(user)])

    def mac(key, data):
        return hmac.new(key, data, digest).digest()

    rakp2 = mac(kuid, sid_m + sid_c + rm + rc + guid + role + ulen + user)
    rakp3 = mac(kuid, rc + sid_m + role + ulen + user)
    kg_key = kg if kg and any(kg) else kuid
    sik = mac(kg_key, rm + rc + role + ulen + user)
    n = digest().digest_size
    k1 = mac(sik, b"\x01" * n)
    k2 = mac(sik, b"\x02" * n)
    icv = mac(sik, rm + sid_c + guid)[:icv_len]
    iv = bytes.fromhex(inputs["iv"])
    message = ipmi_request(0x06, 0x01, inputs["rqseq"])  # Get Device ID
    packet = session_packet(digest, icv_len, k1, k2, inputs["sidc"], inputs["seq"], iv, message)
    return {
        "suite": name, "rakp2": h(rakp2), "rakp3": h(rakp3), "sik": h(sik), "k1": h(k1), "k2": h(k2),
        "rakp4": h(icv), "message": h(message), "packet": h(packet),
    }


INPUTS = {
    "username": "admin", "password": "password",
    "sidm": 0x0A0B0C0D, "sidc": 0x11223344,
    "rm": "000102030405060708090a0b0c0d0e0f", "rc": "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
    "guid": "a123456789abcdefa123456789abcdef", "role": 0x14,
    "iv": "5a5b5c5d5e5f60616263646566676869", "seq": 7, "rqseq": 5,
}
KG = bytes.fromhex("6b65796b65796b65796b65796b65796b65796b65")  # "keykeykeykeykeykeyke"

json.dump({
    "inputs": INPUTS,
    "kg": h(KG),
    "suites": [
        suite(3, hashlib.sha1, 12, INPUTS),
        suite(17, hashlib.sha256, 16, INPUTS),
    ],
    "suitesWithKg": [
        suite(3, hashlib.sha1, 12, INPUTS, KG),
        suite(17, hashlib.sha256, 16, INPUTS, KG),
    ],
}, sys.stdout, indent=2)
sys.stdout.write("\n")
