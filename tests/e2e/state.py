#!/usr/bin/python3
"""Read what first boot left in Keystone and Glance, as JSON on stdout.

Runs inside the controller root (keystoneauth1 comes with
python3-openstackclient). Authenticates as the fixture's admin from OS_*
variables and asks the APIs directly (one process instead of a dozen
`openstack` calls). Usage: state.py GLANCE_USER SERVICE_PROJECT IMAGE_NAME
"""
import json
import os
import sys

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3

user_name, project_name, image_name = sys.argv[1:4]
auth = v3.Password(
    auth_url=os.environ["OS_AUTH_URL"],
    username=os.environ["OS_USERNAME"],
    password=os.environ["OS_PASSWORD"],
    project_name=os.environ["OS_PROJECT_NAME"],
    user_domain_name=os.environ["OS_USER_DOMAIN_NAME"],
    project_domain_name=os.environ["OS_PROJECT_DOMAIN_NAME"],
)
s = ks_session.Session(auth=auth, timeout=30)
ident = {"service_type": "identity", "interface": "public", "region_name": "RegionOne"}


def get(path, **filt):
    return s.get(path, endpoint_filter=ident, **filt).json()


out = {}
users = get("users?name=" + user_name)["users"]
out["users"] = [{"id": u["id"], "domain_id": u["domain_id"]} for u in users]
projects = get("projects?name=" + project_name)["projects"]
out["projects"] = [p["id"] for p in projects]
out["role_assignments"] = []
if users and projects:
    ra = get("role_assignments?include_names=1&user.id=%s&scope.project.id=%s"
             % (users[0]["id"], projects[0]["id"]))["role_assignments"]
    out["role_assignments"] = sorted(a["role"]["name"] for a in ra)
services = get("services?type=image")["services"]
out["services"] = [{"id": x["id"], "name": x.get("name"), "type": x["type"]} for x in services]
eps = get("endpoints")["endpoints"]
sids = {x["id"] for x in services}
out["endpoints"] = sorted(
    ({"id": e["id"], "interface": e["interface"], "url": e["url"], "region": e.get("region_id")}
     for e in eps if e["service_id"] in sids),
    key=lambda e: e["interface"])
try:
    imgs = s.get("v2/images?name=" + image_name,
                 endpoint_filter={"service_type": "image", "interface": "public",
                                  "region_name": "RegionOne"}).json()["images"]
    out["images"] = [{"id": i["id"], "status": i["status"], "visibility": i.get("visibility"),
                      "disk_format": i.get("disk_format"), "container_format": i.get("container_format"),
                      "size": i.get("size"), "virtual_size": i.get("virtual_size"), "checksum": i.get("checksum"),
                      "os_hash_algo": i.get("os_hash_algo"), "os_hash_value": i.get("os_hash_value")}
                     for i in imgs]
except Exception as e:  # Glance not answering is a finding, not a crash
    out["images_error"] = "%s: %s" % (type(e).__name__, e)
json.dump(out, sys.stdout, sort_keys=True)
print()
