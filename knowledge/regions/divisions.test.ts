import { describe, expect, it } from 'vitest';
import { regionChain, regionName, resolveAreaName, withinRegion } from './divisions.ts';

describe('GB/T 2260 divisions', () => {
  it('names codes', () => {
    expect(regionName('430000')).toBe('湖南省');
    expect(regionName('430100')).toBe('长沙市');
    expect(regionName('430102')).toBe('芙蓉区');
  });

  it('resolves portal area names, towns and special zones inside a province', () => {
    expect(resolveAreaName('城步苗族自治县', '43')).toEqual({ code: '430529' });
    expect(resolveAreaName('长沙市', '43')).toEqual({ code: '430100' });
    expect(resolveAreaName('湖南省', '43')).toEqual({ code: '430000' });
    expect(resolveAreaName('石牛江镇', '43')?.code).toBe('430922');
    expect(resolveAreaName('湖南湘江新区', '43')?.code).toBe('430100');
    expect(resolveAreaName('麻阳县', '43')?.code).toBe('431226');
    expect(resolveAreaName('不存在的县', '43')).toBeUndefined();
  });

  it('walks from county to city to province', () => {
    expect(regionChain('430102')).toEqual(['430102', '430100', '430000']);
    expect(withinRegion('430102', '430000')).toBe(true);
    expect(withinRegion('430102', '430100')).toBe(true);
    expect(withinRegion('440100', '430000')).toBe(false);
  });
});
