# SPDX-License-Identifier: GPL-2.0
"""What ynl-sync.py and ynl-tables.py share: the tree, the spec, C names."""
import os
import sys

try:
    import yaml
except ImportError:
    sys.exit("%s: PyYAML missing (Debian: apt install python3-yaml)" %
             os.path.basename(sys.argv[0]))

TOP = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC = os.path.join(TOP, "Documentation/netlink/specs/fastpath.yaml")


def load(path=SPEC):
    """The spec at @path, parsed."""
    with open(path) as f:
        return yaml.safe_load(f)


def cname(*parts):
    """The C name of a spec name: cname("fastpath", "a", "circuit-name")
    is FASTPATH_A_CIRCUIT_NAME."""
    return "_".join(p.replace("-", "_") for p in parts if p).upper()
