import type { Department, Project } from '../language/generated/ast.js';
import { projectFigures } from '../model/figures.js';
import { matchItems, type Matching } from './matching.js';
import type { Decimal } from '../model/money.js';
import { bigramProfile, profileSimilarity, setSimilarity, textSimilarity, type BigramProfile } from './similarity.js';

/**
 * Below this, two projects with different names are one removal and one addition rather than a rename.
 * A project renamed outright (new name, same goal, indicators and amount) scores 0.6; two unrelated
 * projects that share a few generic indicators (满意度) score far lower.
 */
export const RENAME_THRESHOLD = 0.5;

/** Same name pairs first; then a rename is recognised by name similarity and content. */
export function matchProjects(olds: readonly Project[], news: readonly Project[]): Matching<Project> {
    return matchItems(olds, news, { keys: [project => project.name], score: projectSimilarity, threshold: RENAME_THRESHOLD });
}

/**
 * 0..1, weighted: name 0.4, indicator names 0.3, goal 0.2, same total 0.1. Content weighs more than the
 * name together, so a project that keeps its content under a new name still pairs.
 */
export function projectSimilarity(a: Project, b: Project): number {
    const left = featuresOf(a);
    const right = featuresOf(b);
    return 0.4 * profileSimilarity(left.name, right.name)
        + 0.3 * setSimilarity(left.indicators, right.indicators)
        + 0.2 * (left.goalText === right.goalText ? 1 : profileSimilarity(left.goal, right.goal))
        + 0.1 * (left.total.equals(right.total) ? 1 : 0);
}

interface ProjectFeatures {
    name: BigramProfile;
    indicators: ReadonlySet<string>;
    goalText: string;
    goal: BigramProfile;
    total: Decimal;
}

/** Computed once per project: the scored pass compares every unpaired old project with every unpaired new one. */
const features = new WeakMap<Project, ProjectFeatures>();

function featuresOf(project: Project): ProjectFeatures {
    let found = features.get(project);
    if (!found) {
        const goalText = project.goal.join('');
        found = {
            name: bigramProfile(project.name),
            indicators: new Set(project.indicators.map(indicator => indicator.name)),
            goalText,
            goal: bigramProfile(goalText),
            total: projectFigures(project).shown.total
        };
        features.set(project, found);
    }
    return found;
}

/** Departments pair by name, else by name similarity and the projects they share. */
export function matchDepartments(olds: readonly Department[], news: readonly Department[]): Matching<Department> {
    return matchItems(olds, news, {
        keys: [department => department.name],
        score: (a, b) => 0.5 * textSimilarity(a.name, b.name)
            + 0.5 * setSimilarity(a.projects.map(p => p.name), b.projects.map(p => p.name)),
        threshold: RENAME_THRESHOLD
    });
}
