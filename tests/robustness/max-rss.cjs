// Preloaded into the CLI by the robustness harness (NODE_OPTIONS=--require): writes the process's peak resident
// set size in kilobytes (process.resourceUsage().maxRSS) to the file BAOCAO_TEST_RSS_FILE names, as it exits.
'use strict';
const out = process.env.BAOCAO_TEST_RSS_FILE;
if (out) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
