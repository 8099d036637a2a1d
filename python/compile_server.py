"""mp-codemod's compile gate: compiles the sources it is sent, one JSON request a line on stdin.

Request: {"id": n, "path": "...", "source": "..."}, or {"id": n, "path": "...", "length": n}
followed by that many bytes of UTF-8 source (no JSON escaping of large sources). Answer, one
line on stdout:
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
    stdin = sys.stdin.buffer
    for line in iter(stdin.readline, b""):
        request = json.loads(line)
        if "length" in request:
            # Decoded first: compile() of bytes would obey a coding cookie the text no longer has.
            source = stdin.read(request["length"]).decode("utf-8")
        else:
            source = request["source"]
        answer = check(source, request.get("path", "<unknown>"))
        answer["id"] = request["id"]
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
