/**
 * .xls (Excel 97–2003) and WPS .et workbooks, converted to .xlsx by LibreOffice headless and then read as
 * XLSX. No maintained npm reader covers both binary formats (SheetJS left npm; its old npm releases carry
 * known vulnerabilities), while LibreOffice reads both and is a package on every system. When it is not
 * installed, the message names the package and the other way (save as .xlsx).
 * The conversion runs with a private profile (parallel runs and a desktop LibreOffice would share one).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError } from './import-model.js';

/** LibreOffice starts in 2–10 s, more on a loaded machine or with a fresh profile. */
const CONVERSION_TIMEOUT_MS = 180_000;

/** Where LibreOffice installs itself: $PERF_SOFFICE when set (the only one tried), else the usual places. */
export function sofficeCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
    if (env.PERF_SOFFICE) {
        return [env.PERF_SOFFICE];
    }
    if (platform === 'win32') {
        return [env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root))
            .map(root => path.win32.join(root, 'LibreOffice', 'program', 'soffice.exe'));
    }
    if (platform === 'darwin') {
        return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
    }
    const onPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean).map(folder => path.join(folder, 'soffice'));
    return [...onPath, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'];
}

export function findSoffice(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string | undefined {
    return sofficeCandidates(platform, env).find(candidate => {
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return fs.statSync(candidate).isFile();
        } catch {
            return false;
        }
    });
}

export function libreOfficeMissingMessage(source: string, kind: string): string {
    return `${source}: 读取${kind}需要 LibreOffice，但没有找到（soffice）：请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-calc；`
        + 'Windows/macOS：libreoffice.org），或设置环境变量 PERF_SOFFICE 指向 soffice；也可以在 Excel 或 WPS 中另存为 .xlsx 后导入';
}

/** The .xlsx bytes of a .xls or .et workbook. */
export async function convertToXlsx(bytes: Buffer, source: string, extension: '.xls' | '.et', kind: string): Promise<Buffer> {
    const soffice = findSoffice();
    if (!soffice) {
        throw new ImportError(libreOfficeMissingMessage(source, kind));
    }
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-import-'));
    try {
        const input = path.join(workDir, `table${extension}`);
        fs.writeFileSync(input, bytes);
        const outDir = path.join(workDir, 'out');
        const profile = pathToFileURL(path.join(workDir, 'profile')).href;
        const failure = await new Promise<string | undefined>(resolve => {
            execFile(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, input],
                { timeout: CONVERSION_TIMEOUT_MS, killSignal: 'SIGKILL' },
                (error, stdout, stderr) => resolve(error ? `${error.killed ? '超时' : error.message} ${stderr}`.trim() : undefined));
        });
        const output = path.join(outDir, 'table.xlsx');
        if (!fs.existsSync(output)) {
            throw new ImportError(`${source}: LibreOffice 无法把${kind}转为 .xlsx（${failure ?? '没有输出文件'}）：`
                + '文件可能已损坏或不是表格；请在 Excel 或 WPS 中打开并另存为 .xlsx 后导入');
        }
        return fs.readFileSync(output);
    } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}
