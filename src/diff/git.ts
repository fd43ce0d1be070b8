import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** A git problem in words a user can act on (not a repository, an unknown revision). */
export class GitError extends Error {}

/**
 * The bytes of `file` at revision `rev` (`git show REV:./name`, run in the file's folder so that any path
 * works), or undefined when the file did not exist at that revision (a file added since). Bytes, not text:
 * the caller decodes them as it decodes files on disk (UTF-8, GBK …).
 */
export function readAtRevision(rev: string, file: string): Buffer | undefined {
    const folder = path.dirname(path.resolve(file));
    if (git(folder, ['rev-parse', '--is-inside-work-tree']) === undefined) {
        throw new GitError(`${file}: 不在 git 仓库中 (not in a git repository)；请比较两个文件：perf diff OLD NEW`);
    }
    if (git(folder, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]) === undefined) {
        throw new GitError(`${rev}: 不是有效的 git 版本 (unknown revision)；例如 HEAD、HEAD~1、main 或提交号`);
    }
    const object = `${rev}:./${path.basename(file)}`;
    if (git(folder, ['cat-file', '-e', object]) === undefined) { // -e prints nothing: only the exit code says
        return undefined;
    }
    return gitBytes(folder, ['show', object]);
}

/** stdout of a git command (possibly empty), or undefined when it fails (or git is missing). */
function gitBytes(cwd: string, args: string[]): Buffer | undefined {
    try {
        return execFileSync('git', args, { cwd, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
        return undefined;
    }
}

function git(cwd: string, args: string[]): string | undefined {
    return gitBytes(cwd, args)?.toString('utf8');
}
