# Loaded by the behaviour tests through PYTHONPATH, in the parent and in every child.
#
# MP_PROBE_DEFAULT=spawn|forkserver changes multiprocessing's default context the way
#   macOS does (the default, not a fixed choice), so a program's own
#   set_start_method() still works.
# MP_PROBE_LOG=FILE appends the start method of every process started to FILE.
import os

_default = os.environ.get("MP_PROBE_DEFAULT")
_log = os.environ.get("MP_PROBE_LOG")

if _default or _log:
    import multiprocessing.context as _context
    import multiprocessing.process as _process

    if _default:
        _context._default_context._default_context = _context._concrete_contexts[_default]

    if _log:
        _start = _process.BaseProcess.start

        def _logged_start(self):
            _start(self)
            with open(_log, "a") as f:
                f.write(getattr(self._popen, "method", "?") + "\n")

        _process.BaseProcess.start = _logged_start
