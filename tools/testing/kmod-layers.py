#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Calls between the files of fastpath.ko go one way: no circles.

    kmod-layers.py OBJDIR

OBJDIR holds the built objects of fastpath.ko (kmod/*.o; `make sparse`
leaves them in build/sparse).  File A depends on file B when A's object
uses a symbol (function or variable) that B's object defines: `nm`, not
the includes, so an inline in a header is not a dependency and a call is.
Prints the layers, bottom first, and fails on any circle.
"""
import os
import re
import subprocess
import sys


def objects(top):
    """The object names of fastpath.ko, from Kbuild's fastpath-y lines."""
    names = []
    with open(os.path.join(top, "Kbuild"), encoding="utf-8") as f:
        text = f.read().replace("\\\n", " ")
    for line in text.splitlines():
        m = re.match(r"\s*fastpath-y\s*:?\+?=\s*(.*)", line)
        if m:
            names += [n for n in m.group(1).split() if n.endswith(".o")]
    return names


def symbols(path):
    """(defined, undefined) global symbols of one object."""
    out = subprocess.run(["nm", path], check=True, capture_output=True,
                         text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
        elif len(parts) == 3 and parts[1] in "TDBR":
            defined.add(parts[2])
    return defined, undefined


def circles(graph):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def layers(graph):
    """Each file's height: 0 uses nothing, else 1 + its highest callee."""
    height = {}

    def h(v):
        if v not in height:
            height[v] = 0
            height[v] = 1 + max((h(w) for w in graph[v]), default=-1)
        return height[v]

    for v in graph:
        h(v)
    return height


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: kmod-layers.py OBJDIR")
    objdir = sys.argv[1]
    top = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    files = {}
    for name in objects(top):
        files[os.path.basename(name)[:-2]] = symbols(
            os.path.join(objdir, name))
    owner = {}
    for f, (defined, _) in files.items():
        for s in defined:
            owner[s] = f
    graph = {f: set() for f in files}
    why = {}
    for f, (_, undefined) in files.items():
        for s in undefined:
            g = owner.get(s)
            if g and g != f:
                graph[f].add(g)
                why.setdefault((f, g), s)
    bad = circles(graph)
    for comp in bad:
        print("kmod-layers: circle among " + ", ".join(comp) + ":")
        for f in comp:
            for g in sorted(graph[f] & set(comp)):
                print(f"  {f} -> {g} ({why[(f, g)]})")
    if bad:
        sys.exit(1)
    height = layers(graph)
    for level in range(max(height.values()) + 1):
        names = sorted(f for f in height if height[f] == level)
        print(f"  layer {level}: " + " ".join(names))
    print(f"kmod-layers: {len(files)} files, no circle")


if __name__ == "__main__":
    main()
