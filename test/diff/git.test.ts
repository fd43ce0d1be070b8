import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

/**
 * perf diff through real git, as docs/diff.md tells a user to set it up: revisions on the command line, the
 * diff driver (external command and textconv), GIT_EXTERNAL_DIFF, and git difftool.
 */

const perfBin = path.join(repoRoot, 'bin', 'perf.js');
const perfCommand = `"${process.execPath}" "${perfBin}"`;

/** Git isolated from the machine's own configuration. */
const gitEnv = {
    ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'perf', GIT_AUTHOR_EMAIL: 'perf@example.org',
    GIT_COMMITTER_NAME: 'perf', GIT_COMMITTER_EMAIL: 'perf@example.org', GIT_PAGER: 'cat'
};

const V1 = `部门 "区商务局" {
    项目 "工作经费" {
        总计 24.00
        财政拨款 24.00
        绩效目标 "满足业务拓展需要"
        11 "集装箱吞吐量增长率" 指标值 ≥3%
        12 "验收合格率" 指标值 ≥95%
    }
}
`;
const V2 = V1.replace(/24\.00/g, '30.00').replace('≥3%', '≥5%').replace('业务拓展', '业务拓展和调研');

let repo: string;

function git(...args: string[]): string {
    return execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' });
}

function perf(cwd: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [perfBin, ...args], { cwd, env: gitEnv, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    // `npm test` builds first (pretest); a lone `vitest run test/diff` on a fresh clone builds here.
    if (!fs.existsSync(path.join(repoRoot, 'lib', 'cli', 'diff.js'))) {
        execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'ignore' });
    }
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-git-'));
    git('init', '--quiet', '--initial-branch=main');
    fs.mkdirSync(path.join(repo, 'tables'));
    fs.writeFileSync(path.join(repo, 'tables', 'commerce.perf'), V1);
    git('add', '.');
    git('commit', '--quiet', '-m', 'v1');
    fs.writeFileSync(path.join(repo, 'tables', 'commerce.perf'), V2);
    git('commit', '--quiet', '-am', 'v2');
});

describe('perf diff on git revisions', () => {
    it('perf diff HEAD~1 HEAD -- file prints the semantic diff and exits 0', () => {
        const result = perf(repo, 'diff', 'HEAD~1', 'HEAD', '--', 'tables/commerce.perf');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('perf diff: HEAD~1:tables/commerce.perf → HEAD:tables/commerce.perf');
        expect(result.stdout).toContain('金额：总计 24.00 → 30.00（+6.00）；财政拨款 24.00 → 30.00（+6.00）');
        expect(result.stdout).toContain('绩效目标：满足业务拓展{+和调研+}需要');
        expect(result.stdout).toContain('指标修改：11-数量指标“集装箱吞吐量增长率”：指标值 ≥3% → ≥5%（收紧）');
    });

    it('works from a subfolder, in JSON, and against the working tree', () => {
        const json = JSON.parse(perf(path.join(repo, 'tables'), 'diff', '--format', 'json', 'HEAD~1', 'HEAD', '--', 'commerce.perf').stdout);
        expect(json.departments[0].projects[0].indicators[0].changes.period.direction).toBe('tightened');
        fs.writeFileSync(path.join(repo, 'tables', 'commerce.perf'), V2.replace('≥95%', '≥90%'));
        try {
            const result = perf(repo, 'diff', '--', 'tables/commerce.perf');
            expect(result.stdout).toContain('perf diff: HEAD:tables/commerce.perf → tables/commerce.perf');
            expect(result.stdout).toContain('指标值 ≥95% → ≥90%（放宽）');
            const markdown = perf(repo, 'diff', '-f', 'markdown', 'HEAD~1', '--', 'tables/commerce.perf').stdout;
            expect(markdown).toContain('| 修改 | 12-质量指标 | 验收合格率 | ≥95% | ≥90% | 放宽 |');
            expect(markdown).toContain('| 修改 | 11-数量指标 | 集装箱吞吐量增长率 | ≥3% | ≥5% | 收紧 |');
        } finally {
            fs.writeFileSync(path.join(repo, 'tables', 'commerce.perf'), V2);
        }
    });

    it('says what to do on a bad revision, outside git, or with a wrong number of arguments (exit 2)', () => {
        const unknown = perf(repo, 'diff', 'nope', 'HEAD', '--', 'tables/commerce.perf');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('nope: 不是有效的 git 版本');
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-nogit-'));
        fs.writeFileSync(path.join(outside, 'a.perf'), V1);
        const notRepo = perf(outside, 'diff', 'HEAD', '--', 'a.perf');
        expect(notRepo.code).toBe(2);
        expect(notRepo.stderr).toContain('不在 git 仓库中');
        const optionAfterDashes = perf(repo, 'diff', 'HEAD~1', 'HEAD', '--', 'tables/commerce.perf', '--format');
        expect(optionAfterDashes.code).toBe(2);
        expect(optionAfterDashes.stderr).toContain('--format: 在 HEAD~1 和 HEAD 中都不存在');
        const one = perf(repo, 'diff', 'tables/commerce.perf');
        expect(one.code).toBe(2);
        expect(one.stderr).toContain('perf diff OLD.perf NEW.perf');
        expect(one.stderr.split('\n').filter(Boolean)).toHaveLength(1); // one line, no stack trace
    });

    it('treats a file missing at a revision as added', () => {
        fs.writeFileSync(path.join(repo, 'tables', 'new.perf'), V1);
        const result = perf(repo, 'diff', 'HEAD', '--', 'tables/new.perf');
        fs.rmSync(path.join(repo, 'tables', 'new.perf'));
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('部门：新增 1；项目：新增 1');
    });
});

describe('git diff and difftool with perf (docs/diff.md)', () => {
    it('the diff driver with an external command shows the semantic diff in git diff', () => {
        fs.writeFileSync(path.join(repo, '.gitattributes'), '*.perf diff=perf\n');
        const output = git('-c', `diff.perf.command=${perfCommand} diff --git-external`, 'diff', 'HEAD~1', 'HEAD');
        expect(output).toContain('perf diff: a/tables/commerce.perf → b/tables/commerce.perf');
        expect(output).toContain('指标值 ≥3% → ≥5%（收紧）');
    });

    it('GIT_EXTERNAL_DIFF works too, including for a file added since', () => {
        fs.writeFileSync(path.join(repo, 'tables', 'added.perf'), V1.replace('区商务局', '区交通局'));
        git('add', 'tables/added.perf');
        try {
            const output = execFileSync('git', ['diff', '--cached', 'HEAD', '--', 'tables/added.perf'], {
                cwd: repo, encoding: 'utf8', env: { ...gitEnv, GIT_EXTERNAL_DIFF: `${perfCommand} diff --git-external` }
            });
            expect(output).toContain('perf diff: a/tables/added.perf → b/tables/added.perf');
            expect(output).toContain('部门“区交通局”（新增，单位：万元）');
        } finally {
            git('rm', '--cached', '--quiet', 'tables/added.perf');
            fs.rmSync(path.join(repo, 'tables', 'added.perf'));
        }
    });

    it('textconv turns git\'s own line diff into changed facts', () => {
        fs.writeFileSync(path.join(repo, '.gitattributes'), '*.perf diff=perf\n');
        const output = git('-c', `diff.perf.textconv=${perfCommand} diff --textconv`, 'diff', 'HEAD~1', 'HEAD');
        expect(output).toContain('-部门 区商务局 | 项目 工作经费 | 指标 11-数量指标 集装箱吞吐量增长率 | 指标值 ≥3%');
        expect(output).toContain('+部门 区商务局 | 项目 工作经费 | 指标 11-数量指标 集装箱吞吐量增长率 | 指标值 ≥5%');
        expect(output).toContain('+部门 区商务局 | 项目 工作经费 | 总计 30.00 | 财政拨款 30.00');
        // Unchanged facts are context lines at most, never changes.
        expect(output.split('\n').filter(line => /^[-+]部门/.test(line) && line.includes('验收合格率'))).toEqual([]);
    });

    it('git difftool -x runs it on the two versions', () => {
        const output = git('difftool', '--no-prompt', '-x', `${perfCommand} diff`, 'HEAD~1', 'HEAD', '--', 'tables/commerce.perf');
        expect(output).toContain('指标值 ≥3% → ≥5%（收紧）');
        expect(output).toContain('金额：总计 24.00 → 30.00（+6.00）');
    });
});
