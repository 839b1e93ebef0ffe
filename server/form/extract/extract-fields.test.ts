import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../knowledge/index.ts';
import { extractFields, type FieldSpec } from './extract-fields.ts';
import { speakerIn } from './speaker.ts';

const catalog = loadCatalog();
const TODAY = new Date('2026-11-23T08:00:00Z');
const formOf = (id: string) => (catalog.bundles.get(id)?.form.fields ?? []) as FieldSpec[];
const read = (id: string, message: string, asking?: string) =>
  extractFields(message, { fields: formOf(id), today: TODAY, asking });
const values = (e: ReturnType<typeof read>) => Object.fromEntries(e.values.map((v) => [v.key, v.value]));

describe('extractFields', () => {
  it('keeps the child, the mother and the father apart in one message', () => {
    const e = read(
      'newborn',
      '孩子叫林小满，女孩，前天在市妇幼出生的。妈妈叫王芳 身份证430104199203154416，爸爸林志远，电话13912345678',
    );
    expect(values(e)).toMatchObject({
      'child.name': '林小满',
      'child.gender': '女',
      'child.birthDate': '2026-11-21',
      'child.birthInstitution': '市妇幼',
      'mother.name': '王芳',
      'mother.idNumber': '430104199203154416',
      'father.name': '林志远',
    });
  });

  it('refuses an ID number with a wrong check character and says so', () => {
    const e = read('newborn', '妈妈身份证430104199203154417');
    expect(values(e)['mother.idNumber']).toBeUndefined();
    expect(e.rejected).toEqual([
      { key: 'mother.idNumber', raw: '430104199203154417', message: expect.stringMatching(/校验不通过/) },
    ]);
  });

  it('reads a bare answer to the asked field, and a correction', () => {
    expect(values(read('posthumous', '2026年11月3号', 'deceased.deathDate'))).toEqual({
      'deceased.deathDate': '2026-11-03',
    });
    const e = read('posthumous', '不对，电话是13800001111');
    expect(e.correction).toBe(true);
    expect(values(e)).toEqual({ 'applicant.phone': '13800001111' });
  });

  it('reads business forms: entity, legal representative, credit code, amounts and choices', () => {
    const e = read(
      'open-restaurant',
      '店名叫湘味小厨，个体户，我叫周启航，身份证430104199203154416，门面是租的，80平米',
    );
    expect(values(e)).toMatchObject({
      'entity.name': '湘味小厨',
      'entity.type': '个体工商户',
      'operator.name': '周启航',
      'operator.idNumber': '430104199203154416',
      'premises.ownership': '租赁',
      'premises.area': 80,
    });
    expect(values(read('company-deregistration', '公司信用代码91430104MA4L123454'))).toEqual({
      'enterprise.uscc': '91430104MA4L123454',
    });
    expect(read('company-deregistration', '公司信用代码91430104MA4L123455').rejected).toHaveLength(1);
  });

  it('reads shaped values by the catalog pattern into the field named nearest before them', () => {
    const fields: FieldSpec[] = [
      {
        key: 'oldVehicle.vin',
        label: '旧车车辆识别代号',
        type: 'text',
        pattern: '[A-HJ-NPR-Z0-9]{17}',
        cues: ['车架号'],
      },
      {
        key: 'newVehicle.vin',
        label: '新车车辆识别代号',
        type: 'text',
        pattern: '[A-HJ-NPR-Z0-9]{17}',
        cues: ['车架号'],
      },
      { key: 'card.number', label: '社会保障卡卡号', type: 'text', pattern: '[A-Z]\\d{8}', cues: ['卡号'] },
      { key: 'bank.account', label: '银行账号', type: 'text', pattern: '\\d{12,20}', cues: ['账号'] },
    ];
    const got = extractFields('新车车架号LFV2A21K8P3012345，卡号D43017865，账号6228481234567890123', {
      fields,
      today: TODAY,
    });
    expect(Object.fromEntries(got.values.map((v) => [v.key, v.value]))).toEqual({
      'newVehicle.vin': 'LFV2A21K8P3012345',
      'card.number': 'D43017865',
      'bank.account': '6228481234567890123',
    });
    // All digits and not named: could be anything, so nothing is taken.
    expect(extractFields('6228481234567890123', { fields, today: TODAY }).values).toEqual([]);
  });

  it('keeps free text after a label and a colon whole, commas and all', () => {
    expect(values(read('open-restaurant', '经营范围：餐饮服务；食品销售，电话13874125896'))).toMatchObject({
      'entity.businessScope': '餐饮服务；食品销售',
      'operator.phone': '13874125896',
    });
    expect(values(read('credit-repair', '情况说明：已办理住所变更登记，新住所可以正常联系'))).toMatchObject({
      'repair.correctionStatement': '已办理住所变更登记，新住所可以正常联系',
    });
  });

  it('fills the guardian for 我 and the applicant for 孩子 once the person says they are the guardian', () => {
    const keys = formOf('disability-services').map((f) => f.key);
    expect(speakerIn('我是孩子妈妈，帮他申请', keys)).toBe('guardian');
    expect(
      speakerIn(
        '代办人写我',
        formOf('retirement').map((f) => f.key),
      ),
    ).toBe('agent');
    const e = extractFields('孩子叫阳天佑，身份证430103201506183015。我叫朱美华，身份证430103198601202523', {
      fields: formOf('disability-services'),
      today: TODAY,
      speaker: 'guardian',
    });
    expect(values(e)).toMatchObject({
      'applicant.name': '阳天佑',
      'applicant.idNumber': '430103201506183015',
      'guardian.name': '朱美华',
      'guardian.idNumber': '430103198601202523',
    });
  });

  it('reads an all-digit credit code, and never a mistyped ID number as one', () => {
    expect(values(read('company-deregistration', '统一社会信用代码914301045937261487'))).toEqual({
      'enterprise.uscc': '914301045937261487',
    });
    // Passes the credit-code check by chance, but is an ID number with a wrong check digit: refused as an ID.
    const e = read('employee-hiring', '员工身份证430302199901270863');
    expect(values(e)['enterprise.uscc']).toBeUndefined();
    expect(e.rejected.map((x) => x.key)).toEqual(['employee.idNumber']);
  });

  it('fills a role the speaker says they also are (经办人也是我) with the name just given', () => {
    expect(
      values(
        read(
          'company-deregistration',
          '负责人就是我，彭芳，身份证431302198705126022，经办人也是我，电话15886812734',
        ),
      ),
    ).toMatchObject({ 'legalRep.name': '彭芳', 'contact.name': '彭芳' });
  });
});
