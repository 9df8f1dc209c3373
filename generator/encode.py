"""The answer key ships obfuscated, decoded in the browser only when a learner checks.

A deterrent against reading answers in the page source, not security: anyone can run
the same decoding. JSON -> UTF-8 -> XOR with a keystream seeded by an id -> base64.
The quiz template encodes each question apart, seeded by "<quiz id>/<question id>"
(its hints by "<quiz id>/<question id>#hints"), so showing a hint never decodes an answer.
The keystream (FNV-1a seed, xorshift32) is simple on purpose: assets/quiz/core.js
repeats it without Web Crypto, which plain-http intranets do not offer.
"""

from __future__ import annotations

import base64
import json
from functools import lru_cache

_MASK = 0xFFFFFFFF


def _keystream(quiz_id: str, length: int) -> bytes:
    state = 0x811C9DC5
    for byte in ("cq:" + quiz_id).encode():
        state = ((state ^ byte) * 0x01000193) & _MASK
    state = state or 1
    out = bytearray(length)
    for i in range(length):
        state ^= (state << 13) & _MASK
        state ^= state >> 17
        state ^= (state << 5) & _MASK
        out[i] = state & 0xFF
    return bytes(out)


def encode_key(quiz_id: str, data: object) -> str:
    return _encode(quiz_id, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


@lru_cache(maxsize=8192)  # the mistakes page and serve rebuilds encode the same keys again (issue 8)
def _encode(quiz_id: str, raw: bytes) -> str:
    return base64.b64encode(_xor(raw, _keystream(quiz_id, len(raw)))).decode("ascii")


def _xor(data: bytes, pad: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(pad, "big")).to_bytes(len(data), "big")


def decode_key(quiz_id: str, blob: str) -> object:
    raw = base64.b64decode(blob)
    pad = _keystream(quiz_id, len(raw))
    return json.loads(bytes(a ^ b for a, b in zip(raw, pad)).decode())
