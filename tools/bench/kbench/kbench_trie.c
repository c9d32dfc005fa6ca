// SPDX-License-Identifier: GPL-2.0
/*
 * The route trie, compiled into the benchmark module from its one source,
 * kmod/trie.c (its "compat.h" and "trie.h" resolve next to it).
 */
#include "../../../kmod/trie.c"
