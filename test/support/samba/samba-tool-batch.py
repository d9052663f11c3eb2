"""Runs several samba-tool commands in one interpreter (each start costs ~0.6 s of imports).

Reads a JSON list of argument lists on stdin; writes each command's output followed by a separator
line. Stops at the first failure with a non-zero exit status naming the command's position.
"""
import json
import sys

from samba.netcmd.main import cmd_sambatool

SEPARATOR = "\n--sesame-samba-tool-batch--\n"

for index, argv in enumerate(json.load(sys.stdin)):
    try:
        status = cmd_sambatool()._run("samba-tool", *argv)
    except SystemExit as exit_:
        status = exit_.code
    except Exception as error:  # noqa: BLE001 - reported with the command's position
        print(f"command {index} ({' '.join(argv[:3])}) raised {error!r}", file=sys.stderr)
        sys.exit(2)
    if status not in (None, 0):
        print(f"command {index} ({' '.join(argv[:3])}) exited with {status}", file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(SEPARATOR)
    sys.stdout.flush()
