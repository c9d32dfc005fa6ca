# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Guest-side watchdog for the selftest scripts, sourced by the guest /init
# of the QEMU harness (tools/testing/qemu/init.sh) and of the DKMS check
# (tools/testing/dkms/dkms-check.sh).  A script that hangs (an rmmod that
# never returns, a command stuck on a lock) would otherwise run into the
# host's QEMU timeout with nothing on the console but the last line the
# script printed.  The watchdog shows where every process is stuck, then
# lets the caller end the run with a verdict.
#
#   hang_watch SECONDS NAME PREFIX ACTION &
#	after SECONDS, prints "selftest NAME did not finish within SECONDS s",
#	then hang_report PREFIX, then runs "ACTION NAME" (a command that ends
#	the run: it must not return to the hung script's loop).  The caller
#	kills the watchdog when the script finishes.
#
#   hang_report PREFIX
#	every line prefixed with PREFIX: each process with its state and
#	what it waits in (wchan), the kernel stack of each process in
#	uninterruptible sleep (D) and of every user process, then the last
#	80 lines of the kernel log not read yet (hung-task reports, RCU
#	stalls, "unregister_netdevice: waiting for DEV to become free").

hang_report() {
	_hp=$1
	for _d in /proc/[0-9]*; do
		[ -r "$_d/stat" ] || continue
		_pid=${_d#/proc/}
		# The state is the field after the ")" that closes the command name.
		_st=$(sed 's/.*) \([A-Za-z]\) .*/\1/' "$_d/stat" 2>/dev/null)
		_cmd=$(tr '\0' ' ' < "$_d/cmdline" 2>/dev/null | cut -c1-200)
		_comm=$(cat "$_d/comm" 2>/dev/null)
		_wchan=$(cat "$_d/wchan" 2>/dev/null)
		# Kernel threads (no command line) only when they are stuck.
		[ -n "$_cmd" ] || [ "$_st" = D ] || continue
		echo "${_hp}pid $_pid state $_st wchan ${_wchan:-?} comm $_comm: ${_cmd:-[kernel thread]}"
		sed "s/^/${_hp}    /" "$_d/stack" 2>/dev/null
	done
	echo "${_hp}kernel log (unread part, last 80 lines):"
	dmesg -c 2>/dev/null | tail -n 80 | sed "s/^/${_hp}| /"
}

hang_watch() {
	sleep "$1"
	echo "${3}selftest $2 did not finish within $1 s; where each process is:"
	hang_report "$3"
	$4 "$2"
}
