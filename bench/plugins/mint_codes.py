#!/usr/bin/env python3
"""Mints point codes as the merchant-alliance plugin signs them (PointCodeSigner), with the branch's own key read
from its schema, so that a benchmark has one fresh single-use code per redemption without an HTTP round trip each.
Usage: mint_codes.py <branch> <hex key> <comma-separated member ids> <count> > codes.txt"""
import base64
import hashlib
import hmac
import os
import sys
import time


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main():
    branch, key, members, count = sys.argv[1], bytes.fromhex(sys.argv[2]), sys.argv[3].split(","), int(sys.argv[4])
    expires = int(time.time()) + 3600
    out = []
    for i in range(count):
        payload = "|".join([members[i % len(members)], branch, str(expires), b64(os.urandom(12))]).encode()
        out.append(b64(payload) + "." + b64(hmac.new(key, payload, hashlib.sha256).digest()))
    sys.stdout.write("\n".join(out) + "\n")


main()
