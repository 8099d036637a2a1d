# Loaded through PYTHONPATH by `mp-codemod verify`, in the command's Python processes and in
# every child they start. It does nothing unless MP_CODEMOD_VERIFY_RECORDS names a file.
#
# - Makes MP_CODEMOD_VERIFY_METHOD (spawn or forkserver) multiprocessing's default the way macOS
#   does: the default context changes, nothing is "set", so the program's own
#   set_start_method() still works.
# - Appends one JSON line per event to the records file: the known spawn failures (with their
#   stack), every os.fork in a main process, and the sync objects a spawn child makes while it
#   re-imports the parent's modules (reported only if the command hangs).
# - Then runs the sitecustomize this one hides, if there is one.
import os
import sys

_RECORDS = os.environ.get("MP_CODEMOD_VERIFY_RECORDS")
_METHOD = os.environ.get("MP_CODEMOD_VERIFY_METHOD", "spawn")
_HERE = os.path.dirname(os.path.abspath(__file__))


def _frames(tb=None, frame=None):
    """[file, line, function, module] from outermost to innermost."""
    out = []
    f = frame
    while f is not None:
        out.append([f.f_code.co_filename, f.f_lineno, f.f_code.co_name, f.f_globals.get("__name__")])
        f = f.f_back
    out.reverse()
    while tb is not None:
        f = tb.tb_frame
        out.append([f.f_code.co_filename, tb.tb_lineno, f.f_code.co_name, f.f_globals.get("__name__")])
        tb = tb.tb_next
    return [x for x in out if not x[0].startswith(_HERE)][-40:]


def _write(record):
    import json

    record["pid"] = os.getpid()
    line = (json.dumps(record, default=str) + "\n").encode("utf-8", "replace")
    try:
        fd = os.open(_RECORDS, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
    except OSError:
        pass


def _library(filename):
    """Standard library or installed package: never the line to change."""
    import sysconfig

    if filename.startswith("<") or "site-packages" in filename or "dist-packages" in filename:
        return True
    paths = sysconfig.get_paths()
    return any(filename.startswith(paths[k]) for k in ("stdlib", "platstdlib") if k in paths)


def _candidates(proc):
    """The objects a process pickles: target, args, kwargs (and a Pool worker's initializer)."""
    found = [getattr(proc, "_target", None)]
    values = list(getattr(proc, "_args", ()) or ()) + list((getattr(proc, "_kwargs", {}) or {}).values())
    for v in values:
        found.append(v)
        if isinstance(v, (tuple, list)):
            found.extend(v)
    return [x for x in found if x is not None]


def _pickle_code(message, proc):
    import inspect

    if "<lambda>" in message:
        return "MP101"
    if "local object" in message:
        name = message.split("local object", 1)[1].strip(" '\"")
        for obj in _candidates(proc) if proc is not None else []:
            kind = obj if inspect.isclass(obj) else type(obj)
            if getattr(kind, "__qualname__", "") == name and not inspect.isfunction(obj):
                return "MP104"
            if getattr(obj, "__qualname__", "") == name:
                if inspect.isclass(obj):
                    return "MP104"
                return "MP103" if getattr(obj, "__closure__", None) else "MP102"
        return "MP103"
    if proc is not None and inspect.ismethod(getattr(proc, "_target", None)):
        return "MP105"
    return "MP108"


def _code(exc, stack, proc=None, pickling=True):
    message = str(exc)
    if "context has already been set" in message:
        return "MP302"
    if "bootstrapping phase" in message:
        # The main script re-imported as __mp_main__: its guard is missing; anything else is a library.
        for filename, _line, _func, module in reversed(stack):
            if not _library(filename):
                return "MP310" if module in ("__mp_main__", "__main__") else "MP304"
        return "MP310"
    if "SemLock created in a fork context" in message:
        return "MP313"
    if "Can't get attribute" in message:
        return "MP107"
    if not pickling:
        return None  # a worker's own pickling errors are the program's business
    import pickle

    if isinstance(exc, pickle.PicklingError) or "pickle" in message.lower():
        return _pickle_code(message, proc)
    return None


def _record_exception(exc, outer_frame, proc=None, where="parent", pickling=True):
    """Records a known spawn failure; `pickling`: while a process starts (its objects are pickled)."""
    if getattr(exc, "_mp_codemod_recorded", False):
        return
    stack = _frames(exc.__traceback__, outer_frame)
    code = _code(exc, stack, proc, pickling)
    if code is None:
        return
    try:
        exc._mp_codemod_recorded = True
    except Exception:
        pass
    record = {"kind": "failure", "code": code, "where": where, "error": "%s: %s" % (type(exc).__name__, exc), "stack": stack}
    origin = getattr(proc, "_mp_codemod_origin", None)
    if origin:
        record["origin"] = origin
    _write(record)


def _child():
    """A multiprocessing child, also while it bootstraps (before parent_process() is known)."""
    process = sys.modules.get("multiprocessing.process")
    if process is None:
        return False
    return process.parent_process() is not None or getattr(process.current_process(), "_inheriting", False)


def _audit(event, args):
    if event != "os.fork" or _child():
        return
    stack = _frames(frame=sys._getframe(1))
    if any(f[0].endswith("forkserver.py") for f in stack):
        return  # the fork server forking its children, not the program
    via_mp = any(f[0].endswith("popen_fork.py") for f in stack)
    _write({"kind": "fork", "code": "MP301" if via_mp else "MP303", "where": "parent", "stack": stack})


class _AfterImport:
    """Installs the patches once `multiprocessing` is imported: most processes never import it."""

    def find_spec(self, name, path=None, target=None):
        if name != "multiprocessing":
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = getattr(spec, "loader", None)
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        exec_module = loader.exec_module

        def exec_then_install(module):
            exec_module(module)
            try:
                _install()
            except Exception as e:  # never break the program under test
                sys.stderr.write("mp-codemod verify: helper not installed: %s\n" % e)

        loader.exec_module = exec_then_install
        return spec


def _install():
    import multiprocessing
    import multiprocessing.context as context
    import multiprocessing.process as process
    import multiprocessing.synchronize as synchronize

    if _METHOD in context._concrete_contexts:
        # Like macOS: a different default, not a fixed choice.
        context._default_context._default_context = context._concrete_contexts[_METHOD]

    init = process.BaseProcess.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._mp_codemod_origin = _frames(frame=sys._getframe(1))

    process.BaseProcess.__init__ = __init__

    start = process.BaseProcess.start

    def start_(self):
        if _child():
            stack = _frames(frame=sys._getframe(1))
            if any(f[0].startswith("<frozen importlib") for f in stack):
                # A child importing a module that starts processes at import time: under spawn
                # each new child imports it again. Stop here rather than let it multiply.
                e = RuntimeError("mp-codemod verify: a spawn child started a process while importing a module (it starts processes at import time)")
                _write({"kind": "failure", "code": "MP304", "where": "child", "error": str(e), "stack": stack})
                e._mp_codemod_recorded = True
                raise e
        try:
            start(self)
        except BaseException as e:
            _record_exception(e, sys._getframe(1), self, "child" if _child() else "parent")
            raise

    process.BaseProcess.start = start_

    run = process.BaseProcess.run

    def run_(self):
        try:
            run(self)
        except BaseException as e:
            _record_exception(e, None, self, "child", pickling=False)
            raise

    process.BaseProcess.run = run_

    set_method = context.DefaultContext.set_start_method

    def set_start_method(self, method, force=False):
        try:
            set_method(self, method, force)
        except RuntimeError as e:
            _record_exception(e, sys._getframe(1), None, "child" if _child() else "parent")
            raise

    context.DefaultContext.set_start_method = set_start_method
    multiprocessing.set_start_method = context._default_context.set_start_method

    semlock = synchronize.SemLock.__init__

    def semlock_init(self, *args, **kwargs):
        semlock(self, *args, **kwargs)
        # A spawn child re-importing the parent's modules makes its own copy of each
        # module-level lock, event or queue: a likely hang if the parent meant to share it.
        if getattr(process.current_process(), "_inheriting", False):
            _write({"kind": "child-sync", "code": "MP202", "where": "child", "stack": _frames(frame=sys._getframe(1))})

    synchronize.SemLock.__init__ = semlock_init

    import multiprocessing.pool as pool

    get = pool.ApplyResult.get

    def get_(self, timeout=None):
        # Pool tasks are pickled in a handler thread; the error comes back here, in the caller.
        try:
            return get(self, timeout)
        except BaseException as e:
            if "pickle" in str(e).lower() and not _child():
                _record_exception(e, sys._getframe(1), None, "parent")
            raise

    pool.ApplyResult.get = get_

    def _spawn_main_hook():
        import multiprocessing.spawn as spawn

        main = spawn._main

        def _main(*args, **kwargs):
            try:
                return main(*args, **kwargs)
            except BaseException as e:
                _record_exception(e, None, None, "child", pickling=False)
                raise

        spawn._main = _main

    _spawn_main_hook()


def _chain():
    """Imports the next sitecustomize on the path (the project's or the environment's)."""
    import importlib

    me = sys.modules.pop("sitecustomize", None)
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
    try:
        importlib.import_module("sitecustomize")
    except ImportError as e:
        if e.name != "sitecustomize":
            raise
    finally:
        sys.path[:] = saved
        if me is not None and "sitecustomize" not in sys.modules:
            sys.modules["sitecustomize"] = me


if _RECORDS:
    try:
        if hasattr(sys, "addaudithook"):  # 3.8+
            sys.addaudithook(_audit)
        if "multiprocessing" in sys.modules:
            _install()
        else:
            sys.meta_path.insert(0, _AfterImport())
    except Exception as e:  # never break the program under test
        sys.stderr.write("mp-codemod verify: helper not installed: %s\n" % e)
_chain()
