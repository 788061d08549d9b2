"""Drives a command in a pseudo-terminal as a person at a keyboard would (ShellInATerminalTest).

usage: terminal-session.py STEPS_JSON COMMAND [ARG...]
STEPS_JSON is a list of [keys, expected]: the keys are typed, then the output that follows them is read until it
contains the expected text. At the end, the transcript is printed, then a last line "exit=N" with the command's
exit status. A step that waits in vain (120 s) ends the session with status 3 and what was read so far.
"""
import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
import time

steps = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    # a terminal as a person has one: a type and a size (a pty starts 0 x 0, which no line editor can use)
    os.environ["TERM"] = "xterm"
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    os.execvp(sys.argv[2], sys.argv[2:])

transcript = b""


def read_until(expected, since, timeout=120.0):
    global transcript
    deadline = time.time() + timeout
    while expected.encode() not in transcript[since:]:
        left = deadline - time.time()
        ready, _, _ = select.select([fd], [], [], max(0.0, left))
        if not ready:
            return False
        try:
            data = os.read(fd, 4096)
        except OSError:
            return False
        if not data:
            return False
        transcript += data
    return True


for keys, expected in steps:
    since = len(transcript)
    os.write(fd, keys.encode())
    if not read_until(expected, since):
        sys.stdout.write(transcript.decode(errors="replace"))
        sys.stdout.write("\nwaited in vain for %r after typing %r\n" % (expected, keys))
        os.kill(pid, 9)
        sys.exit(3)

# the rest of the output, until the command ends
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    transcript += data
_, status = os.waitpid(pid, 0)
sys.stdout.write(transcript.decode(errors="replace"))
sys.stdout.write("\nexit=%d\n" % os.waitstatus_to_exitcode(status))
