/**
 * The semantic diff never throws: between the reference table and any random edit of it (broken syntax
 * included: the diff covers what could be read and lists the syntax problems), in every output format.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffVersions } from '../../src/diff/diff-versions.js';
import { DIFF_FORMATS, renderDiff } from '../../src/diff/render.js';
import { readReferenceExample } from '../helpers.js';
import { documentCases, FUZZ_TEST_TIMEOUT_MS } from './fuzz-settings.js';
import { applyEdits, editArbitrary } from './language-harness.js';

const reference = readReferenceExample();

describe('perf diff on random edits of the reference table', () => {
    test('returns a diff and renders it in every format, in both directions', async () => {
        await fc.assert(fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), async edits => {
            const edited = applyEdits(reference, edits);
            for (const [old, updated] of [[reference, edited], [edited, reference]]) {
                const diff = await diffVersions({ label: 'old.perf', text: old }, { label: 'new.perf', text: updated });
                for (const format of DIFF_FORMATS) {
                    expect(typeof renderDiff(diff, format)).toBe('string');
                }
            }
        }), { ...documentCases(8), timeout: 60_000 });
    }, FUZZ_TEST_TIMEOUT_MS);

    test('a file added or deleted (one side missing) diffs against an empty table', async () => {
        const added = await diffVersions({ label: 'old.perf', text: undefined }, { label: 'new.perf', text: reference });
        const deleted = await diffVersions({ label: 'old.perf', text: reference }, { label: 'new.perf', text: undefined });
        expect(renderDiff(added, 'text')).not.toBe('');
        expect(renderDiff(deleted, 'text')).not.toBe('');
    });
});
