#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the netlink fuzzer's tables of the family, from the YNL spec.

    tools/testing/ynl-tables.py [--spec SPEC] > tools/testing/nlfuzz/spec_tables.h

Attribute sets (enum set_id, each set's largest attribute, the names of its
attributes, the set a nested attribute holds) and commands (name and
attribute set), as Documentation/netlink/specs/fastpath.yaml has them;
names and values come from uapi/linux/fastpath.h.  tools/testing/ynl-gen.sh
writes the header (make ynl-gen) and fails make lint when it differs from
what the spec gives, as it does for the kernel's generated policies.
"""
import argparse
import sys

from ynl_spec import SPEC, cname, load


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default=SPEC)
    args = ap.parse_args()
    spec = load(args.spec)
    fam = spec["name"]
    sets = spec["attribute-sets"]
    ops = spec["operations"]["list"]
    sid = {s["name"]: "S_" + cname(s["name"]) for s in sets}

    out = []
    p = out.append
    p("/* SPDX-License-Identifier: GPL-2.0 */")
    p("/* Do not edit: generated from Documentation/netlink/specs/%s.yaml" % fam)
    p(" * by tools/testing/ynl-tables.py (make ynl-gen). */")
    p("#ifndef _NLFUZZ_SPEC_TABLES_H")
    p("#define _NLFUZZ_SPEC_TABLES_H")
    p("")
    p("/* The attribute sets of the spec. */")
    p("enum set_id {")
    p("\tS_NONE,")
    for s in sets:
        p("\t%s," % sid[s["name"]])
    p("\tS_COUNT")
    p("};")
    p("")
    p("/* The largest attribute type of each set. */")
    p("static const int set_max[S_COUNT] = {")
    for s in sets:
        p("\t[%s] = %s," % (sid[s["name"]], cname(fam, "a", s["name"], "max")))
    p("};")
    for s in sets:
        p("")
        p("static const char *const %s_names[] = {" % s["name"])
        for a in s["attributes"]:
            p('\t[%s] = "%s",' % (cname(fam, "a", s["name"], a["name"]),
                                  a["name"]))
        p("};")
    p("")
    p("#define NAMES(a) { a, sizeof(a) / sizeof(a[0]) }")
    p("static const struct {")
    p("\tconst char *const *names;")
    p("\tsize_t n;")
    p("} set_names[S_COUNT] = {")
    for s in sets:
        p("\t[%s] = NAMES(%s_names)," % (sid[s["name"]], s["name"]))
    p("};")
    p("")
    p("/* A nested attribute -> the set it holds (S_NONE: not nested). */")
    p("static enum set_id nested_set(enum set_id set, int type)")
    p("{")
    p("\tswitch (set) {")
    for s in sets:
        nests = [a for a in s["attributes"] if a["type"] == "nest"]
        if not nests:
            continue
        p("\tcase %s:" % sid[s["name"]])
        for a in nests:
            p("\t\tif (type == %s)" % cname(fam, "a", s["name"], a["name"]))
            p("\t\t\treturn %s;" % sid[a["nested-attributes"]])
        p("\t\treturn S_NONE;")
    p("\tdefault:")
    p("\t\treturn S_NONE;")
    p("\t}")
    p("}")
    p("")
    p("struct cmd_info {")
    p("\tconst char *name;")
    p("\tenum set_id set;")
    p("};")
    p("")
    p("static const struct cmd_info cmds[%s + 1] = {" % cname(fam, "cmd", "max"))
    for op in ops:
        p('\t[%s] = { "%s", %s },' % (cname(fam, "cmd", op["name"]), op["name"],
                                     sid[op["attribute-set"]]))
    p("};")
    p("")
    p("#endif /* _NLFUZZ_SPEC_TABLES_H */")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
