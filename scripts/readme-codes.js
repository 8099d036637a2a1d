#!/usr/bin/env node
// Rewrites the per-code sections of README.md ("### MP101" ... up to "## Command line") from
// src/api/explain.ts, after `npm run build`; docs are tested against the same text.
'use strict';
const fs = require('fs');
const path = require('path');
const { CODES } = require('../dist/src/api/codes');
const { markdownSection } = require('../dist/src/api/explain');

const file = path.join(__dirname, '..', 'README.md');
const readme = fs.readFileSync(file, 'utf8');
const first = `### ${Object.keys(CODES)[0]}\n`;
const start = readme.indexOf(first);
const end = readme.indexOf('## Command line\n');
if (start === -1 || end < start) throw new Error('README.md: the code sections or "## Command line" are missing');
const sections = Object.keys(CODES).map(markdownSection).join('\n');
fs.writeFileSync(file, readme.slice(0, start) + sections + '\n' + readme.slice(end));
