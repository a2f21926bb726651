"""Round 58's rule (``decide.py``'s ``main``) under a module name of its own, for the rounds that reuse it (61, 62 and
64-66): each of their folders has a ``decide.py`` too, and round 52's ``revert.py`` imports its own ``decide``, so a
plain ``from decide import main`` would find the wrong one."""
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("round58_decide", Path(__file__).with_name("decide.py"))
_r58 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r58)
rule = _r58.main
paired = _r58.paired
