import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';
import { rulesMarkdown } from '../../src/language/validation/rules-doc.js';
import { RULE_CODES } from '../../src/language/validation/rules.js';
import { RULE_LEVELS } from '../../src/language/validation/rule-settings.js';

test('docs/rules.md is the rule table (regenerate: node bin/perf.js rules --markdown > docs/rules.md)', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown());
});

test('every rule is documented once, with its code', () => {
    const markdown = rulesMarkdown();
    for (const code of RULE_CODES) {
        expect(markdown.split(`| \`${code}\` |`)).toHaveLength(2);
    }
});

test('the VS Code setting perf.rules accepts exactly the levels the validator knows', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const schema = manifest.contributes?.configuration?.properties?.['perf.rules'];
    expect(schema, 'package.json contributes.configuration perf.rules').toBeDefined();
    expect(schema.additionalProperties.enum).toEqual([...RULE_LEVELS]);
});

test('README links the rule table', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('[docs/rules.md](docs/rules.md)');
});
