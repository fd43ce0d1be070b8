import * as path from 'node:path';
import { diffVersions, type VersionText } from '../diff/diff-versions.js';
import { GitError, readAtRevision } from '../diff/git.js';
import { parseVersion } from '../diff/parse-version.js';
import { renderDiff, type DiffFormat } from '../diff/render.js';
import { renderOutline } from '../diff/render-outline.js';
import { decodeSourceBytes } from '../source/encoding.js';
import { readSourceFile, sourceEncoding } from './source-files.js';
import { InputError } from './input-error.js';

export interface DiffOptions {
    format: DiffFormat;
    /** `--encoding` of the files named on the command line (git revisions are detected). */
    encoding?: string;
    /** Called by git as GIT_EXTERNAL_DIFF / diff.<driver>.command with its 7 (or 9) arguments. */
    gitExternal?: boolean;
    /** Called by git as diff.<driver>.textconv with one file: print its one-fact-per-line outline. */
    textconv?: boolean;
}

const USAGE = '用法 usage: perf diff OLD.perf NEW.perf | perf diff [REV1 [REV2]] -- FILE.perf…';

/**
 * `perf diff`: the semantic diff of two versions, printed in the chosen format; exit code 0 whether or not
 * they differ (a review tool, not a check). `operands` are the arguments after `diff`; `rawArgs` the whole
 * command line, to find where `--` stood (commander drops it).
 */
export async function diffCommand(operands: string[], options: DiffOptions, rawArgs: readonly string[]): Promise<number> {
    const encoding = sourceEncoding(options.encoding);
    const read: ReadFile = file => readSourceFile(file, encoding);
    if (options.textconv) {
        return textconv(operands, read);
    }
    const pairs = options.gitExternal ? [gitExternalPair(operands, read)] : versionPairs(operands, rawArgs, read);
    for (const [old, updated] of pairs) {
        process.stdout.write(renderDiff(await diffVersions(old, updated), options.format));
    }
    return 0;
}

/** `perf diff A B` (two files), or revisions before `--` and files after it. */
/** Reads a file named on the command line, in the `--encoding` of this run. */
type ReadFile = (file: string) => string;

function versionPairs(operands: string[], rawArgs: readonly string[], read: ReadFile): Array<[VersionText, VersionText]> {
    const dashes = rawArgs.indexOf('--');
    if (dashes < 0) {
        if (operands.length !== 2) {
            throw new InputError(`比较两个文件需要两个参数 (two files are needed); ${USAGE}`);
        }
        return [[fileVersion(operands[0], read), fileVersion(operands[1], read)]];
    }
    const fileCount = rawArgs.length - dashes - 1;
    const revisions = operands.slice(0, operands.length - fileCount);
    const files = operands.slice(operands.length - fileCount);
    if (files.length === 0 || revisions.length > 2) {
        throw new InputError(`在 -- 之前写最多两个版本，之后写文件 (at most two revisions before --, files after it); ${USAGE}`);
    }
    return files.map(file => {
        const [from, to] = revisions.length === 0 ? ['HEAD', undefined] : revisions;
        const pair: [VersionText, VersionText] = [revisionVersion(from, file), to === undefined ? fileVersion(file, read) : revisionVersion(to, file)];
        if (pair[0].text === undefined && pair[1].text === undefined) {
            // Usually an option written after `--`, where git's convention makes it a file name.
            throw new InputError(`${file}: 在 ${from} 和 ${to} 中都不存在 (in neither version)；选项请写在 -- 之前`);
        }
        return pair;
    });
}

/** git's arguments: path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-info]. */
function gitExternalPair(args: string[], read: ReadFile): [VersionText, VersionText] {
    if (args.length < 7) {
        throw new InputError(`--git-external 需要 git 传来的 7 个参数 (expects git's 7 arguments: path old-file old-hex `
            + 'old-mode new-file new-hex new-mode); 配置方法见 docs/diff.md');
    }
    const [name, oldFile, , , newFile] = args;
    const newName = args.length >= 9 ? args[7] : name;
    const side = (file: string, label: string): VersionText =>
        ({ label, text: file === '/dev/null' ? undefined : read(file) });
    return [side(oldFile, `a/${name}`), side(newFile, `b/${newName}`)];
}

function fileVersion(file: string, read: ReadFile): VersionText {
    return { label: file, text: read(file) };
}

function revisionVersion(rev: string, file: string): VersionText {
    const label = `${rev}:${file}`;
    try {
        const bytes = readAtRevision(rev, file);
        return { label, text: bytes && decodeSourceBytes(bytes, label).text };
    } catch (error) {
        throw error instanceof GitError ? new InputError(error.message) : error;
    }
}

async function textconv(files: string[], read: ReadFile): Promise<number> {
    if (files.length !== 1) {
        throw new InputError('--textconv 只接受一个文件 (one file); 配置方法见 docs/diff.md');
    }
    const { file, problems } = await parseVersion(read(files[0]), path.basename(files[0]));
    for (const problem of problems) {
        console.error(problem);
    }
    process.stdout.write(renderOutline(file));
    return 0;
}
