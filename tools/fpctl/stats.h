/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpctl stats: the per-CPU counters of circuits and connections
 * (FASTPATH_CMD_STATS_GET), as an aligned table or JSON.  The parser and
 * the printers are pure and unit-tested (tests/test_stats.c).
 */
#ifndef FPCTL_STATS_H
#define FPCTL_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/fastpath.h>

#include "json.h"

/* Reasons fpctl knows by name; newer ones are shown by number. */
#define STATS_NREASONS	(FASTPATH_REASON_MAX + 1)
/* Room for reasons of a newer module. */
#define STATS_MAX_REASONS	64

/* A parsed "fpctl stats" command line. */
struct stats_req {
	uint16_t attr;		/* FASTPATH_A_STATS_CIRCUIT/_CONN, 0: all */
	const char *name;	/* the object's name, NULL for all */
};

/* The counters of one object, as the kernel reported them. */
struct stats_obj {
	bool conn;		/* a connection, else a circuit */
	char name[64];
	unsigned int n;		/* reasons reported */
	uint64_t packets[STATS_MAX_REASONS];
	uint64_t bytes[STATS_MAX_REASONS];
};

/*
 * Parse the words after "stats":
 *   [ show | list ] [ circuit NAME | connection NAME ]
 * Returns FPCTL_EXIT_OK, or FPCTL_EXIT_USAGE after a message.
 */
int stats_parse(int argc, char **argv, struct stats_req *req);

/* The YNL name of @reason ("no-route"), or NULL if fpctl does not know it. */
const char *stats_reason_name(unsigned int reason);

/*
 * Print @n objects as a table: OBJECT NAME REASON PACKETS BYTES, one row
 * per reason; rows without packets are left out unless @details, and an
 * object without any packet is one row with REASON "-".
 */
void stats_print_table(FILE *f, const struct stats_obj *objs, unsigned int n,
		       bool details);

/* Print @n objects as a JSON array; every reason, zero or not. */
void stats_print_json(struct json_writer *jw, const struct stats_obj *objs,
		      unsigned int n);

#endif /* FPCTL_STATS_H */
