/**
 * PDF of the official table: the self-contained HTML (A4 landscape print CSS) printed by headless Chromium.
 * Chromium reads the HTML from a temporary file, with a fresh profile and no network.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_MISSING_MESSAGE = 'PDF needs Chromium: apt-get install chromium (or print the HTML from a browser)';

/** The usual Debian and Chrome paths; $PERF_CHROMIUM, when set, is the only one tried. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const PRINT_TIMEOUT_MS = 120_000;

/** Chromium is not installed: the caller prints the message and goes on with the other outputs. */
export class ChromiumMissingError extends Error {
    constructor() {
        super(CHROMIUM_MISSING_MESSAGE);
    }
}

export function findChromium(): string | undefined {
    const chosen = process.env.PERF_CHROMIUM;
    const candidates = chosen ? [chosen] : CHROMIUM_CANDIDATES;
    return candidates.find(candidate => {
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return true;
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
        throw new ChromiumMissingError();
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
