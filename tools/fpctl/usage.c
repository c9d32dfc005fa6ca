// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl: the usage text of every object, in one place and in the order of
 * the man page (fpctl.8); objects.c prints it for "fpctl OBJECT help" and
 * after a usage error.
 */
#include "objects.h"

const char circuit_usage[] =
	"Usage: fpctl circuit add NAME subscription UUID bandwidth BW\n"
	"                         [ dev DEV ] [ tier { standard | premium } ]\n"
	"                         [ port { none | 10G | 100G } ] [ route-limit N ]\n"
	"       fpctl circuit set NAME [ dev { DEV | none } ] [ tier TIER ]\n"
	"                         [ bandwidth BW ] [ port PORT ] [ route-limit N ]\n"
	"       fpctl circuit del NAME\n"
	"       fpctl circuit { show [ NAME ] | list }\n"
	"BW := 50M | 100M | 200M | 500M | 1G | 2G | 5G | 10G | 40G | 100G\n"
	"route-limit 0 restores the default of the port.  INSTALLED and\n"
	"PENDING count the routes the data path has, and those waiting for\n"
	"room under LIMIT, as of the last commit.\n";

const char auth_usage[] =
	"Usage: fpctl auth add NAME circuit CIRCUIT\n"
	"       fpctl auth del NAME circuit CIRCUIT\n"
	"       fpctl auth { show [ NAME circuit CIRCUIT ] | list }\n"
	"\"auth add\" prints the 128-bit key once; it is never shown again.\n"
	"\"auth del\" revokes it and deletes the connection made with it.\n";

const char vnet_usage[] =
	"Usage: fpctl vnet add NAME subscription UUID region REGION\n"
	"                      [ sku SKU [ units N ] ] [ spaces PREFIX[,PREFIX...] ]\n"
	"       fpctl vnet set NAME [ region REGION ] [ sku SKU ] [ units N ]\n"
	"                      [ spaces { PREFIX[,PREFIX...] | none } ]\n"
	"       fpctl vnet del NAME\n"
	"       fpctl vnet { show [ NAME ] | list }\n"
	"SKU := none | Standard | HighPerformance | UltraPerformance |\n"
	"       ErGw1AZ | ErGw2AZ | ErGw3AZ | ErGwScale (with units 1..40)\n"
	"\"set spaces\" replaces the whole list.  Peerings: fpctl peering.\n";

const char peering_usage[] =
	"Usage: fpctl peering { add | del } VNET PEER\n"
	"The peers of a vnet are shown by \"fpctl vnet show\".\n";

const char endpoint_usage[] =
	"Usage: fpctl endpoint add NAME vnet VNET prefix PREFIX [ dev DEV ]\n"
	"                          [ mac LLADDR ]\n"
	"       fpctl endpoint set NAME [ prefix PREFIX ] [ dev { DEV | none } ]\n"
	"                          [ mac { LLADDR | none } ]\n"
	"       fpctl endpoint del NAME\n"
	"       fpctl endpoint { show [ NAME ] | list }\n"
	"A bare address is a host prefix (/32 or /128).  Without a MAC the\n"
	"neighbour table of the device resolves it.\n";

const char conn_usage[] =
	"Usage: fpctl connection add NAME circuit CIRCUIT vnet VNET [ FLAG { on | off } ]...\n"
	"                            [ auth-key KEY ]\n"
	"       fpctl connection set NAME FLAG { on | off } [ FLAG { on | off } ]...\n"
	"       fpctl connection del NAME\n"
	"       fpctl connection { show [ NAME ] | list }\n"
	"FLAG := fastpath | peering | udr | private-link\n"
	"KEY := the 32 hex digits \"fpctl auth add\" printed; needed when the\n"
	"       circuit and the vnet belong to different subscriptions.\n";

const char exception_usage[] =
	"Usage: fpctl exception { add | set } PREFIX vnet VNET kind KIND\n"
	"       fpctl exception del PREFIX vnet VNET\n"
	"       fpctl exception { show [ PREFIX vnet VNET ] | list }\n"
	"KIND := private-endpoint | internal-lb | basic-lb | dns-resolver |\n"
	"        cross-region | manual\n";

const char udr_usage[] =
	"Usage: fpctl udr { add | set } PREFIX vnet VNET nexthop ENDPOINT\n"
	"       fpctl udr del PREFIX vnet VNET\n"
	"       fpctl udr { show [ PREFIX vnet VNET ] | list }\n"
	"IPv4 only; the next hop is an endpoint (NVA) in VNET or a peered vnet.\n";
