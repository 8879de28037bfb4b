"""Prints CPU ticks (1/100 s) for bench/run.sh: the machine's busy time, the benchmark's own processes' (the APIs, and
their PostgreSQL postmasters with their live and finished backends), the harness shell's finished children (wrk,
pgbench) and the steal time (on a virtual machine: time its CPUs were runnable but the host ran something else). The
difference over a run is what other work, on this machine or on the host, took from it.

Usage: cpu.py SHELL_PID API_PID[,API_PID...] POSTMASTER_PID[,POSTMASTER_PID...] (0 for none)"""
import os
import sys

shell = int(sys.argv[1])
apis = {int(x) for x in sys.argv[2].split(",") if x.strip() not in ("", "0")}
postmasters = {int(x) for x in sys.argv[3].split(",") if x.strip() not in ("", "0")}
fields = open("/proc/stat").readline().split()[1:]
busy = sum(int(v) for i, v in enumerate(fields) if i not in (3, 4))  # all but idle and iowait
steal = int(fields[7]) if len(fields) > 7 else 0


def stat(pid):
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # from field 3 (state) on
    except OSError:
        return None


ours = 0
for entry in os.listdir("/proc"):
    if entry.isdigit() and (s := stat(entry)) is not None:
        pid, ppid = int(entry), int(s[1])
        if pid in apis:
            ours += int(s[11]) + int(s[12])
        elif pid in postmasters:
            ours += sum(int(v) for v in s[11:15])  # its own time and its waited-for backends'
        elif ppid in postmasters:
            ours += int(s[11]) + int(s[12])
s = stat(shell)
print(busy, ours, int(s[13]) + int(s[14]), steal)
