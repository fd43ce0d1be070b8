/** The rule table as documentation: docs/rules.md and `perf rules` are generated from it. */
import { RULE_LEVELS } from './rule-settings.js';
import { RULE_CODES, RULES, type RuleDefinition } from './rules.js';

const SEVERITY_LABEL: Record<RuleDefinition['severity'], string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

/** docs/rules.md: one row per rule, then how to switch rules off or re-level them. */
export function rulesMarkdown(): string {
    const rows = RULE_CODES.map(code => {
        const rule: RuleDefinition = RULES[code];
        return `| \`${code}\` | ${SEVERITY_LABEL[rule.severity]} | ${rule.title}<br>${rule.gloss} | ${rule.fix ?? ''} |`;
    });
    return [
        '# 校验规则 Validation rules',
        '',
        '<!-- Generated from src/language/validation/rules.ts by `perf rules --markdown`; a test keeps it in sync. -->',
        '',
        '`perf check` and the editor report the same problems; each carries a stable rule code, shown as `[code]`.',
        '',
        '| 规则 code | 默认级别 default | 检查什么 what it finds | 快速修复 quick fix |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
        '## 关闭或调整规则 Switching rules off or re-levelling them',
        '',
        `Levels: ${RULE_LEVELS.map(level => `\`${level}\``).join(', ')}.`,
        '',
        '- Editor settings (VS Code `settings.json`, or any LSP client\'s `workspace/didChangeConfiguration`):',
        '',
        '  ```json',
        '  { "perf.rules": { "placeholder-amount": "off", "rounding-difference": "error" } }',
        '  ```',
        '',
        '- Command line, repeatable: `perf check --rule placeholder-amount=off --rule rounding-difference=error FILE.perf`.',
        '  `perf check` exits with 1 when an error remains, else 0.',
        '',
        '## 对账的容差 Reconciliation tolerance',
        '',
        'A stated 总计/合计 (or source column) is compared with the exact decimal sum of its parts. A difference of at',
        'most half a unit of the last decimal written, per summed figure (n two-decimal figures: n × 0.005), can come',
        'from rounding the published figures: `rounding-difference` (warning). A larger one is `total-mismatch` (error).',
        ''
    ].join('\n');
}

/** `perf rules`: one line per rule, for the terminal. */
export function rulesText(): string {
    const width = Math.max(...RULE_CODES.map(code => code.length));
    return RULE_CODES.map(code => `${code.padEnd(width)}  ${RULES[code].severity.padEnd(7)}  ${RULES[code].title}`).join('\n') + '\n';
}
