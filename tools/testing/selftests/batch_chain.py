#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Ordered batches (FASTPATH_CMD_BATCH) over raw generic netlink, pipelined
# the way "fpctl -batch" pipelines: many requests in one sendmsg(), the
# answers read afterwards.  Checks, with the exact errno and extack text of
# every answer:
#   - a request the core refuses by its policy (never seen by the handler)
#     breaks the chain through the gap it leaves: the next request is
#     refused as out of sequence, every later one as after a failure;
#   - a request the rules refuse breaks the chain the same way;
#   - another socket is not affected by a broken chain;
#   - BATCH again restarts the chain;
#   - reads and COMMIT are not links: they neither need nor use a number;
#   - a chain that starts out of sequence refuses its first request;
#   - in the end the namespace holds exactly the vnets that were accepted.
# Attribute and command numbers come from the YNL spec (argv[1]), counted
# the way YNL counts them.  Prints "ok - ..." per check; exit 1 on failure.

import errno
import os
import socket
import struct
import sys

import yaml

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_DUMP = 0x300
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLMSGERR_ATTR_MSG = 1
NLA_F_NESTED = 0x8000
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
SUB = bytes.fromhex("0f8fad5bd9cb469fa16570867728950e")

failed = 0


def check(what, cond, detail=""):
    global failed
    if cond:
        print(f"ok - {what}")
    else:
        failed += 1
        print(f"not ok - {what}: {detail}")


def load_spec(path):
    """Command numbers, attribute numbers per set, enum values."""
    with open(path) as f:
        spec = yaml.safe_load(f)
    cmds, val = {}, 1
    for op in spec["operations"]["list"]:
        val = op.get("value", val)
        cmds[op["name"]] = val
        val += 1
    attrs = {}
    for aset in spec["attribute-sets"]:
        nums, val = {}, 1
        for a in aset["attributes"]:
            val = a.get("value", val)
            nums[a["name"]] = val
            val += 1
        attrs[aset["name"]] = nums
    enums = {}
    for d in spec.get("definitions", []):
        if d.get("type") == "enum":
            start = d.get("value-start", 0)
            enums[d["name"]] = {e["name"] if isinstance(e, dict) else e:
                                start + i
                                for i, e in enumerate(d["entries"])}
    return cmds, attrs, enums


def attr(atype, payload):
    hdr = struct.pack("=HH", 4 + len(payload), atype)
    pad = b"\0" * ((4 - len(payload) % 4) % 4)
    return hdr + payload + pad


def nest(atype, payload):
    return attr(atype | NLA_F_NESTED, payload)


def attrs_parse(buf):
    out, off = {}, 0
    while off + 4 <= len(buf):
        alen, atype = struct.unpack_from("=HH", buf, off)
        if alen < 4:
            break
        out.setdefault(atype & 0x3fff, buf[off + 4:off + alen])
        off += (alen + 3) & ~3
    return out


class Genl:
    def __init__(self):
        self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                               NETLINK_GENERIC)
        self.s.bind((0, 0))
        self.s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        self.portid = self.s.getsockname()[0]

    def msg(self, family, cmd, seq, payload=b"", flags=NLM_F_ACK):
        body = struct.pack("=BBH", cmd, 1, 0) + payload
        return struct.pack("=IHHII", 16 + len(body), family,
                           NLM_F_REQUEST | flags, seq, self.portid) + body

    def recv_all(self, seqs):
        """Answers to @seqs: {seq: (error, extack msg, [payloads])}."""
        got = {s: None for s in seqs}
        data = {s: [] for s in seqs}
        while any(v is None for v in got.values()):
            buf = self.s.recv(65536)
            off = 0
            while off + 16 <= len(buf):
                mlen, mtype, mflags, seq, _ = struct.unpack_from("=IHHII",
                                                                 buf, off)
                body = buf[off + 16:off + mlen]
                off += (mlen + 3) & ~3
                if seq not in got:
                    continue
                if mtype == NLMSG_ERROR:
                    err = struct.unpack_from("=i", body)[0]
                    text = ""
                    if mflags & NLM_F_ACK_TLVS:
                        tlv = attrs_parse(body[20:])
                        text = tlv.get(NLMSGERR_ATTR_MSG, b"")
                        text = text.rstrip(b"\0").decode()
                    got[seq] = (err, text, data[seq])
                elif mtype == NLMSG_DONE:
                    got[seq] = (0, "", data[seq])
                else:
                    data[seq].append(body[4:])
        return got

    def send(self, msgs):
        self.s.send(b"".join(msgs))

    def family(self, name):
        req = self.msg(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1,
                       attr(CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0"))
        self.send([req])
        err, text, data = self.recv_all([1])[1]
        if err:
            sys.exit(f"family {name}: {os.strerror(-err)} {text}")
        return struct.unpack("=H", attrs_parse(data[0])[CTRL_ATTR_FAMILY_ID][:2])[0]


def main():
    cmds, attrs, enums = load_spec(sys.argv[1])
    va, sp, pf = attrs["vnet"], attrs["spaces"], attrs["prefix"]
    sku = enums["sku"]["ergw3az"]

    a = Genl()
    fam = a.family("fastpath")

    def vnet_new(g, seq, name, octet, bad=False):
        p = (attr(va["name"], name.encode() + b"\0") +
             attr(va["subscription"], SUB) +
             attr(va["region"], b"westeurope\0") +
             attr(va["sku"], struct.pack("=I", sku)) +
             nest(va["spaces"], nest(sp["prefix"],
                                     attr(pf["addr"], bytes([octet, 0, 0, 0])) +
                                     attr(pf["len"], b"\x08"))) +
             attr(va["defer"], b""))
        if bad:
            # "id" is read only: the policy refuses it (NLA_REJECT).
            p += attr(va["id"], struct.pack("=I", 1))
        return g.msg(fam, cmds["vnet-new"], seq, p)

    def batch(g, seq):
        return g.msg(fam, cmds["batch"], seq)

    def answers(g, msgs):
        g.send(msgs)
        seqs = [struct.unpack_from("=I", m, 8)[0] for m in msgs]
        return g.recv_all(seqs)

    def expect(what, got, seq, err, text=None):
        e, t, _ = got[seq]
        ok = e == err and (text is None or text in t)
        check(what, ok, f"got {e} \"{t}\", want {err} \"{text}\"")

    gap = "not applied: out of sequence in this batch"
    after = "not applied: an earlier request of this batch failed"

    # 1. A policy failure in the middle of one sendmsg().
    s = 100
    got = answers(a, [batch(a, s), vnet_new(a, s + 1, "c1", 11),
                      vnet_new(a, s + 2, "c2", 12, bad=True),
                      vnet_new(a, s + 3, "c3", 13),
                      vnet_new(a, s + 4, "c4", 14)])
    expect("BATCH acked", got, s, 0)
    expect("first link applied", got, s + 1, 0)
    expect("policy failure reported", got, s + 2, -errno.EINVAL)
    expect("link after the gap refused", got, s + 3, -errno.ECANCELED, gap)
    expect("later link refused", got, s + 4, -errno.ECANCELED, after)

    # 2. Another socket is not affected by a's broken chain.
    b = Genl()
    got = answers(b, [vnet_new(b, 7, "c6", 16)])
    expect("other socket unaffected", got, 7, 0)

    # 3. A rules failure (duplicate name) breaks a restarted chain.
    s = 200
    got = answers(a, [batch(a, s), vnet_new(a, s + 1, "c5", 15),
                      vnet_new(a, s + 2, "c1", 17),
                      vnet_new(a, s + 3, "c7", 18)])
    expect("restarted chain applies", got, s + 1, 0)
    expect("duplicate refused", got, s + 2, -errno.EEXIST)
    expect("link after a rules failure refused", got, s + 3,
           -errno.ECANCELED, after)

    # 4. Reads and COMMIT between links neither need a number of the chain
    # nor use one: any numbers, and the next link still follows BATCH.
    s = 300
    get = a.msg(fam, cmds["vnet-get"], 9001, attr(va["name"], b"c1\0"))
    commit = a.msg(fam, cmds["commit"], 9002)
    got = answers(a, [batch(a, s), get, commit,
                      vnet_new(a, s + 1, "c8", 19)])
    expect("read in a chain", got, 9001, 0)
    expect("commit in a chain", got, 9002, 0)
    expect("link after them applied", got, s + 1, 0)

    # 5. A chain whose first link is out of sequence.
    s = 400
    got = answers(a, [batch(a, s), vnet_new(a, s + 2, "c9", 20)])
    expect("first link out of sequence refused", got, s + 2,
           -errno.ECANCELED, gap)

    # 6. What the namespace holds: the accepted vnets, nothing else.
    dump = a.msg(fam, cmds["vnet-get"], 500, flags=NLM_F_ACK | NLM_F_DUMP)
    got = answers(a, [dump])
    names = sorted(attrs_parse(d)[va["name"]].rstrip(b"\0").decode()
                   for d in got[500][2])
    names = [n for n in names if n.startswith("c")]
    check("vnets c* are c1 c5 c6 c8", names == ["c1", "c5", "c6", "c8"],
          " ".join(names))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
