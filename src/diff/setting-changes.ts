import type { Department } from '../language/generated/ast.js';
import { unitOf } from '../model/summary-figures.js';
import type { DepartmentSetting, SettingChange } from './diff-model.js';

const SETTINGS: ReadonlyArray<{ setting: DepartmentSetting; label: string; value: (department: Department) => string }> = [
    { setting: 'year', label: '预算年度', value: department => department.year ?? '' },
    { setting: 'title', label: '表名', value: department => department.title ?? '' },
    // A table without 单位 is in 万元: writing it out is no change.
    { setting: 'unit', label: '单位', value: department => unitOf(department) },
    { setting: 'catalog', label: '指标体系', value: department => department.catalog?.$refText ?? '' },
    { setting: 'layout', label: '表式', value: department => department.layout ?? '' }
];

/** The department's settings that differ between the versions (none for an added or removed department). */
export function settingChanges(old: Department | undefined, updated: Department | undefined): SettingChange[] {
    if (!old || !updated) {
        return [];
    }
    return SETTINGS.flatMap(({ setting, label, value }) => {
        const [before, after] = [value(old), value(updated)];
        return before === after ? [] : [{ setting, label, old: before, new: after }];
    });
}
