// Runs the extension inside a real VS Code with @vscode/test-electron (`npm run test:vscode`, not part of
// `npm test`). test-electron downloads VS Code at test time; where that host cannot be reached (this
// machine reaches only the npm registry and Debian packages) the suite says so and is skipped (exit 0).
// The checks themselves are the extension's self-check (src/extension/self-check.ts), run by ./suite.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSCODE_VERSION = process.env.PERF_VSCODE_VERSION ?? 'stable';

let vscodeExecutable;
try {
    vscodeExecutable = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, timeout: 30_000 });
} catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log([
        'perf test:vscode: SKIPPED — VS Code could not be downloaded, so the test-electron suite did not run.',
        `  reason: ${reason.split('\n')[0]}`,
        '  @vscode/test-electron fetches VS Code from update.code.visualstudio.com at test time; this machine cannot',
        '  reach it. Run `npm run test:vscode` where it can, or `npm run test:e2e` (code-server from npm) here.'
    ].join('\n'));
    process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-test-electron-'));
const workspace = path.join(work, 'workspace');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(root, 'examples/nansha-commerce-bureau.perf'), path.join(workspace, 'nansha-commerce-bureau.perf'));
const resultFile = path.join(work, 'self-check.txt');
try {
    await runTests({
        vscodeExecutablePath: vscodeExecutable,
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'test/vscode/suite/index.cjs'),
        launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(work, 'user-data')}`],
        extensionTestsEnv: { PERF_SELF_CHECK_RESULT: resultFile }
    });
    console.log(fs.readFileSync(resultFile, 'utf8'));
} catch (error) {
    if (fs.existsSync(resultFile)) {
        console.error(fs.readFileSync(resultFile, 'utf8'));
    }
    console.error(`perf test:vscode: FAILED: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(work, { recursive: true, force: true });
}
