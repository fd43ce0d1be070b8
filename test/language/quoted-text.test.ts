import { ValueConverter } from 'langium';
import { describe, expect, test } from 'vitest';
import { unquote } from '../../src/language/quoted-text.js';

describe('unquote (the value of a STRING token)', () => {
    // Every escape Langium reads, escapes at the start, the end and side by side, a backslash before the
    // closing quote of recovered (unclosed) text, both quote kinds, and text of any length.
    const closed = [
        '""', '"a"', '"ab"', '"服务对象满意度"', '“关于“十四五”规划”', '"关于“十四五”规划"',
        '"a\\"b"', '"\\""', '"\\\\"', '"\\n\\t\\r\\b\\f\\v\\0\\x"', '"末尾\\\\"', '"\\”开头"', '“\\””',
        `"${'保障园区日常运营稳定'.repeat(20)}"`, `"${'长'.repeat(12)}\\"${'句'.repeat(12)}"`
    ];

    test('reads closed text as Langium\'s converter does', () => {
        for (const text of closed) {
            expect(unquote(text), text).toBe(ValueConverter.convertString(text));
        }
    });

    test('closes recovered text with its own quote first, as before', () => {
        expect(unquote('"未闭合')).toBe('未闭合');
        expect(unquote('“未闭合')).toBe('未闭合');
        expect(unquote('"末尾\\')).toBe(ValueConverter.convertString('"末尾\\"'));
        expect(unquote('"末尾\\')).toBe('末尾"');
        expect(unquote('')).toBe('');
        expect(unquote('"')).toBe('');
    });
});
