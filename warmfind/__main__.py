"""``python -m warmfind`` (and ``torchrun -m warmfind``) runs the CLI.

Under torchrun each rank leaves with its exit code and skips the interpreter's teardown: gloo's threads could abort a
rank there ("terminate called without an active exception", 2 of 17 runs of ``tests/probing/test_distributed.py`` on a
2-core machine) after the work was done and the recipe written, and torchrun then reported the job as failed.
"""

import os
import sys
import traceback
from collections.abc import Callable

from warmfind.cli import main


def _leave_after(run: Callable[[], None]) -> None:
    """Run ``run`` and leave with its exit code (typer's, 130 on Ctrl-C, 1 on an uncaught error), output flushed."""
    code = 1
    try:
        run()
        code = 0
    except SystemExit as exc:  # typer's normal way out, with the command's exit code
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if not isinstance(exc.code, (int, type(None))):
            print(exc.code, file=sys.stderr)
    except KeyboardInterrupt:
        code = 130
    except BaseException:  # noqa: BLE001 - printed as the interpreter would, then the same exit code
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


if int(os.environ.get("WORLD_SIZE", "1")) > 1:
    _leave_after(main)
else:
    main()
