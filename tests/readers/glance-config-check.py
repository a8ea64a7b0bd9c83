#!/usr/bin/python3
"""Checks Glance INI files against the option definitions of the Glance installed on this machine.

Usage: glance-config-check.py FILE...      check each file; exit 0 when every section and option is known
       glance-config-check.py --installed  print what is installed (versions, namespaces) as one JSON object

oslo.config ignores an option or section it does not know, silently: a typo such as
[keystone_authtoken] pasword is only seen when every request fails. This script names them.

Who judges what:
- Most sections: oslo-config-validator --input-file FILE (Debian package python3-oslo.config), once per file,
  with the option data of the oslo.config.opts namespaces in NAMESPACES. That data is built once per run by
  oslo-config-generator --format yaml (the same function the validator's --namespace calls) and handed to the
  validator as --opt-data, so the namespaces are loaded once, not once per file. A namespace of NAMESPACES
  that this Glance does not install is named on stderr on every run (never skipped silently); options only
  it would define then count as unknown.
- [keystone_authtoken]: the validator only logs unknown options there (the group is in its KNOWN_BAD_GROUPS,
  because the auth plugin's options are loaded at run time). Checked here against keystonemiddleware's
  auth_token options plus the options of the keystoneauth1 plugin that auth_type names (keystonemiddleware's
  legacy AuthTokenPlugin options when auth_type is unset), as keystonemiddleware's _get_auth_plugin loads them.
- Multi-store backend sections ([DEFAULT] enabled_backends = id:type,...) and the reserved file stores
  os_glance_staging_store / os_glance_tasks_store (from the installed Glance's RESERVED_STORES), which are
  checked wherever they appear: the validator does not know them. Checked here against the
  installed glance_store driver of that type (entry point group glance_store.drivers): its OPTIONS plus
  MULTI_BACKEND_OPTIONS (store_description), as glance_store.driver.Store registers them for a backend group.
- A section without options, which the validator never sees: known when a namespace defines that group.

Output: one line per finding on stderr, "FILE: [section] option: what" ("FILE: [section]: what" for a
section). Warnings, which do not fail the file: deprecated option names (aliases Glance still reads) and options
marked deprecated_for_removal. One "FILE: ok ..." line on stdout per file that passes.
Exit: 0 all known; 1 an unknown section or option (or an unknown store type / auth_type); 2 cannot check
(usage, unreadable or unparsable file, Glance or oslo.config's tools not installed, a tool crashed).

Plain python3 standard library plus the installed oslo.config (and its PyYAML), keystoneauth1,
keystonemiddleware and glance_store modules: Debian's python3-glance pulls them all in. Written for Glance 25
(zed, Debian 12) and later (Glance 30 = 2025.1, Debian 13).
"""

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The oslo.config.opts namespaces a glance-api.conf draws on (Glance's own
# etc/oslo-config-generator/glance-api.conf lists most of them).
NAMESPACES = [
    "glance.api", "glance.store", "glance.multi_store", "keystonemiddleware.auth_token", "oslo.db",
    "oslo.concurrency", "oslo.log", "oslo.limit", "oslo.policy", "oslo.middleware", "oslo.messaging",
]
AUTHTOKEN_GROUP = "keystone_authtoken"
# Glance's reserved stores (glance/common/wsgi_app.py RESERVED_STORES, Glance 25): read from the installed Glance;
# this copy is used, and said so on stderr, only where that module no longer has them.
RESERVED_STORES = {"os_glance_staging_store": "file", "os_glance_tasks_store": "file"}
VALIDATOR_PACKAGE = "python3-oslo.config"
GLANCE_PACKAGE = "python3-glance"


class CannotCheck(Exception):
    """The check itself could not run (exit 2)."""


def version_of(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def entry_points(group):
    return {ep.name: ep for ep in importlib.metadata.entry_points(group=group)}


def namespaces():
    """(present, absent) names of NAMESPACES among the installed oslo.config.opts entry points."""
    installed = entry_points("oslo.config.opts")
    present = [n for n in NAMESPACES if n in installed]
    absent = [n for n in NAMESPACES if n not in installed]
    return present, absent


class Known:
    """The names by which a group's options are read: current names (name and dest), deprecated aliases, and
    {name: reason} of the options marked deprecated_for_removal. Takes oslo.config Opt objects or the option
    records of oslo-config-generator's machine-readable output (the same fields, as dict keys)."""

    def __init__(self, opts=(), group=None):
        self.names, self.deprecated, self.removal = set(), set(), {}
        self.add(opts, group)

    def add(self, opts, group):
        def get(o, key):
            return o.get(key) if isinstance(o, dict) else getattr(o, key, None)

        for opt in opts:
            names = {get(opt, "name"), get(opt, "dest")} - {None}
            self.names |= names
            if get(opt, "deprecated_for_removal"):
                reason = " ".join((get(opt, "deprecated_reason") or "").split())
                self.removal.update(dict.fromkeys(names, reason))
            for d in get(opt, "deprecated_opts") or []:
                name, dgroup = get(d, "name"), get(d, "group")
                if name and dgroup in (None, group):
                    self.deprecated |= {name, name.replace("-", "_")}
        self.deprecated -= self.names
        return self


def tool(name):
    """Path of an oslo.config command-line tool; CannotCheck when it is not installed."""
    path = shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)
    if path is None:
        raise CannotCheck(f"{name} is not installed (Debian package {VALIDATOR_PACKAGE})")
    return path


def opt_data(present, folder):
    """oslo-config-generator's machine-readable data (YAML) for the namespaces: the same data
    oslo-config-validator --namespace builds for itself, built once for every file. Returns (path, data)."""
    import yaml  # oslo.config's own dependency (python3-yaml): the validator reads --opt-data with it

    path = os.path.join(folder, "opt-data.yaml")
    args = [tool("oslo-config-generator"), "--format", "yaml", "--output-file", path]
    for n in present:
        args += ["--namespace", n]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not os.path.exists(path):
        raise CannotCheck(f"oslo-config-generator exited {result.returncode}:\n{(result.stdout + result.stderr).strip()}")
    with open(path, encoding="utf-8") as f:
        return path, yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def reserved_stores():
    """{section: store type} of the reserved stores Glance adds in multi-store mode, from the installed Glance."""
    try:
        from glance.common import wsgi_app

        return dict(wsgi_app.RESERVED_STORES)
    except (ImportError, AttributeError) as e:
        print(f"glance-config-check: the installed Glance has no glance.common.wsgi_app.RESERVED_STORES ({e}); "
              f"checking {', '.join(RESERVED_STORES)} as {', '.join(set(RESERVED_STORES.values()))} stores",
              file=sys.stderr)
        return dict(RESERVED_STORES)


def namespace_groups(data):
    """{group: Known} from the generator's data."""
    return {group: Known(g.get("opts") or [], group) for group, g in (data.get("options") or {}).items()}


def store_driver_options(store_type):
    """Known options of a backend section of glance_store type store_type; None when no driver has that name."""
    drivers = entry_points("glance_store.drivers")
    if store_type not in drivers:
        return None
    cls = drivers[store_type].load()
    opts = list(getattr(cls, "OPTIONS", None) or [])
    if getattr(cls, "OPTIONS", None) is not None:
        opts += list(getattr(cls, "MULTI_BACKEND_OPTIONS", None) or [])
    return Known(opts)


def authtoken_options(auth_type):
    """Known [keystone_authtoken] options with that auth_type; raises LookupError when no plugin has that name."""
    from keystonemiddleware.auth_token import _opts as ksm_opts

    known = Known(dict(ksm_opts.list_opts())[AUTHTOKEN_GROUP], AUTHTOKEN_GROUP)
    if auth_type:
        from keystoneauth1 import exceptions as ka_exceptions
        from keystoneauth1 import loading

        try:
            plugin_opts = loading.get_auth_plugin_conf_options(auth_type)
        except ka_exceptions.NoMatchingPlugin as e:
            raise LookupError(str(e)) from e
    else:
        from keystonemiddleware.auth_token import _auth as ksm_auth

        plugin_opts = ksm_auth.OPTS
    return known.add(plugin_opts, AUTHTOKEN_GROUP)


def parse(path):
    """{section: {option: [values]}} as oslo.config's own parser reads the file."""
    from oslo_config import cfg

    sections = {}
    try:
        cfg.ConfigParser(path, sections).parse()
    except (OSError, cfg.ParseError) as e:
        raise CannotCheck(f"{path}: cannot read: {e}") from e
    return sections


def backends(sections):
    """{id: type} from [DEFAULT] enabled_backends (oslo DictOpt syntax, the last assignment wins)."""
    values = sections.get("DEFAULT", {}).get("enabled_backends")
    if not values:
        return {}
    result = {}
    for item in values[-1].split(","):
        if item.strip():
            key, _, value = item.partition(":")
            result[key.strip()] = value.strip()
    return result


VALIDATOR_ERROR = re.compile(r"^ERROR:[^:]*:(?P<group>[^/\n]+)/(?P<option>\S+) is not part of the sample config$",
                             re.M)
VALIDATOR_DEPRECATED = re.compile(r"^WARNING:[^:]*:Deprecated opt (?P<group>[^/\n]+)/(?P<option>\S+) found$", re.M)


def run_validator(path, data_path, excluded):
    """[(group, option)] the validator calls unknown, [(group, option)] it calls deprecated."""
    args = [tool("oslo-config-validator"), "--opt-data", data_path, "--input-file", path]
    for g in excluded:
        args += ["--exclude-group", g]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    log = result.stdout + result.stderr
    unknown = [(m["group"], m["option"]) for m in VALIDATOR_ERROR.finditer(log)]
    deprecated = [(m["group"], m["option"]) for m in VALIDATOR_DEPRECATED.finditer(log)]
    if result.returncode not in (0, 1) or (result.returncode == 1 and not unknown):
        raise CannotCheck(f"{path}: oslo-config-validator exited {result.returncode}:\n{log.strip()}")
    if result.returncode == 0 and unknown:
        raise CannotCheck(f"{path}: oslo-config-validator exited 0 but printed errors:\n{log.strip()}")
    return unknown, deprecated


def check(path, data_path, groups, reserved, glance_version):
    """Findings for one file: (errors, warnings), each a list of lines in the file's section and option order."""
    sections = parse(path)
    errors, warnings = [], []  # (section, option or None, line)
    own = {}  # sections judged here, not by the validator: {section: (Known, what it is), or None to skip}

    for backend, store_type in sorted(backends(sections).items()):
        known = store_driver_options(store_type)
        if known is None:
            errors.append(("DEFAULT", "enabled_backends",
                           f"{path}: [DEFAULT] enabled_backends: backend '{backend}' has store type '{store_type}', "
                           f"which the installed glance_store {version_of('glance_store')} has no driver for"))
            own[backend] = None  # its options cannot be judged; the line above already fails the file
        else:
            own[backend] = (known, f"options of glance_store's '{store_type}' driver")
    for reserved, store_type in reserved.items():
        known = store_driver_options(store_type)
        if reserved not in own and known is not None:
            own[reserved] = (known, f"options of glance_store's '{store_type}' driver (reserved store)")

    auth_type = (sections.get(AUTHTOKEN_GROUP, {}).get("auth_type") or [None])[-1]
    try:
        plugin = f"the keystoneauth1 '{auth_type}' plugin" if auth_type else "the legacy AuthTokenPlugin (no auth_type)"
        own[AUTHTOKEN_GROUP] = (authtoken_options(auth_type), f"options of keystonemiddleware's auth_token and {plugin}")
    except LookupError as e:
        errors.append((AUTHTOKEN_GROUP, "auth_type",
                       f"{path}: [{AUTHTOKEN_GROUP}] auth_type: '{auth_type}' is no keystoneauth1 plugin that the "
                       f"installed Glance {glance_version} can load ({e})"))
        own[AUTHTOKEN_GROUP] = None  # which options are valid depends on the plugin

    for section, options in sections.items():
        if section in own:
            if own[section] is None:
                continue
            known, what = own[section]
            for option in options:
                if option in known.deprecated:
                    warnings.append((section, option,
                                     f"{path}: [{section}] {option}: deprecated name (still read; {what})"))
                elif option not in known.names:
                    errors.append((section, option,
                                   f"{path}: [{section}] {option}: unknown option (not among the {what} "
                                   f"in the installed Glance {glance_version})"))
        elif not options and section not in groups:
            errors.append((section, None, f"{path}: [{section}]: unknown section (no option namespace of the "
                                          f"installed Glance {glance_version} defines it)"))

    unknown, deprecated = run_validator(path, data_path, [s for s in own if s in sections])
    for group, option in unknown:
        what = "unknown option" if group in groups else f"unknown section [{group}]"
        errors.append((group, option, f"{path}: [{group}] {option}: {what} (oslo-config-validator: not defined "
                                      f"by the installed Glance {glance_version})"))
    for group, option in deprecated:
        warnings.append((group, option, f"{path}: [{group}] {option}: deprecated name (still read; "
                                        f"oslo-config-validator)"))

    # Known but marked for removal: still read by this Glance, but the next may not know it.
    for section, options in sections.items():
        entry = own.get(section, False)
        known = entry[0] if entry else (None if entry is None else groups.get(section))
        for option in options:
            if known is not None and option in known.removal:
                reason = f": {known.removal[option]}" if known.removal[option] else ""
                warnings.append((section, option, f"{path}: [{section}] {option}: deprecated for removal in the "
                                                  f"installed Glance {glance_version} (still read){reason}"))

    order = {s: (i, {o: j for j, o in enumerate(opts)}) for i, (s, opts) in enumerate(sections.items())}

    def position(finding):
        section, option, _ = finding
        i, opts = order.get(section, (len(order), {}))
        return i, -1 if option is None else opts.get(option, len(opts))

    return [f[2] for f in sorted(errors, key=position)], [f[2] for f in sorted(warnings, key=position)]


def installed():
    present, absent = namespaces()
    return {
        "glance": version_of("glance"),
        "glance_store": version_of("glance_store"),
        "oslo.config": version_of("oslo.config"),
        "keystonemiddleware": version_of("keystonemiddleware"),
        "validator": shutil.which("oslo-config-validator"),
        "generator": shutil.which("oslo-config-generator"),
        "namespaces": present,
        "absent_namespaces": absent,
    }


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.split("\n\n")[0] + "\n" + __doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    if argv == ["--installed"]:
        print(json.dumps(installed(), sort_keys=True))
        return 0
    glance_version = version_of("glance")
    if glance_version is None:
        raise CannotCheck(f"Glance is not installed (Debian package {GLANCE_PACKAGE})")
    tool("oslo-config-validator")
    present, absent = namespaces()
    for n in absent:
        # Explicit, never silent: an option only that namespace would define is then reported unknown.
        print(f"glance-config-check: namespace {n} is not installed (no oslo.config.opts entry point in "
              f"Glance {glance_version}); options only it defines count as unknown", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="glance-config-check-") as folder:
        data_path, data = opt_data(present, folder)
        groups = namespace_groups(data)
        reserved = reserved_stores()
        failed = False
        for path in argv:
            failed |= report(path, check(path, data_path, groups, reserved, glance_version), glance_version, present)
    return 1 if failed else 0


def report(path, findings, glance_version, present):
    """Prints one file's findings; True when it has errors."""
    errors, warnings = findings
    for line in warnings + errors:
        print(line, file=sys.stderr)
    if not errors:
        print(f"{path}: ok (Glance {glance_version}; namespaces: {', '.join(present)})")
    return bool(errors)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except CannotCheck as e:
        print(f"glance-config-check: {e}", file=sys.stderr)
        sys.exit(2)
