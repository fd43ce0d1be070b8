/**
 * Older and local names of level-1 and level-2 indicators that real tables still print (预期产出指标, 效果指标,
 * 预算（或投资规模）控制指标, 数量指标（或建筑规模指标）, 时效指标（工期指标）, 环境效益指标, 社会公众或服务对象满意度指标 …),
 * each with the code it means in the built-in catalogs and a note a reader can see: validation reports the
 * mapping (level-name-mapped), the importer uses it to choose a code. The published wording is kept for output;
 * only the code comes from here. Sources: shared notes layouts.md and indicator-standards.md.
 */

export type LevelNameLevel = 1 | 2;

/** What a published level name means in a catalog. */
export interface LevelNameMapping {
    /** The catalog code the name maps to ('1', '13', '41'). */
    readonly code: string;
    /** Every code the name may stand for, `code` first: 效果指标 covered both 效益 and 满意度 in older forms. */
    readonly codes: readonly string[];
    /** Why, in Chinese, for a diagnostic or an import summary. */
    readonly note: string;
}

/** Codes per built-in catalog; a catalog a name has no code in is left out. */
type CodesByCatalog = Readonly<Partial<Record<'2015' | '2021', readonly string[]>>>;

interface LevelNameRow {
    readonly level: LevelNameLevel;
    readonly names: readonly string[];
    readonly codes: CodesByCatalog;
    readonly note: string;
    /** A different note where one catalog needs it (成本 is level 2 in 2015, level 1 in 2021). */
    readonly notes?: Readonly<Partial<Record<'2015' | '2021', string>>>;
}

const both = (...codes: string[]): CodesByCatalog => ({ '2015': codes, '2021': codes });

/** The table. Names are written as real tables print them; matching ignores spaces, bracket width and a score range. */
const LEVEL_NAMES: readonly LevelNameRow[] = [
    { level: 1, names: ['产出指标', '产出', '预期产出指标', '预期产出'], codes: both('1'),
        note: '预期产出指标是产出指标的旧称' },
    { level: 1, names: ['效益指标', '效益', '效果指标', '效果', '预期效果指标'], codes: { '2015': ['2', '3'], '2021': ['2', '3'] },
        note: '效果指标是效益指标的旧称（旧表把满意度指标也列在效果指标下，满意度归 3）' },
    { level: 1, names: ['满意度指标', '满意度'], codes: both('3'), note: '满意度指标' },
    { level: 1, names: ['成本指标', '成本'], codes: { '2015': ['1'], '2021': ['4'] },
        note: '成本指标',
        notes: { '2015': '2015 体系中成本指标是产出指标（1）下的二级指标 14，一级归 1', '2021': '2021 体系中成本指标是一级指标 4' } },

    { level: 2, names: ['数量指标', '数量', '数量指标（或建筑规模指标）', '建筑规模指标', '数量指标（建筑规模指标）'], codes: both('11'),
        note: '建筑规模指标（基建项目的写法）按数量指标计' },
    { level: 2, names: ['质量指标', '质量'], codes: both('12'), note: '质量指标' },
    { level: 2, names: ['时效指标', '时效', '时效指标（工期指标）', '工期指标', '形象进度指标', '时效指标（工期指标、形象进度指标）'],
        codes: both('13'), note: '工期指标、形象进度指标（基建项目的写法）按时效指标计' },
    { level: 2, names: ['成本指标', '成本', '预算（或投资规模）控制指标', '预算（投资规模）控制指标', '预算控制指标', '投资规模控制指标',
        '经济成本指标', '经济成本'], codes: { '2015': ['14'], '2021': ['41'] },
        note: '预算（或投资规模）控制指标是成本指标的旧称',
        notes: { '2021': '预算（或投资规模）控制指标、成本指标在 2021 体系中按经济成本指标（41，一级指标 4）计' } },
    { level: 2, names: ['社会成本指标', '社会成本'], codes: { '2015': ['14'], '2021': ['42'] }, note: '社会成本指标',
        notes: { '2015': '2015 体系只有一个成本指标 14' } },
    { level: 2, names: ['生态环境成本指标', '生态环境成本', '环境成本指标'], codes: { '2015': ['14'], '2021': ['43'] }, note: '生态环境成本指标',
        notes: { '2015': '2015 体系只有一个成本指标 14' } },
    { level: 2, names: ['经济效益指标', '经济效益'], codes: both('21'), note: '经济效益指标' },
    { level: 2, names: ['社会效益指标', '社会效益'], codes: both('22'), note: '社会效益指标' },
    { level: 2, names: ['生态效益指标', '生态效益', '环境效益指标', '环境效益', '生态环境效益指标'], codes: both('23'),
        note: '环境效益指标是生态效益指标的旧称' },
    { level: 2, names: ['社会、经济、生态效益指标', '经济、社会、生态效益指标', '社会经济生态效益指标'], codes: both('21', '22', '23'),
        note: '合并的效益指标：按指标内容归经济（21）、社会（22）或生态（23）效益，默认 21' },
    { level: 2, names: ['可持续影响指标', '可持续影响'], codes: both('24'), note: '可持续影响指标' },
    { level: 2, names: ['服务对象满意度指标', '服务对象满意度', '社会公众或服务对象满意度指标', '社会公众满意度指标', '满意度指标', '满意度'],
        codes: both('31'), note: '社会公众或服务对象满意度指标是服务对象满意度指标的旧称' }
];

/**
 * The name as compared: no spaces, full-width brackets and 、, no level code before it (`1-`, `11、`) and no
 * score range after it (产出指标(40-50)分, 成本指标（0-20分）).
 */
export function normalizeLevelName(name: string): string {
    return name
        .replace(/\s+/g, '')
        .replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '、').replace(/，/g, '、')
        .replace(/^\d+[-、.．]/, '')
        .replace(/（\d+(?:\.\d+)?(?:[-—~～至]\d+(?:\.\d+)?)?分?）分?$/, '');
}

const INDEX = new Map<string, LevelNameRow>(
    LEVEL_NAMES.flatMap(row => row.names.map(name => [`${row.level}\u0000${normalizeLevelName(name)}`, row] as const)));

/**
 * The catalog code a published level name maps to, with a note; undefined when the name is not known, or has
 * no code in that catalog (a custom catalog: only its own labels count there). `catalog` is the catalog's
 * name ('2015', the default, or '2021').
 */
export function mapLevelName(name: string, level: LevelNameLevel, catalog = '2015'): LevelNameMapping | undefined {
    const row = INDEX.get(`${level}\u0000${normalizeLevelName(name)}`);
    const key = catalog === '2015' || catalog === '2021' ? catalog : undefined;
    const codes = key && row?.codes[key];
    if (!row || !key || !codes) {
        return undefined;
    }
    return { code: codes[0], codes, note: row.notes?.[key] ?? row.note };
}
