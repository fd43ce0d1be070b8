/**
 * PDF of the official table: the self-contained HTML (A4 landscape print CSS) printed by headless Chromium.
 * Chromium reads the HTML from a temporary file, with a fresh profile and no network.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_MISSING_MESSAGE = 'PDF needs Chrome, Edge or Chromium and found none in the usual places: install one '
    + '(Debian: apt-get install chromium), or name its program with the variable PERF_CHROMIUM; '
    + 'or print the HTML from a browser';

const PRINT_TIMEOUT_MS = 120_000;

/** No browser to print with: the caller prints the message and goes on with the other outputs. */
export class ChromiumMissingError extends Error {
    constructor(message = CHROMIUM_MISSING_MESSAGE) {
        super(message);
    }
}

/**
 * Where Chrome, Edge and Chromium install themselves, in order of preference, on Windows (per machine and per
 * user), macOS (/Applications and ~/Applications) and Linux (Debian, Chrome's packages, snap). A fixed table:
 * the finder libraries on npm (chrome-launcher) know Chrome only, not Edge, the one browser every Windows has.
 */
export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
    if (platform === 'win32') {
        const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
        const programs = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
        return programs.flatMap(program => roots.map(root => path.win32.join(root, program)));
    }
    if (platform === 'darwin') {
        const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
            'Chromium.app/Contents/MacOS/Chromium'];
        return apps.flatMap(app => ['/Applications', path.posix.join(home, 'Applications')].map(root => path.posix.join(root, app)));
    }
    return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
        '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium'];
}

/** The browser to print with: $PERF_CHROMIUM when set (the only one tried), else the first usual place that has one. */
export function findChromium(env = process.env, platform = process.platform, home = os.homedir()): string | undefined {
    const chosen = env.PERF_CHROMIUM;
    const candidates = chosen ? [chosen] : chromiumCandidates(platform, env, home);
    return candidates.find(candidate => {
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return fs.statSync(candidate).isFile();
        } catch {
            return false;
        }
    });
}

/** Flags for a headless, offline, throwaway Chromium; shared with scripts/render.mjs through the CLI. */
export function headlessChromiumArgs(userDataDir: string): string[] {
    return [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
        '--disable-extensions', '--disable-default-apps', '--mute-audio',
        // No network at all: every host name fails to resolve (the HTML has no external URL anyway).
        '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${userDataDir}`
    ];
}

/** Prints an HTML document to PDF bytes. Throws ChromiumMissingError when Chromium is not installed. */
export async function renderPdf(html: string): Promise<Buffer> {
    const chromium = findChromium();
    if (!chromium) {
        const chosen = process.env.PERF_CHROMIUM;
        throw new ChromiumMissingError(chosen
            ? `PERF_CHROMIUM names ${chosen}, which is not a program perf can run: point it at Chrome, Edge or Chromium`
            : undefined);
    }
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-pdf-'));
    try {
        const htmlFile = path.join(workDir, 'table.html');
        const pdfFile = path.join(workDir, 'table.pdf');
        fs.writeFileSync(htmlFile, html);
        await run(chromium, [
            ...headlessChromiumArgs(path.join(workDir, 'profile')),
            `--print-to-pdf=${pdfFile}`, '--no-pdf-header-footer',
            pathToFileURL(htmlFile).href
        ]);
        if (!fs.existsSync(pdfFile)) {
            throw new Error('Chromium exited without writing the PDF');
        }
        return fs.readFileSync(pdfFile);
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

/** Runs Chromium to completion; a failure carries the last lines Chromium printed. */
function run(command: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-4000); });
        const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
        child.on('error', error => { clearTimeout(timer); reject(error); });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0) {
                resolve();
            } else {
                const tail = stderr.trim().split('\n').slice(-3).join(' | ');
                reject(new Error(`Chromium failed (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ''}`));
            }
        });
    });
}
