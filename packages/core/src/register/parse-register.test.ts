import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegister } from './parse-register.js';
import type { RegisterProblem } from './types.js';
import { xlsxWorkbook } from './xlsx-write.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => utf8(`\uFEFF${text}`);
const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const where = (p: RegisterProblem) => [p.line, p.column, p.error.code];

describe('parseRegister', () => {
  it('reads a GBK (GB18030) CSV from Chinese Excel: title rows, full-width digits, ㎡, 0101, co-owners, 开发商, blank rows', () => {
    const parsed = parseRegister(fixture('register-gbk.csv'), { filename: '清册.csv' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.headerLine).toBe(3);
    expect(
      parsed.rows.map((r) => [r.line, r.building, r.stairwell, r.room, r.floor, r.area, r.areaSource]),
    ).toEqual([
      [4, '96号楼', '1单元', '101', 1, 7532, 'registered'],
      [5, '96号楼', '1单元', '102', 1, 8868, 'registered'],
      [6, '96号楼', '1单元', '201', 2, 7532, 'registered'],
      [7, '96号楼', '1单元', '202', 2, 8868, 'registered'],
      [8, '96号楼', '1单元', '301', 3, 7532, 'registered'],
      [9, '96号楼', '1单元', '302', 3, 8868, 'registered'],
    ]);
    expect(parsed.rows.map((r) => [r.owners, r.developer])).toEqual([
      [['张伟', '李娜', '王芳'], false],
      [['赵敏'], false],
      [['钱进', '孙丽'], false],
      [[], true],
      [[], true],
      [['周杰', '吴昊'], false],
    ]);
    expect(parsed.rows[0]?.phone).toBe('138 0013 8000');
  });

  it('reads UTF-8 with and without a BOM alike, and English headers', () => {
    const text =
      'Building,Stairwell,Room,Floor,Area,Owner,Co-owners,Developer\r\n96,1,301,3,75.32,"Li, Wei",,\r\n';
    const a = parseRegister(withBom(text));
    const b = parseRegister(utf8(text));
    expect(a).toEqual(b);
    expect(a.rows).toEqual([
      {
        line: 2,
        building: '96号楼',
        stairwell: '1单元',
        room: '301',
        floor: 3,
        area: 7532,
        areaSource: 'registered',
        owners: ['Li', 'Wei'],
        developer: false,
      },
    ]);
  });

  it('reads an .xlsx workbook: shared-less inline strings, numbers, a title row, the developer flag and dates', () => {
    const bytes = xlsxWorkbook('清册', [
      ['福泰大厦业主名册'],
      ['幢', '单元', '房号', '楼层', '实测面积', '业主', '开发商', '入住日期'],
      ['福泰大厦', 'A', '0301', 3, 75.32, '新福康里置业', '是', 43831],
      ['福泰大厦', 'A', '302', '', 88.7, '王建国', '', '2020年1月5日'],
      [],
    ]);
    const parsed = parseRegister(bytes, { filename: 'x.xlsx' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 3,
        building: '福泰大厦',
        stairwell: 'A',
        room: '301',
        floor: 3,
        area: 7532,
        areaSource: 'surveyed',
        owners: ['新福康里置业'],
        developer: true,
        moveIn: '2020-01-01',
      },
      {
        line: 4,
        building: '福泰大厦',
        stairwell: 'A',
        room: '302',
        floor: 3,
        area: 8870,
        areaSource: 'surveyed',
        owners: ['王建国'],
        developer: false,
        moveIn: '2020-01-05',
      },
    ]);
  });

  it('reads an .xlsx number cell by its shortest decimal, so float noise never reaches the area', () => {
    const bytes = xlsxWorkbook('s', [
      ['楼号', '室号', '面积'],
      ['96', '101', 0.1 + 0.2],
      ['96', '102', 75.32000000000001],
    ]);
    expect(parseRegister(bytes).rows.map((r) => r.area)).toEqual([30, 7532]);
  });

  it('takes an explicit header mapping over the built-in headers', () => {
    const text = '栋,门,号,平方,户主\n5,2,101,60,甲\n';
    expect(parseRegister(utf8(text)).problems.map((p) => p.error.code)).toEqual(['register.no_header']);
    const parsed = parseRegister(utf8(text), {
      mapping: { 门: 'stairwell', 号: 'room', 平方: 'area', 户主: 'owner' },
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.building, r.stairwell, r.room, r.area, r.owners])).toEqual([
      ['5号楼', '2单元', '101', 6000, ['甲']],
    ]);
  });

  it('reports every bad cell with its row, column and bilingual message, and keeps only the good rows', () => {
    const text = [
      '楼号,单元,室号,楼层,面积,产权人,联系电话,入住日期,面积来源',
      '96,1,101,1,75.321,甲,,,',
      '96,1,102,一楼,-3,乙,call me,2020-02-30,估计',
      '96,1,,1,70,丙,,,',
      '96,1,201,2,70,丁,,,实测',
      '96,1,0201,2,70,戊,,,',
    ].join('\n');
    const parsed = parseRegister(utf8(text));
    expect(parsed.problems.map(where)).toEqual([
      [2, '面积', 'register.bad_area'],
      [3, '面积', 'register.bad_area'],
      [3, '楼层', 'register.bad_floor'],
      [3, '面积来源', 'register.bad_source'],
      [3, '联系电话', 'register.bad_phone'],
      [3, '入住日期', 'register.bad_date'],
      [4, '室号', 'register.missing_value'],
      [6, undefined, 'register.duplicate_room'],
    ]);
    expect(parsed.problems[0]?.error.message).toEqual({
      'zh-CN': '“75.321”不是有效的面积（正数，最多两位小数，可带㎡或平方米）',
      en: '"75.321" is not a valid area (a positive number with at most two decimals, m² optional)',
    });
    expect(parsed.rows.map((r) => [r.line, r.room, r.areaSource])).toEqual([[5, '201', 'surveyed']]);
  });

  it('reports in the preview what the command would refuse: an owner name over 100 characters', () => {
    const text = `楼号,室号,面积,产权人\n96,101,70,${'长'.repeat(101)}\n96,102,70,乙\n`;
    const parsed = parseRegister(utf8(text));
    expect(parsed.problems.map((p) => [p.line, p.column, p.error.code, p.error.path])).toEqual([
      [2, '产权人', 'validation.too_big', ['owners', 0]],
    ]);
    expect(parsed.rows.map((r) => r.room)).toEqual(['102']);
  });

  it('without a header row, names the fullest row near the top as columns, so a mapping step can offer them', () => {
    const text = '新福康里房屋清册,,,\nBlock,Flat,Size,Holder,备注\n7,0502,66.1,刘洋,\n';
    const parsed = parseRegister(utf8(text));
    expect(parsed.problems.map((p) => p.error.code)).toEqual(['register.no_header']);
    expect(parsed.headerLine).toBe(0);
    expect(parsed.columns).toEqual([
      { header: 'Block', field: null },
      { header: 'Flat', field: null },
      { header: 'Size', field: null },
      { header: 'Holder', field: null },
      { header: '备注', field: null },
    ]);
    const mapping = Object.fromEntries(
      parsed.columns.map((c, i) => [
        c.header,
        (['building', 'room', 'area', 'owner', null] as const)[i] ?? null,
      ]),
    );
    expect(parseRegister(utf8(text), { mapping }).rows).toMatchObject([{ building: '7号楼', room: '502' }]);
  });

  it('refuses a file with no header, a missing column, or bytes that are no workbook', () => {
    expect(parseRegister(utf8('a,b,c\n1,2,3\n')).problems.map(where)).toEqual([
      [0, undefined, 'register.no_header'],
    ]);
    expect(parseRegister(utf8('楼号,室号,产权人\n96,101,甲\n')).problems.map((p) => p.error.params)).toEqual([
      { field: 'area' },
    ]);
    const broken = parseRegister(utf8('PK\u0003\u0004 not really'), { filename: 'x.xlsx' });
    expect(broken.problems.map(where)).toEqual([[0, undefined, 'register.unreadable']]);
    expect(broken.rows).toEqual([]);
  });

  it('keeps quoted commas and line breaks inside a CSV cell', () => {
    const text = '楼号,室号,面积,产权人\n96,101,70,"甲,乙"\n"9\n6",102,70,丙\n';
    const parsed = parseRegister(utf8(text));
    expect(parsed.rows[0]?.owners).toEqual(['甲', '乙']);
    expect(parsed.rows[1]?.building).toBe('9 6');
  });
});
