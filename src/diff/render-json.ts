import type { PerfDiff } from './diff-model.js';

/** The diff as JSON (the shape of diff-model.ts, documented in docs/diff.md), with unchanged rows left out. */
export function renderJson(diff: PerfDiff): string {
    const changedOnly: PerfDiff = {
        ...diff,
        departments: diff.departments.map(department => ({
            ...department,
            projects: department.projects.filter(project => project.status !== 'unchanged')
        }))
    };
    return JSON.stringify(changedOnly, null, 2) + '\n';
}
