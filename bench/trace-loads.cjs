// node --require bench/trace-loads.cjs bin/baocao.js …: at exit, prints on stderr which bundles of dist/ (and which
// files of node_modules, if any) the process read, for bench/run.js to check that commands load only what they need.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const { relative } = require('node:path');

const root = relative(process.cwd(), require('node:path').join(__dirname, '..')) || '.';
const seen = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (typeof path === 'string' && (/[\\/]dist[\\/].*\.cjs$/.test(path) || /[\\/]node_modules[\\/]/.test(path))) seen.add(relative(root, path).replace(/\\/g, '/'));
  return readFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write(`baocao-bench-loads ${JSON.stringify([...seen])}\n`));
