"""Summarises a dotnet-trace speedscope file (profile dotnet-sampled-thread-time) for serve-profile.sh: over every
thread, the share of busy samples (those whose top frame is not a wait) during which each frame was on the stack
(inclusive) or on top (exclusive). Usage: speedscope_top.py FILE.speedscope.json [top N] [frame filter substring]"""
import json
import re
import sys
from collections import defaultdict

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
only = sys.argv[3] if len(sys.argv) > 3 else ""
IDLE = re.compile(r"WaitHandle|Wait\(|WaitOne|WaitCore|WaitNative|LowLevelLifoSemaphore|LowLevelMonitor|SleepEx|Thread\.Sleep|"
                  r"epoll|PollEvents|WaitForSocketEvents|Monitor\.Wait|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|"
                  r"Interop\+Sys\.WaitFor|Interop\+Sys\.Read\(|ReadFile|CLR_SPIN_WAIT|ReadEvents|TryReadEvent|SocketAsyncEngine.EventLoop")
PSEUDO = ("CPU_TIME", "UNMANAGED_CODE_TIME", "BLOCKED_TIME")
doc = json.load(open(path))
frames = [f["name"] for f in doc["shared"]["frames"]]
idle = [bool(IDLE.search(n)) for n in frames]
pseudo = [n in PSEUDO for n in frames]
inclusive, exclusive = defaultdict(float), defaultdict(float)
busy = 0.0
for profile in doc["profiles"]:
    stack, last = [], None
    for e in profile.get("events", []):
        at = e["at"]
        # The sampler puts a pseudo-frame on top: CPU_TIME (managed code running) or UNMANAGED_CODE_TIME (native code,
        # running or blocked in a system call); a sample is idle when the real frame under it waits.
        real = [f for f in stack if not pseudo[f]]
        if real and last is not None and at > last and not any(idle[f] for f in real[-3:]):
            span = at - last
            busy += span
            for f in set(real):
                inclusive[f] += span
            exclusive[real[-1]] += span
        last = at
        if e["type"] == "O":
            stack.append(e["frame"])
        elif stack:
            stack.pop()


def show(title, table):
    print(f"\n{title} (busy samples: {busy / 1000:.1f} s)")
    rows = [(f, t) for f, t in table.items() if only in frames[f]]
    for f, t in sorted(rows, key=lambda p: -p[1])[:top]:
        print(f"{t / busy * 100:6.1f} %  {frames[f][:160]}")


show("inclusive", inclusive)
show("exclusive", exclusive)
