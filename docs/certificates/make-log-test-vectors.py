#!/usr/bin/env python3
"""Test vectors for the e-certificate transparency log, written from RFC 9162 section 2.1 as it is defined there
(MTH, PATH, PROOF over a list of entries), with nothing but Python's standard library: an implementation independent of
Tongban's own, which its tests compare against this file. Run: python3 make-log-test-vectors.py > log-test-vectors.json"""
import base64
import hashlib
import json

ENTRIES = [f"issued EC-VECTOR{i:02d} sha256:{hashlib.sha256(str(i).encode()).hexdigest()}" for i in range(7)] + [
    "revoke EC-VECTOR03 2026-12-06T00:00:00Z",
    "suspend EC-VECTOR05 2026-12-06T00:00:00Z",
    "reinstate EC-VECTOR05 2026-12-07T00:00:00Z",
]


def leaf(entry):
    return hashlib.sha256(b"\x00" + entry.encode("utf-8")).digest()


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if len(d) == 0:
        return hashlib.sha256(b"").digest()
    if len(d) == 1:
        return leaf(d[0])
    k = split(len(d))
    return node(mth(d[:k]), mth(d[k:]))


def path(m, d):
    if len(d) == 1:
        return []
    k = split(len(d))
    return path(m, d[:k]) + [mth(d[k:])] if m < k else path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    if m == len(d):
        return [] if b else [mth(d)]
    k = split(len(d))
    return subproof(m, d[:k], b) + [mth(d[k:])] if m <= k else subproof(m - k, d[k:], False) + [mth(d[:k])]


def b64(h):
    return base64.b64encode(h).decode()


n = len(ENTRIES)
print(json.dumps({
    "about": "RFC 9162 2.1 hashing of the entries below (UTF-8), as the e-certificate log at /transparency/certificates hashes its entries",
    "entries": ENTRIES,
    "roots": [{"size": s, "root": b64(mth(ENTRIES[:s]))} for s in range(0, n + 1)],
    "inclusion": [{"index": m, "size": s, "path": [b64(h) for h in path(m, ENTRIES[:s])]} for s in range(1, n + 1) for m in range(s)],
    "consistency": [{"first": m, "second": s, "proof": [b64(h) for h in subproof(m, ENTRIES[:s], True)]} for s in range(1, n + 1) for m in range(1, s + 1)],
}, indent=1, ensure_ascii=False))
