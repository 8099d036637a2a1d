"""mp-codemod's compile gate: compiles the sources it is sent, one JSON request a line on stdin.

Request: {"id": n, "path": "...", "source": "..."}. Answer, one line on stdout:
{"id": n, "ok": true} or {"id": n, "ok": false, "message": "...", "line": n}.
The first line out is {"ready": true, "version": [3, 11, 7]}. Nothing is run: compile() only.
"""
import json
import sys


def check(source, path):
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:  # IndentationError and TabError too
        return {"ok": False, "message": "%s: %s" % (type(e).__name__, e.msg), "line": e.lineno}
    except (ValueError, RecursionError, MemoryError, OverflowError) as e:
        return {"ok": False, "message": "%s: %s" % (type(e).__name__, e)}
    return {"ok": True}


def main():
    out = sys.stdout
    out.write(json.dumps({"ready": True, "version": list(sys.version_info[:3])}) + "\n")
    out.flush()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        answer = check(request["source"], request.get("path", "<unknown>"))
        answer["id"] = request["id"]
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
