import { beforeEach, describe, expect, test } from 'vitest';
import { createServices, parseDocument } from '../helpers.js';
import { parseRuleOptions, readRuleSettings } from '../../src/language/validation/rule-settings.js';
import { RULE_CODES } from '../../src/language/validation/rules.js';
import { findings, oneProject, type Services } from './validation-helpers.js';

/** A 0.01 total (placeholder-amount) 0.01 above its two-decimal sources (rounding-difference). */
const TEXT = oneProject({ amounts: ['总计 0.01', '财政拨款 0.00', '其他资金 0.00'] });

function setRules(services: Services, rules: unknown): void {
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { perf: { rules } } });
}

let services: Services;
beforeEach(async () => { services = await createServices(); });

describe('settings perf.rules', () => {
    test('by default both rules warn', async () => {
        const document = await parseDocument(TEXT, services);
        expect(findings(document).map(f => `${f.code}:${f.severity}`).sort())
            .toEqual(['placeholder-amount:warning', 'rounding-difference:warning']);
    });

    test('"off" drops a rule and a level re-levels another', async () => {
        setRules(services, { 'placeholder-amount': 'off', 'rounding-difference': 'error', 'mixed-comparators': 'warning' });
        const document = await parseDocument(TEXT, services);
        expect(findings(document, 'placeholder-amount')).toEqual([]);
        expect(findings(document, 'rounding-difference')).toMatchObject([{ severity: 'error' }]);
    });

    test('a built-in rule (linking) is re-levelled too: unknown-code as info', async () => {
        setRules(services, { 'unknown-code': 'info' });
        const document = await parseDocument(oneProject({ indicators: ['15 "未知" 指标值 ≥1个'] }), services);
        expect(findings(document, 'unknown-code')).toMatchObject([{ severity: 'info' }]);
    });

    test('changing the settings revalidates the documents already built', async () => {
        const document = await parseDocument(TEXT, services);
        expect(findings(document, 'placeholder-amount')).toHaveLength(1);
        setRules(services, { 'placeholder-amount': 'off' });
        await services.shared.workspace.WorkspaceLock.read(() => undefined);
        expect(findings(document, 'placeholder-amount')).toEqual([]);
        expect(findings(document, 'rounding-difference')).toHaveLength(1);
    });

    test('invalid entries are ignored with a message, valid ones apply', async () => {
        const { settings, problems } = readRuleSettings({ 'no-such-rule': 'off', 'placeholder-amount': 'loud', 'negative-amount': 'warning' });
        expect(settings).toEqual({ 'negative-amount': 'warning' });
        expect(problems).toHaveLength(2);
        expect(problems[0]).toContain('没有规则“no-such-rule”');
        expect(problems[1]).toContain('级别“loud”无效');
        expect(readRuleSettings('off').problems).toHaveLength(1);
    });
});

describe('perf check --rule CODE=LEVEL', () => {
    test('parses repeated options', () => {
        expect(parseRuleOptions(['placeholder-amount=off', 'rounding-difference = error'])).toEqual({
            'placeholder-amount': 'off', 'rounding-difference': 'error'
        });
    });
    test('a bad option says what to write', () => {
        expect(() => parseRuleOptions(['placeholder-amount'])).toThrow(/规则代码=级别/);
        expect(() => parseRuleOptions(['nope=off'])).toThrow(/可用的规则：amount-format/);
        expect(() => parseRuleOptions(['placeholder-amount=loud'])).toThrow(/off \| error \| warning \| info/);
    });
    test('every rule code is kebab-case', () => {
        for (const code of RULE_CODES) {
            expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        }
    });
});
