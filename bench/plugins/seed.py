#!/usr/bin/env python3
"""Sets up the redemption benchmark through the platform's API, as its users would: HQ onboards and opens a branch
and offers it the merchant-alliance plugin, the head switches it on and signs a merchant, and residents register
online. Prints shell assignments for run.sh: the branch code, the merchant's and a steward's tokens, the members'
public ids and their tokens (bench/ui/run.sh logs the members in with them). Usage: seed.py <base url> <admin password> <branch code> <members>"""
import datetime
import json
import sys
import urllib.error
import urllib.request
import uuid

BASE, ADMIN_PASSWORD, CODE, MEMBERS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
PASSWORD = "bench-password"


def call(method, path, body=None, token=None, idempotent=False):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if idempotent:
        headers["Idempotency-Key"] = str(uuid.uuid4())
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(BASE + path, data, headers, method=method)) as response:
            text = response.read()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        sys.exit("%s %s: %s %s" % (method, path, e.code, e.read().decode()))


def login(username, password=PASSWORD):
    return call("POST", "/api/auth/login", {"username": username, "password": password})["accessToken"]


def id_number(n):
    first17 = "110105" + (datetime.date(1960, 1, 1) + datetime.timedelta(days=n)).strftime("%Y%m%d") + "%03d" % (n % 1000)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


admin = login("admin", ADMIN_PASSWORD)
call("POST", "/api/admin/branches", {"code": CODE, "name": "基准分会", "address": "基准路 1 号",
     "head": {"username": "head-" + CODE, "displayName": "负责人", "password": PASSWORD}}, admin)
call("POST", "/api/admin/branches/%s/status" % CODE, {"status": "ACTIVE"}, admin)
head = login("head-" + CODE)
call("PUT", "/api/admin/plugins/merchant-alliance/offers/" + CODE, None, admin)
call("PUT", "/api/branches/%s/plugins/merchant-alliance" % CODE, {"enabled": True}, head)
call("POST", "/api/branches/%s/staff" % CODE, {"username": "steward-" + CODE, "displayName": "楼长",
     "password": PASSWORD, "roles": ["STEWARD"]}, head, idempotent=True)
today = datetime.date.today()
call("POST", "/api/branches/%s/plugins/merchant-alliance/merchants" % CODE, {
    "name": "基准超市", "category": "SUPERMARKET", "feeRatePercent": "3.00", "offer": "会员优惠",
    "validFrom": str(today - datetime.timedelta(days=1)), "validTo": str(today + datetime.timedelta(days=30)),
    "login": {"username": "till-" + CODE, "displayName": "收银台", "password": PASSWORD}}, head, idempotent=True)
building = call("POST", "/api/branches/%s/buildings" % CODE, {"name": "1号楼", "units": 6, "latitude": 39.9087,
                "longitude": 116.3975}, head)["id"]
members, member_tokens = [], []
for n in range(MEMBERS):
    username = "m-%s-%d" % (CODE, n)
    call("POST", "/api/member-registrations", {"branch": CODE, "username": username, "password": PASSWORD, "member": {
        "name": "会员", "phone": "139%08d" % n, "idNumber": id_number(n), "buildingId": building, "unit": 1,
        "address": "1单元", "emergencyContact": {"name": "家属", "phone": "138%08d" % n}}})
    member_tokens.append(login(username))
    members.append(call("GET", "/api/me", token=member_tokens[-1])["id"])
# the first code makes the branch's signing key, which mint_codes.py then uses
call("POST", "/api/branches/%s/plugins/merchant-alliance/point-codes" % CODE, None, login("m-%s-0" % CODE),
     idempotent=True)
print("merchant=%s steward=%s members=%s member_tokens=%s" % (login("till-" + CODE), login("steward-" + CODE),
      ",".join(members), ",".join(member_tokens)))
