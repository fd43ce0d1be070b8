import { diffChars } from 'diff';
import type { TextChange, TextPart } from './diff-model.js';

/** Common runs this short between two edits are folded into the edit: "改了一个字" reads better than confetti. */
const SHORT_COMMON_RUN = 2;

/**
 * A character diff (Chinese has no spaces, so characters are the unit), or undefined when the texts are equal.
 * Parts come in reading order, a removal before the addition that replaces it.
 */
export function textChange(oldText: string, newText: string): TextChange | undefined {
    if (oldText === newText) {
        return undefined;
    }
    const raw: TextPart[] = diffChars(oldText, newText).map(change => ({
        kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
        text: change.value
    }));
    return { old: oldText, new: newText, parts: cleanUp(raw) };
}

function cleanUp(parts: TextPart[]): TextPart[] {
    // Fold short common runs that sit between edits into both sides of the edit.
    const folded: TextPart[] = [];
    parts.forEach((part, index) => {
        const between = index > 0 && index < parts.length - 1;
        if (part.kind === 'same' && between && [...part.text].length <= SHORT_COMMON_RUN) {
            folded.push({ kind: 'removed', text: part.text }, { kind: 'added', text: part.text });
        } else {
            folded.push(part);
        }
    });
    // Merge each run of edits into one removal followed by one addition.
    const merged: TextPart[] = [];
    let removed = '';
    let added = '';
    const flush = () => {
        if (removed) merged.push({ kind: 'removed', text: removed });
        if (added) merged.push({ kind: 'added', text: added });
        removed = added = '';
    };
    for (const part of folded) {
        if (part.kind === 'removed') {
            removed += part.text;
        } else if (part.kind === 'added') {
            added += part.text;
        } else {
            flush();
            merged.push(part);
        }
    }
    flush();
    return merged;
}
