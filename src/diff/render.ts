import type { PerfDiff } from './diff-model.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

export function renderDiff(diff: PerfDiff, format: DiffFormat): string {
    switch (format) {
        case 'text': return renderText(diff);
        case 'markdown': return renderMarkdown(diff);
        case 'json': return renderJson(diff);
    }
}
