"""Round 97's ``decide.py`` under a module name of its own (as round 58's ``pooled_rule.py``), for the later sets decided
the same way (rounds 103, 105 and 107 each have a ``decide.py`` of their own, so a plain ``from decide import ...``
would find the wrong one): ``decide_set`` reads a set's moved rows and decides it once 6 rows with eval_data moved."""
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("round97_decide", Path(__file__).with_name("decide.py"))
_r97 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r97)
decide_set = _r97.decide_set
