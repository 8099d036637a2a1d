'use strict';
// What Python says of the changed files of a real-world run: an output that no longer compiles,
// and, when pyflakes is installed, the names it finds undefined, used before assignment, or
// imported unused in the output but not in the input (the NameError class of mistakes, which a
// re-parse and a compile do not see).
const { spawnSync } = require('child_process');

const SCRIPT = String.raw`
import json, re, sys
try:
    from pyflakes import api, reporter
except ImportError:
    api = None

KINDS = re.compile(r"undefined name|referenced before assignment|imported but unused|redefinition of unused")

class Collect(reporter.Reporter if api else object):
    def __init__(self):
        self.messages = []
    def flake(self, m):
        text = str(m).split(": ", 1)[-1] if ": " in str(m) else str(m)
        text = re.sub(r"^\d+:\d+:? ", "", text)
        if KINDS.search(text):
            self.messages.append(text)
    def unexpectedError(self, *a):
        pass
    def syntaxError(self, *a):
        pass

def flakes(source):
    if api is None:
        return []
    c = Collect()
    api.check(source, "x.py", c)
    return c.messages

def compiles(source):
    try:
        compile(source, "x.py", "exec")
        return True
    except (SyntaxError, ValueError):
        return False

out = {"pyflakes": api is not None, "findings": []}
for pair in json.load(sys.stdin):
    before, after = pair["before"], pair["after"]
    if compiles(before) and not compiles(after):
        out["findings"].append(pair["path"] + ": no longer compiles")
        continue
    old = flakes(before)
    for m in flakes(after):
        if m in old:
            old.remove(m)
        else:
            out["findings"].append(pair["path"] + ": " + m)
print(json.dumps(out))
`;

/**
 * `pairs`: [{ path, before, after }]. Returns { python, pyflakes, findings } (python: false when
 * no python3 ran; findings are lines "path: message").
 */
function pythonFindings(pairs, python = 'python3') {
  if (pairs.length === 0) return { python: true, pyflakes: true, findings: [] };
  const r = spawnSync(python, ['-c', SCRIPT], { input: JSON.stringify(pairs), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 || !r.stdout) return { python: false, pyflakes: false, findings: [] };
  const out = JSON.parse(r.stdout);
  return { python: true, pyflakes: out.pyflakes, findings: out.findings };
}

module.exports = { pythonFindings };
