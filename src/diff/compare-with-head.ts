import * as path from 'node:path';
import { decodeSourceBytes, SourceTextError } from '../source/encoding.js';
import { diffVersions } from './diff-versions.js';
import { GitError, readAtRevision } from './git.js';
import { renderMarkdown } from './render-markdown.js';

/**
 * "perf: Compare with HEAD": the semantic diff, as Markdown, of the last committed version of `filePath`
 * against `currentText` (the editor's buffer, saved or not). A file outside git, a repository without
 * commits or a file never committed gets a short Markdown note instead of an error.
 */
export async function compareWithHead(filePath: string, currentText: string): Promise<string> {
    const name = path.basename(filePath);
    let headText: string | undefined;
    try {
        const bytes = readAtRevision('HEAD', filePath);
        headText = bytes && decodeSourceBytes(bytes, `HEAD:${name}`).text;
    } catch (error) {
        if (error instanceof GitError || error instanceof SourceTextError) {
            return `### 无法与 HEAD 比较 (cannot compare with HEAD)\n\n${error.message}\n`;
        }
        throw error;
    }
    if (headText === undefined) {
        return `### 无法与 HEAD 比较 (cannot compare with HEAD)\n\n“${name}”尚未提交到 git（HEAD 中没有这个文件）：`
            + '提交一次之后，就能看到此后的变更。(the file is not in HEAD yet)\n';
    }
    const diff = await diffVersions({ label: `HEAD:${name}`, text: headText }, { label: `${name}（当前）`, text: currentText });
    return renderMarkdown(diff);
}
