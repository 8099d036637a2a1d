import Ajv from 'ajv';
import { cli, makeTree } from './helpers/tree';

// One error (MP101, a lambda target) and one warning (MP301, fork kept).
const SOURCE = [
  'import multiprocessing as mp',
  '',
  'if __name__ == "__main__":',
  '    mp.set_start_method("spawn")',
  '    ctx = mp.get_context("fork")',
  '    p = mp.get_context("spawn").Process(target=lambda: None)',
  '',
].join('\n');
const files = () => makeTree({ 'app.py': SOURCE, 'sub/b, c.py': SOURCE });

describe('diagnostic output formats', () => {
  test('text: path:line:col: CODE [severity] message, a hint line, and counts by code', async () => {
    const r = await cli(['app.py'], files());
    expect(r.stderr).toContain('app.py:5:11: MP301 [warning] explicit fork start method kept\n  hint: ');
    expect(r.stderr).toContain('app.py:6:48: MP101 [error] a lambda runs in the child process; spawn cannot pickle it\n  hint: define the function at module level\n');
    expect(r.stderr).toContain('diagnostics by code: MP101 \u00d71, MP301 \u00d71\n');
  });

  test('github: one workflow annotation per diagnostic, escaped', async () => {
    const r = await cli(['--output-format', 'github'], files());
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('::error file=app.py,line=6,col=48,title=mp-codemod MP101::a lambda runs in the child process; spawn cannot pickle it. Fix: define the function at module level');
    expect(lines.some((l) => l.startsWith('::warning file=sub/b%2C c.py,line=5,col=11,title=mp-codemod MP301::'))).toBe(true);
    expect(lines).toHaveLength(4);
  });

  test('github: every annotation has a line; "would change" points at the first changed line', async () => {
    const changing = ['"""Jobs."""', '', 'from multiprocessing import Process', '', '', 'def work():', '    pass', '', '', 'if __name__ == "__main__":', '    Process(target=work).start()', ''].join('\n');
    // Not valid UTF-8 and no coding cookie: skipped as a problem, with no line of its own.
    const r = await cli(['--output-format', 'github'], makeTree({ 'job.py': changing, 'bad.py': Buffer.from([0x69, 0x6d, 0x70, 0xff, 0xfe, 0x0a]) }));
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => !/^::\w+ file=[^,]+,line=\d+,/.test(l))).toEqual([]);
    // The import on line 3 gains get_context; both fixes are reported at the call on line 11.
    expect(lines).toContain('::warning file=job.py,line=3,title=mp-codemod::would change (1 fix); run npx mp-codemod --write');
    expect(lines.some((l) => l.startsWith('::error file=bad.py,line=1,title=mp-codemod::skipped: '))).toBe(true);
  });

  test('sarif: valid against the published SARIF 2.1.0 schema, one result per diagnostic', async () => {
    const r = await cli(['--output-format', 'sarif'], files());
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({
      ruleId: 'MP301',
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 5, startColumn: 11 } } }],
    });
    expect(log.runs[0].tool.driver.rules[results[0].ruleIndex].id).toBe('MP301');
    // The rules are exactly the codes reported, and every result points at its own.
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['MP101', 'MP301']);
    for (const res of results) expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    // The validator itself rejects a broken log, so the check above can fail.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  test('json: diagnostics with code, severity, line and column', async () => {
    const r = await cli(['--output-format', 'json', 'app.py'], files());
    const diags = JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string; severity: string; line: number }) => `${d.code}:${d.severity}:${d.line}`);
    expect(diags).toEqual(['MP301:warning:5', 'MP101:error:6']);
  });
});

describe('--select, --ignore, --check and --strict', () => {
  test('select and ignore take codes and prefixes', async () => {
    const only = await cli(['--json', '--select', 'MP1', 'app.py'], files());
    expect(JSON.parse(only.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['MP101']);
    const none = await cli(['--json', '--ignore', 'MP101,MP3', 'app.py'], files());
    expect(JSON.parse(none.stdout).files[0].diagnostics).toEqual([]);
  });

  test('--check fails on errors, not on warnings alone unless --strict', async () => {
    const root = files();
    expect((await cli(['--check', 'app.py'], root)).code).toBe(1);
    expect((await cli(['--check', '--ignore', 'MP101', 'app.py'], root)).code).toBe(0);
    expect((await cli(['--check', '--strict', '--ignore', 'MP101', 'app.py'], root)).code).toBe(1);
    expect((await cli(['--check', '--strict', '--ignore', 'MP101,MP301', 'app.py'], root)).code).toBe(0);
  });

  test('# mp-codemod: ignore[CODE] silences one line', async () => {
    const root = makeTree({ 'a.py': SOURCE.replace('target=lambda: None)', 'target=lambda: None)  # mp-codemod: ignore[MP101]') });
    const r = await cli(['--json', 'a.py'], root);
    expect(JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['MP301']);
  });
});
