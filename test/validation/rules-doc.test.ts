import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';
import { rulesMarkdown } from '../../src/language/validation/rules-doc.js';
import { RULE_CODES } from '../../src/language/validation/rules.js';

test('docs/rules.md is the rule table (regenerate: node bin/perf.js rules --markdown > docs/rules.md)', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown());
});

test('every rule is documented once, with its code', () => {
    const markdown = rulesMarkdown();
    for (const code of RULE_CODES) {
        expect(markdown.split(`| \`${code}\` |`)).toHaveLength(2);
    }
});
