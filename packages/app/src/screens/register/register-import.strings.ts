import type { Locale } from '@linli/core';
import { REGISTER_CHANGE_LABELS } from '@linli/core/register';

/** Every word `<linli-register-import>` shows, in zh-CN and en. */
export interface RegisterImportStrings {
  readonly title: string;
  readonly intro: string;
  readonly chooseLegend: string;
  readonly fileLabel: string;
  readonly fileHint: string;
  readonly reading: string;
  readonly importing: string;
  /** The preview's heading, naming the file. */
  readonly summaryTitle: (file: string) => string;
  readonly rowsRead: (rows: number, headerLine: number) => string;
  readonly noHeader: string;
  readonly wouldChange: string;
  readonly nothingToChange: string;
  readonly problemsLink: (count: number) => string;
  readonly refusedBecause: string;
  readonly problemsTitle: string;
  readonly problemsMore: (shown: number, total: number) => string;
  /** Where a problem is, with the colon that introduces its message (full-width in Chinese). */
  readonly where: (line: number, column: string | undefined) => string;
  readonly mappingTitle: string;
  readonly mappingHint: string;
  readonly ignore: string;
  readonly required: string;
  readonly previewAgain: string;
  readonly rowsTitle: string;
  readonly rowsMore: (shown: number, total: number) => string;
  /** Opens the rows, which wait closed so the confirm button is not thousands of pixels down a phone. */
  readonly showAll: (households: number) => string;
  readonly column: Readonly<Record<RowColumn, string>>;
  readonly unsold: string;
  /**
   * The confirm button, with the households it imports once the preview has no problem: a lay reader
   * counts homes, not the events they become.
   */
  readonly confirm: (households: number | undefined) => string;
  /** In place of the confirm button when the community already matches the register. */
  readonly nothingToImport: string;
  readonly confirmBlocked: string;
  readonly doneTitle: string;
  readonly done: (changes: number) => string;
  readonly upToDate: string;
  readonly importAnother: string;
  readonly exportTitle: string;
  readonly exportHint: string;
  readonly exportXlsx: string;
  readonly exportCsv: string;
  /** One line of the changes: their kind and how many. */
  readonly change: (type: string, count: number) => string;
}

/** The columns of the preview table. */
export type RowColumn = 'line' | 'building' | 'stairwell' | 'room' | 'floor' | 'area' | 'owners' | 'phone';

const zh: RegisterImportStrings = {
  title: '导入房屋清册',
  intro: '选择居委会或物业的房屋清册（业主名册）。先预览，确认后才会导入；同一份清册导入两次不会重复。',
  chooseLegend: '第一步：选择文件',
  fileLabel: '房屋清册 .xlsx / .csv',
  fileHint: 'Excel 文件，或 Excel 另存的 CSV（GBK 或 UTF-8 均可）。',
  reading: '正在读取清册……',
  importing: '正在导入……',
  summaryTitle: (file) => `预览：${file}`,
  rowsRead: (rows, headerLine) => `读取了 ${rows} 户，表头在第 ${headerLine} 行。`,
  noHeader: '没有找到表头行，请在下面的“列对应”中指明各列。',
  wouldChange: '确认后将：',
  nothingToChange: '社区记录已与这份清册一致，导入不会有任何变化。',
  problemsLink: (count) => `有 ${count} 个问题，修正后才能导入`,
  refusedBecause: '不能导入：',
  problemsTitle: '问题',
  problemsMore: (shown, total) => `只列出前 ${shown} 个，共 ${total} 个。`,
  where: (line, column) =>
    line === 0 ? '整个文件：' : column === undefined ? `第 ${line} 行：` : `第 ${line} 行，“${column}”列：`,
  mappingTitle: '列对应',
  mappingHint: '每一列对应哪一项？不认识的列可选“忽略”。改好后重新预览。',
  ignore: '忽略此列',
  required: '必填',
  previewAgain: '按此对应重新预览',
  rowsTitle: '清册内容',
  rowsMore: (shown, total) => `显示前 ${shown} 户，共 ${total} 户。`,
  showAll: (households) => `查看全部 ${households} 户`,
  column: {
    line: '行',
    building: '楼号',
    stairwell: '单元',
    room: '室号',
    floor: '楼层',
    area: '面积（㎡）',
    owners: '产权人',
    phone: '电话',
  },
  unsold: '开发商（未售）',
  confirm: (households) => (households === undefined ? '导入' : `导入 ${households} 户`),
  nothingToImport: '已是最新，无需导入',
  confirmBlocked: '清册里还有问题，修正并重新预览后才能导入。',
  doneTitle: '导入完成',
  done: (changes) => `已写入 ${changes} 项变更，一次全部写入。`,
  upToDate: '已是最新：社区记录与这份清册一致，没有任何变化。',
  importAnother: '导入另一份清册',
  exportTitle: '导出清册',
  exportHint: '下载社区现在的房屋清册，可用 Excel 打开。',
  exportXlsx: '下载 Excel（.xlsx）',
  exportCsv: '下载 CSV',
  change: (type, count) => `${REGISTER_CHANGE_LABELS[type]?.['zh-CN'] ?? type}：${count}`,
};

const en: RegisterImportStrings = {
  title: 'Import the housing register',
  intro:
    "Choose the residents' committee's or property manager's housing register. You see a preview first; nothing is imported until you confirm, and importing the same register twice changes nothing.",
  chooseLegend: 'Step 1: choose the file',
  fileLabel: 'Housing register (房屋清册) .xlsx / .csv',
  fileHint: 'An Excel workbook, or a CSV saved by Excel (GBK or UTF-8).',
  reading: 'Reading the register…',
  importing: 'Importing…',
  summaryTitle: (file) => `Preview: ${file}`,
  rowsRead: (rows, headerLine) =>
    `Read ${rows} household${rows === 1 ? '' : 's'}; the header is row ${headerLine}.`,
  noHeader: 'No header row was found: name the columns under "Columns" below.',
  wouldChange: 'Confirming will:',
  nothingToChange: 'The community already matches this register: importing it changes nothing.',
  problemsLink: (count) => `${count} problem${count === 1 ? '' : 's'} to fix before importing`,
  refusedBecause: 'Cannot import:',
  problemsTitle: 'Problems',
  problemsMore: (shown, total) => `Showing the first ${shown} of ${total}.`,
  where: (line, column) =>
    line === 0 ? 'The file: ' : column === undefined ? `Row ${line}: ` : `Row ${line}, column "${column}": `,
  mappingTitle: 'Columns',
  mappingHint: 'What does each column hold? Choose "Ignore" for one Linli does not need, then preview again.',
  ignore: 'Ignore this column',
  required: 'required',
  previewAgain: 'Preview again with these columns',
  rowsTitle: 'The register',
  rowsMore: (shown, total) => `Showing the first ${shown} of ${total} households.`,
  showAll: (households) => `Show all ${households} household${households === 1 ? '' : 's'}`,
  column: {
    line: 'Row',
    building: 'Building',
    stairwell: 'Stairwell',
    room: 'Room',
    floor: 'Floor',
    area: 'Area (m²)',
    owners: 'Owners',
    phone: 'Phone',
  },
  unsold: 'Developer (unsold)',
  confirm: (households) =>
    households === undefined ? 'Import' : `Import ${households} household${households === 1 ? '' : 's'}`,
  nothingToImport: 'Already up to date — nothing to import',
  confirmBlocked: 'The register still has problems: fix them and preview again to import.',
  doneTitle: 'Imported',
  done: (changes) => `${changes} change${changes === 1 ? '' : 's'} written, all together.`,
  upToDate: 'Already up to date: the community matches this register, nothing changed.',
  importAnother: 'Import another register',
  exportTitle: 'Export the register',
  exportHint: "Download the community's register as it is now; Excel opens both.",
  exportXlsx: 'Download Excel (.xlsx)',
  exportCsv: 'Download CSV',
  change: (type, count) => `${REGISTER_CHANGE_LABELS[type]?.en ?? type}: ${count}`,
};

/** The strings of `locale`. */
export const registerImportStrings: Readonly<Record<Locale, RegisterImportStrings>> = { 'zh-CN': zh, en };
