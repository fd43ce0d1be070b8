// Writes schemas/perf.config.schema.json (the JSON schema VS Code uses for perf.config.json) from the rule table
// in lib/ (run `npm run build` first); test/validation/project-config.test.ts keeps it in sync.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_CODES } from '../lib/language/validation/rules.js';
import { RULE_LEVELS } from '../lib/language/validation/rule-settings.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'perf.config.json',
    description: 'perf 项目配置：工作区根目录的 perf.config.json，编辑器、perf check 与 perf compile 共用；用户的编辑器设置与命令行选项优先。'
        + 'The project configuration of perf, shared by the editor, perf check and perf compile; editor settings and command-line options override it.',
    type: 'object',
    additionalProperties: false,
    properties: {
        $schema: { type: 'string' },
        catalog: {
            type: 'string', minLength: 1, examples: ['2015', '2021'],
            markdownDescription: '不写 `指标体系` 的部门使用的指标体系：`2015`、`2021` 或工作区中声明的指标体系。The catalog of a department that names none.'
        },
        rules: {
            type: 'object',
            markdownDescription: '按规则代码调整检查的级别（`perf rules` 列出全部代码）。Severity per rule code.',
            propertyNames: { enum: RULE_CODES },
            additionalProperties: { enum: RULE_LEVELS }
        },
        roundingTolerance: {
            type: ['number', 'string'], pattern: '^[0-9]+(\\.[0-9]+)?$', minimum: 0,
            markdownDescription: '写明的金额与下级之和的差，多大以内算四舍五入（单位同表格，如 `0.01`）；不写时按每个相加数字末位的半个单位计算。'
                + 'The largest difference that counts as rounding.'
        },
        outDir: {
            type: 'string', minLength: 1,
            markdownDescription: '`perf compile` 不带 `-o` 时的输出文件夹，相对于本文件。The output folder of perf compile without -o.'
        }
    }
};
fs.writeFileSync(path.join(root, 'schemas', 'perf.config.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
