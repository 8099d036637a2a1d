#!/usr/bin/env node
// Build step: ships the Python grammar (the .wasm the tree-sitter-python package builds) inside
// dist/, so that installing mp-codemod installs no package with an install script: the
// tree-sitter-python package runs node-gyp-build when installed, which fails where it finds no
// prebuilt binding and no compiler, and mp-codemod never uses that binding.
const fs = require('fs');
const path = require('path');

const from = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
const to = path.join(__dirname, '..', 'dist', 'tree-sitter-python.wasm');
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.copyFileSync(from, to);
