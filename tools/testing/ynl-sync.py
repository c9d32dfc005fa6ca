#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that the YNL spec and the UAPI header describe the same family.

    tools/testing/ynl-sync.py [--spec SPEC] [--header HEADER] [--emit]

Every definition (enum, flags or const), attribute set and operation of
Documentation/netlink/specs/fastpath.yaml must appear in
uapi/linux/fastpath.h with the names and values YNL would generate
(genetlink conventions: FASTPATH_<DEF>_<ENTRY>, FASTPATH_A_<SET>_<ATTR>
after an UNSPEC of 0, FASTPATH_CMD_<OP> after FASTPATH_CMD_UNSPEC, the
__*_MAX / *_MAX pair), and every attribute's kernel-doc line in the header
must start with its YAML type in brackets ("[u32]").  Nothing more and
nothing less.  Name tables in the C sources (kmod/, tools/fpctl/,
tools/testing/nlfuzz/) of the form `[FASTPATH_X] = "name"` must spell
each name as the spec does (an enum entry, an attribute or an operation),
and a table that names one entry of a spec enum must name all of them.  Exit status 1 with one line per mismatch; 0 and
"ynl-sync: OK (N commands, M attributes)" when they agree.  --emit prints
the C enums the spec implies (to start a header edit from).
"""
import argparse
import os
import re
import sys

from ynl_spec import SPEC, TOP, cname, load


def expected(spec):
    """Return {enum c-name: [(entry, value, type or None, doc)]}."""
    fam = spec["name"]
    enums = {}
    for d in spec.get("definitions", []):
        if d["type"] not in ("enum", "flags"):
            continue
        prefix = d.get("name-prefix", "%s-%s-" % (fam, d["name"]))
        ents = []
        for i, e in enumerate(d["entries"]):
            name = e["name"] if isinstance(e, dict) else e
            doc = e.get("doc", "") if isinstance(e, dict) else ""
            val = (1 << i) if d["type"] == "flags" else i
            ents.append((cname(prefix + name), val, None, doc))
        if d.get("render-max"):
            n = len(ents)
            ents.append(("__" + cname(prefix + "max"), n, None, ""))
            ents.append((cname(prefix + "max"), n - 1, None, ""))
        enums["enum " + cname(fam, d["name"]).lower()] = ents
    for s in spec["attribute-sets"]:
        base = cname(fam, "a", s["name"])
        ents = [(base + "_UNSPEC", 0, None, "")]
        for i, a in enumerate(s["attributes"], 1):
            ents.append((cname(base, a["name"]), i, a["type"], a.get("doc", "")))
        n = len(ents)
        ents.append(("__" + base + "_MAX", n, None, ""))
        ents.append((base + "_MAX", n - 1, None, ""))
        enums["enum " + base.lower()] = ents
    base = cname(fam, "cmd")
    ents = [(base + "_UNSPEC", 0, None, "")]
    for i, op in enumerate(spec["operations"]["list"], 1):
        ents.append((cname(base, op["name"]), i, None, op.get("doc", "")))
    n = len(ents)
    ents.append(("__" + base + "_MAX", n, None, ""))
    ents.append((base + "_MAX", n - 1, None, ""))
    enums["enum " + base.lower()] = ents
    return enums


def parse_header(text):
    """Return ({enum name: [(entry, value)]}, {entry: kernel-doc text})."""
    docs = {}
    for m in re.finditer(r"^\s*\*\s*@(\w+):\s*(.*)$", text, re.M):
        docs[m.group(1)] = m.group(2).strip()
    enums = {}
    body_re = re.compile(r"^(enum \w+)\s*\{(.*?)^\};", re.M | re.S)
    for m in body_re.finditer(text):
        body = re.sub(r"/\*.*?\*/", "", m.group(2), flags=re.S)
        ents, val, known = [], -1, {}
        for item in body.split(","):
            item = item.strip()
            if not item:
                continue
            im = re.match(r"^(\w+)\s*(?:=\s*(.+))?$", item)
            if not im:
                raise ValueError("%s: cannot parse entry %r" % (m.group(1), item))
            name, expr = im.group(1), im.group(2)
            if expr is None:
                val += 1
            else:
                for k, v in known.items():
                    expr = re.sub(r"\b%s\b" % k, str(v), expr)
                if not re.match(r"^[\d\s()+\-<x]+$", expr):
                    raise ValueError("%s: bad value %r" % (name, expr))
                val = eval(expr, {"__builtins__": {}})  # digits and operators only
            known[name] = val
            ents.append((name, val))
        enums[m.group(1)] = ents
    return enums, docs


NAME_DIRS = ("kmod", "tools/fpctl", "tools/testing/nlfuzz")


def spec_names(spec):
    """Return ({c-name: spec name}, {c-name: enum c-name}) of every entry,
    attribute and operation."""
    fam = spec["name"]
    names, owner = {}, {}
    for d in spec.get("definitions", []):
        if d["type"] not in ("enum", "flags"):
            continue
        prefix = d.get("name-prefix", "%s-%s-" % (fam, d["name"]))
        for e in d["entries"]:
            n = e["name"] if isinstance(e, dict) else e
            names[cname(prefix + n)] = n
            owner[cname(prefix + n)] = d["name"]
    for s in spec["attribute-sets"]:
        for a in s["attributes"]:
            names[cname(fam, "a", s["name"], a["name"])] = a["name"]
    for op in spec["operations"]["list"]:
        names[cname(fam, "cmd", op["name"])] = op["name"]
    return names, owner


def check_name_tables(spec):
    """Mismatches between the spec and `[FASTPATH_X] = "name"` tables."""
    names, owner = spec_names(spec)
    entry_re = re.compile(r'^\s*\[(FASTPATH_\w+)\]\s*=\s*"([^"]*)"', re.M)
    errs = []
    for d in NAME_DIRS:
        top = os.path.join(TOP, d)
        for dirpath, _, files in os.walk(top):
            for fn in sorted(files):
                if not fn.endswith(".c"):
                    continue
                path = os.path.join(dirpath, fn)
                rel = os.path.relpath(path, TOP)
                with open(path) as f:
                    text = f.read()
                seen = {}
                for m in entry_re.finditer(text):
                    c, got = m.group(1), m.group(2)
                    if c not in names:
                        errs.append("%s: %s is not in the spec" % (rel, c))
                        continue
                    if got != names[c]:
                        errs.append('%s: %s is "%s" in the spec, "%s" here' %
                                    (rel, c, names[c], got))
                    if c in owner:
                        seen.setdefault(owner[c], set()).add(c)
                for enum, have in seen.items():
                    for c in sorted(k for k, o in owner.items() if o == enum):
                        if c not in have:
                            errs.append("%s: the table of %s misses %s" %
                                        (rel, enum, c))
    return errs


def check_consts(spec, text):
    """Every "const" definition is a #define of the same value."""
    fam = spec["name"]
    errs = []
    for d in spec.get("definitions", []):
        if d["type"] != "const":
            continue
        name = cname(fam, d["name"])
        m = re.search(r"^#define\s+%s\s+(\d+)\b" % name, text, re.M)
        if not m:
            errs.append("%s: const of the spec, no #define in the header" % name)
        elif int(m.group(1)) != d["value"]:
            errs.append("%s: %s in the header, %d in the spec" %
                        (name, m.group(1), d["value"]))
        if not d.get("doc"):
            errs.append("const %s: no doc in the spec" % d["name"])
    return errs


# X-macros of the header that list an enum's entries with their names.
NAME_MACROS = {"FASTPATH_REASONS": "reason",
               "FASTPATH_EXCEPTION_KINDS": "exception-kind"}


def check_name_macros(spec, text):
    """Each X-macro lists its enum's entries, in order, with the spec's
    names; all but the last through X, the last through X_LAST."""
    defs = {d["name"]: d for d in spec.get("definitions", [])}
    errs = []
    for macro, enum in NAME_MACROS.items():
        m = re.search(r"^#define %s\(X, X_LAST\)((?:.*\\\n)*.*)$" % macro,
                      text, re.M)
        if not m:
            errs.append("%s: no such macro in the header" % macro)
            continue
        got = re.findall(r"\b(X|X_LAST)\((\w+), \"([^\"]*)\"\)", m.group(1))
        ents = [e["name"] for e in defs[enum]["entries"]]
        want = [("X_LAST" if i == len(ents) - 1 else "X",
                 cname(e), e) for i, e in enumerate(ents)]
        if got != want:
            errs.append("%s: lists %s, the spec's %s is %s" %
                        (macro, got, enum, want))
    return errs


def emit(enums):
    for ename, ents in enums.items():
        print("/**\n * %s - ...\n" % ename, end="")
        for name, val, typ, doc in ents:
            if name.startswith("__") or name.endswith("_MAX"):
                continue
            print(" * @%s: %s%s" % (name, "[%s] " % typ if typ else "", doc or "unused"))
        print(" */\n%s {" % ename)
        for name, val, typ, doc in ents:
            if name.startswith("__"):
                print("\n\t/* private: */")
            if name.endswith("_MAX") and not name.startswith("__"):
                print("\t%s = (%s - 1)" % (name, "__" + name))
            else:
                print("\t%s = %d," % (name, val) if val > 1 and "CONN_F" in name else "\t%s," % name)
        print("};\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default=SPEC)
    ap.add_argument("--header", default=os.path.join(TOP, "uapi/linux/fastpath.h"))
    ap.add_argument("--emit", action="store_true")
    args = ap.parse_args()

    spec = load(args.spec)
    want = expected(spec)
    if args.emit:
        emit(want)
        return 0
    with open(args.header) as f:
        header_text = f.read()
        try:
            have, docs = parse_header(header_text)
        except ValueError as e:
            print("ynl-sync: %s: %s" % (args.header, e), file=sys.stderr)
            return 1

    errs = []
    for ename, ents in want.items():
        if ename not in have:
            errs.append("%s: missing from the header" % ename)
            continue
        got = have[ename]
        if [n for n, _ in got] != [n for n, _, _, _ in ents]:
            errs.append("%s: entries differ: header %s, spec %s" % (
                ename, [n for n, _ in got], [n for n, _, _, _ in ents]))
            continue
        for (name, val), (_, wval, typ, wdoc) in zip(got, ents):
            if val != wval:
                errs.append("%s: value %d in the header, %d in the spec" % (name, val, wval))
            if name.startswith("__") or name.endswith("_MAX"):
                continue
            doc = docs.get(name)
            if doc is None:
                errs.append("%s: no kernel-doc line in the header" % name)
            elif typ and not doc.startswith("[%s]" % typ):
                errs.append("%s: header documents %r, spec type is [%s]" % (name, doc.split()[0], typ))
            if not wdoc and not name.endswith("_UNSPEC"):
                errs.append("%s: no doc in the spec" % name)
    for ename in have:
        if ename.startswith("enum fastpath") and ename not in want:
            errs.append("%s: in the header but not in the spec" % ename)
    for op in spec["operations"]["list"]:
        if not op.get("doc"):
            errs.append("operation %s: no doc" % op["name"])
    errs += check_consts(spec, header_text)
    errs += check_name_macros(spec, header_text)
    errs += check_name_tables(spec)

    if errs:
        for e in errs:
            print("ynl-sync: " + e, file=sys.stderr)
        print("ynl-sync: FAILED (%d mismatches with %s)" % (
            len(errs), os.path.relpath(args.spec)), file=sys.stderr)
        return 1
    ncmd = len(spec["operations"]["list"])
    nattr = sum(len(s["attributes"]) for s in spec["attribute-sets"])
    print("ynl-sync: OK (%d commands, %d attributes)" % (ncmd, nattr))
    return 0


if __name__ == "__main__":
    sys.exit(main())
