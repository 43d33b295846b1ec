// Compiles every contract under src/ with solc-js (the version pinned in package.json) and writes, per
// contract, <Name>.abi and <Name>.bin into the output folder for web3j's wrapper generator.
// Usage: node build.mjs <output-folder>. Skips the compile when neither the sources nor solc changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '..', 'target', 'contracts'));
const srcRoot = join(here, 'src');

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : path.endsWith('.sol') ? [path] : [];
});

const sources = Object.fromEntries(files(srcRoot).sort()
  .map((path) => [relative(here, path).replaceAll('\\', '/'), { content: readFileSync(path, 'utf8') }]));

const fingerprint = createHash('sha256').update(solc.version()).update(JSON.stringify(sources)).digest('hex');
const stamp = join(out, '.fingerprint');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
  console.log(`contracts: up to date (${Object.keys(sources).length} sources)`);
  process.exit(0);
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const findImports = (path) => {
  for (const base of [join(here, 'node_modules'), here]) {
    const candidate = join(base, path);
    if (existsSync(candidate)) {
      return { contents: readFileSync(candidate, 'utf8') };
    }
  }
  return { error: `File not found: ${path}` };
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const problems = output.errors ?? [];
for (const problem of problems) {
  console.error(problem.formattedMessage);
}
if (problems.some((p) => p.severity === 'error')) {
  console.error('contracts: compilation failed');
  process.exit(1);
}

mkdirSync(out, { recursive: true });
let count = 0;
for (const [source, contracts] of Object.entries(output.contracts)) {
  if (!(source in sources)) {
    continue; // OpenZeppelin's own contracts are compiled as dependencies, not wrapped
  }
  for (const [name, artifact] of Object.entries(contracts)) {
    writeFileSync(join(out, `${name}.abi`), JSON.stringify(artifact.abi));
    writeFileSync(join(out, `${name}.bin`), artifact.evm.bytecode.object);
    count++;
  }
}
writeFileSync(stamp, fingerprint);
console.log(`contracts: compiled ${count} contracts with solc ${solc.version()} into ${out}`);
