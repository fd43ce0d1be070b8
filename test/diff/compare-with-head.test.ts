import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithHead } from '../../src/diff/compare-with-head.js';

/** What "perf: Compare with HEAD" shows: the editor's text against the committed file, as Markdown. */

const gitEnv = {
    ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'perf', GIT_AUTHOR_EMAIL: 'perf@example.org',
    GIT_COMMITTER_NAME: 'perf', GIT_COMMITTER_EMAIL: 'perf@example.org'
};

const COMMITTED = '部门 "区商务局" {\n    项目 "工作经费" { 总计 24.00 财政拨款 24.00 13 "拨付及时率" 指标值 ≥90% }\n}\n';

let repo: string;
let file: string;

beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-head-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv, stdio: 'ignore' });
    git('init', '--quiet');
    file = path.join(repo, 'commerce.perf');
    fs.writeFileSync(file, COMMITTED);
    git('add', '.');
    git('commit', '--quiet', '-m', 'table');
});

describe('compare with HEAD', () => {
    it('diffs the unsaved editor text against the committed version', async () => {
        const edited = COMMITTED.replace('≥90%', '≥95%').replace(/24\.00/g, '26.00');
        const markdown = await compareWithHead(file, edited);
        expect(markdown).toContain('### 绩效目标表变更：`HEAD:commerce.perf` → `commerce.perf（当前）`');
        expect(markdown).toContain('| 总计 | 24.00 | 26.00 | +2.00 |');
        expect(markdown).toContain('| 修改 | 13-时效指标 | 拨付及时率 | ≥90% | ≥95% | 收紧 |');
    });

    it('says there is nothing to show when the text is as committed', async () => {
        expect(await compareWithHead(file, COMMITTED)).toContain('两个版本在内容上没有差异');
    });

    it('explains instead of failing: a file never committed, a file outside git', async () => {
        const fresh = path.join(repo, 'new.perf');
        expect(await compareWithHead(fresh, COMMITTED)).toContain('“new.perf”尚未提交到 git');
        const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-nogit-')), 'a.perf');
        expect(await compareWithHead(outside, COMMITTED)).toContain('不在 git 仓库中');
    });
});
