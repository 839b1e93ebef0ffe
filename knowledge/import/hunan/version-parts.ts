import type { Channel, Contact, SourceRef } from '../../model/common.schema.ts';
import type { BundleVersion } from './read-bundle-version.ts';
import { HUNAN_PORTAL } from './util.ts';

/** The guide page of one local version, cited as the source of what is imported from it. */
export function sourceOf(v: BundleVersion, retrieved: string): SourceRef {
  const query = `onethingCode=${v.code}${v.checklistId ? `&onethingChecklistId=${v.checklistId}` : ''}`;
  return {
    title: `湖南政务服务网 ${v.name}（${v.area.name}版本）`,
    url: `${HUNAN_PORTAL}hnywtb/onething/html/eventGuideline.html?${query}`,
    publisher: '湖南省人民政府',
    retrieved,
  };
}

/** The version's online entry and offices. */
export function channelsOf(v: BundleVersion): Channel[] {
  const online: Channel = {
    kind: 'online',
    name: '湖南政务服务网 / 湘易办APP',
    url: v.onlineUrl ?? HUNAN_PORTAL,
  };
  const offices = v.points.slice(0, 5).map(
    (p): Channel => ({
      kind: 'office',
      name: p.name,
      ...(p.address ? { address: p.address } : {}),
      ...(p.hours ? { hours: p.hours } : {}),
    }),
  );
  return [online, ...offices];
}

/** The version's enquiry and complaint phones. */
export function contactOf(v: BundleVersion): Contact | undefined {
  if (!v.phone && !v.complaintPhone) return undefined;
  return {
    ...(v.phone ? { phone: v.phone } : {}),
    ...(v.complaintPhone ? { note: `监督投诉电话：${v.complaintPhone}` } : {}),
  };
}
