"""Prints CPU ticks (1/100 s) for bench/run.sh: the machine's busy time, the benchmark's own processes' (the API, and
our PostgreSQL's postmaster with its live and finished backends) and the harness shell's finished children (wrk,
pgbench). The difference over a run is what other work on the machine took from it."""
import os
import sys

api, postmaster, shell = (int(x or 0) for x in sys.argv[1:4])
fields = open("/proc/stat").readline().split()[1:]
busy = sum(int(v) for i, v in enumerate(fields) if i not in (3, 4))  # all but idle and iowait


def stat(pid):
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # from field 3 (state) on
    except OSError:
        return None


ours = 0
for entry in os.listdir("/proc"):
    if entry.isdigit() and (s := stat(entry)) is not None:
        pid, ppid = int(entry), int(s[1])
        if pid == api:
            ours += int(s[11]) + int(s[12])
        elif pid == postmaster:
            ours += sum(int(v) for v in s[11:15])  # its own time and its waited-for backends'
        elif ppid == postmaster:
            ours += int(s[11]) + int(s[12])
s = stat(shell)
print(busy, ours, int(s[13]) + int(s[14]))
