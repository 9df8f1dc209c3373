"""The answer key ships obfuscated, decoded in the browser only when a learner checks.

A deterrent against reading answers in the page source, not security: anyone can run
the same decoding, and a pad that repeats every 64 bytes is no cipher.
JSON -> UTF-8 -> XOR with a 64-byte pad, repeated over the data -> base64. The pad comes
from a seed id: FNV-1a over "cq:" + id, then 64 xorshift32 steps, the lowest byte of each.
The quiz template encodes each question apart, seeded by "<quiz id>/<question id>" (its
hints by "<quiz id>/<question id>#hints"), so showing a hint never decodes an answer.
A fixed-size pad keeps the Python work per key independent of the key's length (issue 8:
17,000 keys at 1,000 lessons); the XOR runs on whole integers. Simple on purpose:
assets/quiz/core.js repeats it without Web Crypto, which plain-http intranets do not offer.
"""

from __future__ import annotations

import base64
import json
from functools import cache

_MASK = 0xFFFFFFFF
PAD_SIZE = 64


def _pad(seed_id: str) -> bytes:
    tables, state = _pad_tables(), _seed_state(seed_id)
    pad = tables[0][state & 0xFF] ^ tables[1][state >> 8 & 0xFF] ^ tables[2][state >> 16 & 0xFF] ^ tables[3][state >> 24]
    return pad.to_bytes(PAD_SIZE, "big")


def _seed_state(seed_id: str) -> int:
    state = 0x811C9DC5  # FNV-1a
    for byte in ("cq:" + seed_id).encode():
        state = ((state ^ byte) * 0x01000193) & _MASK
    return state or 1  # xorshift32 stays at 0 forever


def _xorshift_pad(state: int) -> bytes:
    """The pad as core.js makes it: 64 xorshift32 steps from `state`, the lowest byte of each."""
    pad = bytearray(PAD_SIZE)
    for i in range(PAD_SIZE):
        state ^= (state << 13) & _MASK
        state ^= state >> 17
        state ^= (state << 5) & _MASK
        pad[i] = state & 0xFF
    return bytes(pad)


@cache
def _pad_tables() -> tuple[list[int], ...]:
    """xorshift32 only shifts and XORs, so the pad of a state is the XOR of the pads of its
    set bits: with one table per byte of the state, a pad is four look-ups, not 64 steps
    (tests/site/test_quiz_source.py holds it to _xorshift_pad)."""
    of_bit = [int.from_bytes(_xorshift_pad(1 << bit), "big") for bit in range(32)]
    tables = []
    for first_bit in (0, 8, 16, 24):
        table = [0] * 256
        for value in range(1, 256):
            lowest = value & -value
            table[value] = table[value ^ lowest] ^ of_bit[first_bit + lowest.bit_length() - 1]
        tables.append(table)
    return tuple(tables)


def encode_key(seed_id: str, data: object) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.b64encode(_xor(raw, _pad(seed_id))).decode("ascii")


def decode_key(seed_id: str, blob: str) -> object:
    return json.loads(_xor(base64.b64decode(blob), _pad(seed_id)).decode())


def _xor(data: bytes, pad: bytes) -> bytes:
    size = len(data)
    repeated = (pad * (size // len(pad) + 1))[:size]
    return (int.from_bytes(data, "big") ^ int.from_bytes(repeated, "big")).to_bytes(size, "big")
