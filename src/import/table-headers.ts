/**
 * Column titles of a hand-made or published table, mapped to the official columns by their text (so any
 * column order works): 项目名称 / 项目名称（资金使用单位）, 总计, 财政拨款 …, 绩效目标, 绩效指标.
 */
export type TableColumn = 'name' | 'total' | 'fiscal' | 'specialAccount' | 'other' | 'goal' | 'indicators';

const TITLES: ReadonlyArray<[TableColumn, RegExp]> = [
    ['name', /^(?:项目名称|项目)(?:[（(]资金使用单位[)）])?$/],
    ['total', /^(?:总计|合计|金额合计|资金总额|项目总金额|总金额)$/],
    ['fiscal', /^财政拨款(?:资金)?$/],
    ['specialAccount', /^财政专户(?:拨款|管理资金)?$/],
    ['other', /^其他资金$/],
    ['goal', /^(?:年度)?绩效目标$/],
    ['indicators', /^(?:年度)?绩效指标$/]
];

/** Layouts perf does not read, recognised by their titles so that the refusal can say what they are. */
export const ONE_INDICATOR_PER_ROW = /^(?:一级指标|二级指标|三级指标|指标值|指标名称)$/;

/** The official column a title names: spaces, line breaks and a unit in brackets (（万元）) are ignored. */
export function columnOfTitle(title: string): TableColumn | undefined {
    const normalized = normalizeTitle(title);
    return TITLES.find(([, pattern]) => pattern.test(normalized))?.[0];
}

export function normalizeTitle(title: string): string {
    return title.replace(/\s+/g, '').replace(/[（(](?:万元|元)[)）]$/, '');
}

/** The unit a title names in brackets: 总计（万元）. */
export function unitOfTitle(title: string): string | undefined {
    return /[（(](万元|元)[)）]\s*$/.exec(title.replace(/\s+/g, ''))?.[1];
}
