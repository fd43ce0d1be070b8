/**
 * What a document is, recognised before anything is imported, so that every message can name it
 * (layouts: /work/shared/notes/layouts.md, the families real departments publish). The target tables:
 * the Guangdong multi-project list, a per-project form (申报表/审批表/批复表/项目绩效目标表), a list with one
 * indicator per row, a whole-department table. Documents that are NOT target tables and are refused by
 * name: a self-evaluation (绩效自评表: execution amounts, actual values, scores), an evaluation scoring form
 * (level-1 决策/过程 or 投入/过程 with 评分细则), a blank template (placeholders such as ≥**%).
 *
 * Only words decide, never positions: cells of a grid and whitespace-separated words of text are the
 * "tokens" (a column title or a level-1 name standing alone); the text without whitespace is searched for
 * titles and labels, so a table run together on one line is recognised too.
 */
import { inputLines, type ImportInput } from './source-grid.js';

export type TargetKind = 'project-list' | 'project-form' | 'indicator-rows' | 'department-whole';
export type DocumentKind = TargetKind | 'self-evaluation' | 'evaluation-scoring' | 'blank-template' | 'unknown';

/** The `表式` (issue 14) a target table is written in. */
export const LAYOUT_OF: Record<TargetKind, string> = {
    'project-list': '项目列表',
    'project-form': '项目表',
    'indicator-rows': '指标行',
    'department-whole': '部门整体'
};

export interface Classification {
    kind: DocumentKind;
    /** The kind as messages name it: "一项目一表（项目支出绩效目标申报表）". */
    name: string;
    /** What was seen that decided it: "栏目“全年执行数”“得分”". */
    evidence: string[];
}

export function isTargetKind(kind: DocumentKind): kind is TargetKind {
    return kind in LAYOUT_OF;
}

/** Families of self-evaluation column titles: two of them (or a 自评 title) make a self-evaluation. */
const SELF_EVALUATION: ReadonlyArray<[string, RegExp]> = [
    ['执行数', /^(?:全年|预算|年度)?执行数$/],
    ['实际值', /^(?:全年)?实际(?:完成)?值$|^实际完成情况$|^完成值$/],
    ['得分', /^得分$/],
    ['偏差原因', /^(?:偏差|未完成)原因(?:分析)?(?:及改进措施)?$/]
];
const SELF_EVALUATION_TITLE = /绩效自评表|自评表/;
/** Level-1 names of the evaluation frameworks (财预〔2020〕10号: 决策/过程/产出/效益; older: 投入/过程). */
const EVALUATION_LEVEL1 = /^(?:决策|投入|过程)$/;
const EVALUATION_WORDS = /评分细则|评价要点|评分标准|评分办法|评价标准/;
const EVALUATION_TITLE = /绩效评价指标体系|评价指标体系|绩效评价评分表|评价评分表|评分表/;
const PLACEHOLDER = /[≥≤＞＜>=<]?\s*(?:\*{2,}|＊{2,}|×{2,}|XX(?=[%％人元万个次天件项年]))/g;
const REAL_TARGET = /[≥≤＞＜]\s*\d/g;
const DEPARTMENT_TITLE = /部门整体(?:支出)?绩效目标(?:申报)?表?|整体(?:支出)?绩效目标表/;
const DEPARTMENT_LABELS = /^(?:部门职责|职能职责|主要职能|部门职能)/;
const DEPARTMENT_GOAL = /^(?:年度总体绩效目标|整体绩效目标|年度主要任务|年度总体目标|部门整体绩效目标)/;
const LIST_ITEMS = /\d+、[^；;]*[；;][^；;]*[；;][^；;]*[；;]\s*(?:实施周期指标值|年度指标值)/;
const GRID_TITLES = ['一级指标', '二级指标', '三级指标'];
/** Titles are looked for in the first characters of a line; a header row has at most this many cells. */
const HEADING_LENGTH = 60;
/** What may follow a title: the year in brackets, the end of the line, or the next label of a dump run together. */
const TITLE_END = '(?=[（(\\d]|$|项目|部门|单位|填报|附件|一级)';
const MAX_HEADER_CELLS = 20;
const ROW_COLUMNS = ['指标性质', '度量单位', '计量单位', '指标方向', '权重', '指标值类型'];
const FORM_LABELS = ['主管部门', '实施单位', '项目属性', '项目负责人', '资金总额', '年度资金总额', '项目期', '起止时间',
    '总体目标', '实施期目标', '年度目标', '长期目标', '项目概况', '项目单位', '预算单位'];
const FORM_TITLE = /(?:财政)?(?:支出)?项目(?:支出)?绩效目标(?:申报|审批|批复)表|绩效目标(?:申报|审批|批复)表|项目(?:支出)?绩效目标表|(?:申报|审批|批复)表/;

export function classifyInput(input: ImportInput): Classification {
    const lines = inputLines(input);
    const rows = input.form === 'grid'
        ? input.sheets.flatMap(sheet => [...sheet.rows.values()].map(cells => cells.map(cell => squeeze(cell.text)).filter(Boolean)))
        : lines.map(line => line.trim().split(/\s+/).filter(Boolean));
    return classify(lines.map(squeeze).join('\n'), rows);
}

/**
 * `flat`: the lines without whitespace; `rows`: the tokens of each row (cells, or words of a line). Titles
 * are looked for at the start of lines, ending where a title ends (a goal that asks for 绩效自评表。 names no title), column
 * titles and labels among the tokens (a unit in brackets ignored: 全年执行数（万元）).
 */
function classify(flat: string, rows: string[][]): Classification {
    const tokens = new Set(rows.flat().map(token => token.replace(/[（(][^（()）]*[)）]$/, '')));
    // A long line is a cell's text or a dump run together; the dump starts with the document's title.
    const headings = flat.split('\n').filter(line => line.length > 0).map(line => line.slice(0, HEADING_LENGTH)).join('\n');
    const title = headings.split('\n').find(line => /表/.test(line)) ?? '';
    const tokenMatching = (pattern: RegExp) => [...tokens].find(token => pattern.test(token));
    const titleIn = (pattern: RegExp) => new RegExp(`(?:${pattern.source})${TITLE_END}`, 'm').exec(headings)?.[0];
    const seen = (words: readonly string[]) => words.filter(word => tokens.has(word) || flat.includes(word));
    const quoted = (words: readonly string[]) => words.map(word => `“${word}”`).join('');

    const selfEvaluation = SELF_EVALUATION.map(([, pattern]) => tokenMatching(pattern)).filter((token): token is string => token !== undefined);
    // Text run together has no tokens: then three families anywhere.
    const selfEvaluationRunTogether = SELF_EVALUATION.filter(([, pattern]) => new RegExp(pattern.source.replace(/\^|\$/g, '')).test(flat));
    const selfTitle = titleIn(SELF_EVALUATION_TITLE);
    if (selfTitle || selfEvaluation.length >= 2 || selfEvaluationRunTogether.length >= 3) {
        return {
            kind: 'self-evaluation', name: '绩效自评表',
            evidence: [...(selfTitle ? [`表名含“${selfTitle}”`] : []), ...(selfEvaluation.length ? [`栏目${quoted(selfEvaluation)}`]
                : selfEvaluationRunTogether.length ? [`文字${quoted(selfEvaluationRunTogether.map(([name]) => name))}`] : [])]
        };
    }
    const level1 = [...tokens].filter(token => EVALUATION_LEVEL1.test(token));
    const evaluationTitle = titleIn(EVALUATION_TITLE);
    const evaluationWords = EVALUATION_WORDS.exec(flat)?.[0];
    if (evaluationTitle || (level1.includes('过程') && level1.length >= 2 && evaluationWords)) {
        return {
            kind: 'evaluation-scoring', name: '绩效评价评分表（评价指标体系）',
            evidence: [...(evaluationTitle ? [`表名含“${evaluationTitle}”`] : []),
                ...(level1.length ? [`一级指标${quoted(level1)}`] : []), ...(evaluationWords ? [`栏目“${evaluationWords}”`] : [])]
        };
    }
    const placeholders = flat.match(PLACEHOLDER) ?? [];
    const realTargets = flat.match(REAL_TARGET)?.length ?? 0;
    if (placeholders.length >= 3 && placeholders.length * 2 >= realTargets) {
        return {
            kind: 'blank-template', name: '空白模板',
            evidence: [`占位符 ${placeholders.length} 处（如“${placeholders.find(placeholder => /[*＊]/.test(placeholder)) ?? placeholders[0]}”）`]
        };
    }
    const departmentTitle = titleIn(DEPARTMENT_TITLE);
    const departmentLabel = tokenMatching(DEPARTMENT_LABELS);
    const departmentGoal = tokenMatching(DEPARTMENT_GOAL);
    if (departmentTitle || (departmentLabel && departmentGoal)) {
        return {
            kind: 'department-whole', name: '部门整体绩效目标表',
            evidence: [departmentTitle ? `表名含“${departmentTitle}”` : `栏目“${departmentLabel}”“${departmentGoal}”`]
        };
    }
    const grid = seen(GRID_TITLES);
    const listHeader = tokens.has('绩效指标') || /项目名称(?:[（(]资金使用单位[)）])?(?:总计|合计)?.*绩效目标.*绩效指标/.test(flat);
    if (LIST_ITEMS.test(flat) || (listHeader && grid.length < 2)) {
        return {
            kind: 'project-list', name: '广东式多项目列表（一行一个项目，指标写在一格内）',
            evidence: [LIST_ITEMS.test(flat) ? '指标写作“序号、一级指标；二级指标；名称；实施周期指标值:…；年度指标值:…”' : '栏目“项目名称”“绩效指标”']
        };
    }
    if (grid.length >= 2 || tokens.has('指标值')) {
        const rowColumns = seen(ROW_COLUMNS);
        const formLabels = seen(FORM_LABELS);
        // A header row naming the project beside the levels (a dump of a form on one line is no header row).
        const projectBesideLevels = rows.some(row => row.length <= MAX_HEADER_CELLS
            && row.some(cell => /^(?:项目名称|项目)$/.test(cell)) && row.some(cell => /^一级指标$/.test(cell)));
        if (projectBesideLevels || (formLabels.length < 2 && rowColumns.length >= 2)) {
            return {
                kind: 'indicator-rows', name: '一指标一行的绩效目标表',
                evidence: [`栏目${quoted(projectBesideLevels ? ['项目名称', ...grid] : [...grid, ...rowColumns])}`]
            };
        }
        const formTitle = FORM_TITLE.exec(title)?.[0] ?? titleIn(FORM_TITLE);
        return {
            kind: 'project-form', name: `一项目一表（${formName(formTitle)}）`,
            evidence: [...(formTitle ? [`表名含“${formTitle}”`] : []), `栏目${quoted([...formLabels.slice(0, 4), ...grid])}`]
        };
    }
    return { kind: 'unknown', name: '未能识别的表式', evidence: [] };
}

/** The form's own name ("项目支出绩效目标申报表"), completed when the title gives only "申报表". */
function formName(title: string | undefined): string {
    if (!title) {
        return '项目绩效目标表';
    }
    return /^(?:申报|审批|批复)表$/.test(title) ? `项目绩效目标${title}` : title;
}

function squeeze(text: string): string {
    return text.replace(/\s+/g, '');
}
