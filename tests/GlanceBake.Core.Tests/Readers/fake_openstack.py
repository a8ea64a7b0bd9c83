#!/usr/bin/python3
"""A small in-memory Keystone v3 + Glance v2 on 127.0.0.1 for the tests of openstack_api.py.

Usage: fake_openstack.py STATE.json PORTFILE
Loads its state (users with passwords, projects, roles, services, endpoints, images) from STATE.json, writes
the port it listens on to PORTFILE, serves until killed, and writes the state back after every change, with
"requests": a list of "METHOD PATH" of every request. Only what openstack_api.py calls is implemented, with
the answers' shapes of the real APIs (Keystone v3 identity API, Glance v2 images API). An endpoint URL "URL"
in STATE.json stands for the fake's own address.
"""
import hashlib
import http.server
import json
import os
import sys
import urllib.parse
import uuid

STATE_PATH, PORT_PATH = sys.argv[1:3]
state = json.load(open(STATE_PATH))
state.setdefault("requests", [])
for key in ("users", "projects", "roles", "domains", "services", "endpoints", "regions", "images",
            "assignments"):
    state.setdefault(key, [])


def save():
    """Written before each answer goes out (and atomically), so a client that got its answer finds it saved."""
    with open(STATE_PATH + ".tmp", "w") as f:
        json.dump(state, f, indent=1, sort_keys=True)
    os.rename(STATE_PATH + ".tmp", STATE_PATH)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=None, headers=None):
        save()
        raw = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n)

    def authorized(self):
        if self.headers.get("X-Auth-Token") == "admin-token":
            return True
        self.answer(401, {"error": {"code": 401, "message": "The request you have made requires authentication."}})
        return False

    def route(self, method):
        url = urllib.parse.urlsplit(self.path)
        parts = [urllib.parse.unquote(p) for p in url.path.strip("/").split("/")]
        q = dict(urllib.parse.parse_qsl(url.query))
        state["requests"].append("%s /%s" % (method, "/".join(parts)))
        data = self.body()
        if parts[:3] == ["v3", "auth", "tokens"] and method == "POST":
            return self.token(json.loads(data.decode()))
        if not self.authorized():
            return
        if parts[0] == "v3":
            return self.identity(method, parts[1:], q, data)
        if parts[0] == "v2" and parts[1] == "images":
            return self.images(method, parts[2:], q, data)
        self.answer(404, {"error": {"message": "no route"}})

    def token(self, body):
        pw = body["auth"]["identity"]["password"]["user"]
        users = [u for u in state["users"] if u["name"] == pw["name"] and u["password"] == pw["password"]]
        if not users:
            return self.answer(401, {"error": {"code": 401, "message": "The request you have made requires authentication."}})
        if users[0]["name"] != "admin":
            return self.answer(201, {"token": {"catalog": []}}, {"X-Subject-Token": "user-token"})
        port = self.server.server_address[1]
        catalog = [{"type": "identity", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:%d/v3" % port}]}]
        for s in state["services"]:
            catalog.append({"type": s["type"], "endpoints": [
                {"interface": e["interface"], "region_id": e["region_id"],
                 "url": e["url"].replace("URL", "http://127.0.0.1:%d" % port)}
                for e in state["endpoints"] if e["service_id"] == s["id"]]})
        self.answer(201, {"token": {"catalog": catalog}}, {"X-Subject-Token": "admin-token"})

    def identity(self, method, parts, q, data):
        coll = parts[0]
        key = coll[:-1]
        if coll == "projects" and len(parts) == 6:  # projects/P/users/U/roles/R
            state["assignments"].append([parts[1], parts[3], parts[5]])
            return self.answer(204)
        rows = state[coll]
        if len(parts) == 1 and method == "GET":
            found = [r for r in rows if all(str(r.get(k)) == v for k, v in q.items())]
            return self.answer(200, {coll: [dict((k, v) for k, v in r.items() if k != "password") for r in found]})
        if len(parts) == 1 and method == "POST":
            new = json.loads(data.decode())[key]
            new.setdefault("id", uuid.uuid4().hex)
            rows.append(new)
            return self.answer(201, {key: new})
        match = [r for r in rows if r["id"] == parts[1]]
        if not match:
            return self.answer(404, {"error": {"code": 404, "message": "Could not find %s: %s." % (key, parts[1])}})
        if method == "GET":
            return self.answer(200, {key: match[0]})
        if method == "PATCH":
            match[0].update(json.loads(data.decode())[key])
            return self.answer(200, {key: match[0]})
        self.answer(405)

    def images(self, method, parts, q, data):
        imgs = state["images"]
        if not parts and method == "GET":
            return self.answer(200, {"images": [i for i in imgs if i["name"] == q.get("name")]})
        if not parts and method == "POST":
            new = json.loads(data.decode())
            new.update(id=str(uuid.uuid4()), status="queued", size=None, checksum=None, os_hash_algo=None,
                       os_hash_value=None, created_at="2026-12-01T00:00:%02dZ" % len(imgs))
            imgs.append(new)
            return self.answer(201, new)
        match = [i for i in imgs if i["id"] == parts[0]]
        if not match:
            return self.answer(404, {"message": "not found"})
        if len(parts) == 2 and method == "PUT":
            match[0].update(status="active", size=len(data), checksum=hashlib.md5(data).hexdigest(),
                            os_hash_algo="sha512", os_hash_value=hashlib.sha512(data).hexdigest())
            return self.answer(204)
        if method == "GET":
            return self.answer(200, match[0])
        if method == "DELETE":
            imgs.remove(match[0])
            return self.answer(204)
        self.answer(405)

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PUT(self):
        self.route("PUT")

    def do_PATCH(self):
        self.route("PATCH")

    def do_DELETE(self):
        self.route("DELETE")


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_PATH + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORT_PATH + ".tmp", PORT_PATH)
server.serve_forever()
