// Builds perf-budget.vsix offline with @vscode/vsce. vsce refuses a .vscodeignore next to package.json's
// "files" (which is for the npm package of the CLI), so the extension is staged in a temporary folder:
// exactly the files .vscodeignore admits, and package.json without "files". The repository's README is the
// command-line manual; the .vsix gets docs/extension-readme.md (what the extension does in the editor) as its
// README, with the screenshots it shows inside the package (no repository URL to rewrite relative links to).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = path.join(root, 'perf-budget.vsix');
const SHIPPED = [
    'dist/extension.cjs', 'dist/server.cjs', 'catalogs', 'syntaxes/perf.tmLanguage.json', 'snippets/perf.json',
    'images/icon.png', 'walkthrough', 'schemas/perf.config.schema.json', 'language-configuration.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n', 'LICENSE', '.vscodeignore'
];
const EXTENSION_README = 'docs/extension-readme.md';
/** The images the extension README shows, relative to it: docs/images/… in the repository, images/… in the package. */
const README_IMAGES = [...fs.readFileSync(path.join(root, EXTENSION_README), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(match => match[1]);

for (const file of [...SHIPPED, EXTENSION_README, ...README_IMAGES.map(image => path.join('docs', image))]) {
    if (!fs.existsSync(path.join(root, file))) {
        console.error(`perf package: ${file} is missing${file.startsWith('dist/') ? ': run `npm run bundle` first' : ''}`);
        process.exit(1);
    }
}
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-vsix-'));
try {
    for (const file of SHIPPED) {
        fs.cpSync(path.join(root, file), path.join(stage, file), { recursive: true });
    }
    fs.copyFileSync(path.join(root, EXTENSION_README), path.join(stage, 'README.md'));
    for (const image of README_IMAGES) {
        fs.copyFileSync(path.join(root, 'docs', image), path.join(stage, image));
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    delete manifest.files;
    delete manifest.scripts; // no vscode:prepublish: the bundles are built already
    fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository',
        '--no-rewrite-relative-links', '--out', output], { cwd: stage, stdio: 'inherit' });
} finally {
    fs.rmSync(stage, { recursive: true, force: true });
}
