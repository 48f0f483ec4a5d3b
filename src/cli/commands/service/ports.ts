import type { PortConfig } from '../../../api/task';

/**
 * `service ls` PORTS (serviceContext.Ports): the ingress-mode ports of the service's endpoint,
 * sorted by protocol then published port, consecutive ones merged into ranges
 * (`*:8080-8081->80-81/tcp`), joined with `, `. docker does the arithmetic on uint32, so a port
 * lower than the range's end starts a new range, as a wrapped-around difference would.
 */
interface PortRange {
  publishedStart: number;
  publishedEnd: number;
  targetStart: number;
  targetEnd: number;
  protocol: string;
}

function rangeText(range: PortRange): string {
  const published =
    range.publishedEnd > range.publishedStart
      ? `${range.publishedStart}-${range.publishedEnd}`
      : `${range.publishedStart}`;
  const target =
    range.targetEnd > range.targetStart
      ? `${range.targetStart}-${range.targetEnd}`
      : `${range.targetStart}`;
  return `*:${published}->${target}/${range.protocol}`;
}

/** a - b on uint32, as Go computes it. */
function uint32Difference(a: number, b: number): number {
  return (a - b) >>> 0;
}

export function ingressPorts(ports: readonly PortConfig[] | undefined): string {
  if (ports === undefined) return '';
  const sorted = [...ports].sort((a, b) => {
    const protocolA = a.Protocol ?? '';
    const protocolB = b.Protocol ?? '';
    if (protocolA === protocolB) return (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0);
    return protocolA < protocolB ? -1 : 1;
  });
  const texts: string[] = [];
  let range: PortRange = {
    publishedStart: 0,
    publishedEnd: 0,
    targetStart: 0,
    targetEnd: 0,
    protocol: '',
  };
  for (const port of sorted) {
    if (port.PublishMode !== 'ingress') continue;
    const published = port.PublishedPort ?? 0;
    const target = port.TargetPort ?? 0;
    const protocol = port.Protocol ?? '';
    const isRange = range.targetEnd !== range.targetStart;
    const overlaps = target <= range.targetEnd;
    const startsNew =
      protocol !== range.protocol ||
      uint32Difference(published, range.publishedEnd) > 1 ||
      uint32Difference(target, range.targetEnd) > 1 ||
      (isRange && overlaps);
    if (startsNew) {
      if (range.publishedStart > 0) texts.push(rangeText(range));
      range = {
        publishedStart: published,
        publishedEnd: published,
        targetStart: target,
        targetEnd: target,
        protocol,
      };
      continue;
    }
    range.publishedEnd = published;
    range.targetEnd = target;
  }
  if (range.publishedStart > 0) texts.push(rangeText(range));
  return texts.join(', ');
}
