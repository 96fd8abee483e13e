#!/usr/bin/env node
// CommonJS (bin/package.json says so): with an ES module as entry, Node would start its ES module loader, a tenth
// of a bare start, for nothing (docs/performance.md).
'use strict';
require('../dist/boot.cjs')
  .boot(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
