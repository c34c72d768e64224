import { SYMBOLS } from './symbols.js';

/** A 12-digit AWS account id standing alone (not part of a longer number). */
const ACCOUNT = /(?<![0-9])[0-9]{12}(?![0-9])/;

/** The last segment of an ARN-like name: after the last `/`, else after the last `:`, with its separator. */
function lastSegmentStart(text: string): number {
  const slash = text.lastIndexOf('/');
  if (slash >= 0 && slash < text.length - 1) return slash;
  const colon = text.lastIndexOf(':');
  return colon >= 0 && colon < text.length - 1 ? colon : -1;
}

/** Cuts from the middle: a third of the room for the start, the rest for the end (where names differ). */
function plainMiddle(text: string, width: number, e: string): string {
  if (width <= e.length) return text.slice(text.length - width);
  const room = width - e.length;
  const left = Math.floor(room / 3);
  return `${text.slice(0, left)}${e}${text.slice(text.length - (room - left))}`;
}

/**
 * Shortens text to `width` columns in the middle, never at the end: an ARN or
 * principal name keeps its account id and its last path segment
 * (`arn:aws:iam::444455556666:role/a/b/Partner` → `arn:aws:iam::444455556666:…/Partner`)
 * as long as the two fit, and is cut plainly in the middle where they do not.
 */
export function middleEllipsis(text: string, width: number, e: string = SYMBOLS.ellipsis): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  const seg = lastSegmentStart(text);
  const tail = seg >= 0 ? text.slice(seg) : '';
  const account = ACCOUNT.exec(text);
  if (account && seg >= account.index + 12) {
    const accountEnd = account.index + 12;
    const head = text.slice(0, accountEnd);
    // Room left after the head, the ellipsis and the tail goes to what follows the account.
    const spare = width - head.length - e.length - tail.length;
    if (spare >= 0) return `${head}${text.slice(accountEnd, accountEnd + spare)}${e}${tail}`;
    // The start of the ARN goes before the account does.
    const id = text.slice(account.index, accountEnd);
    const between = text.slice(accountEnd, seg);
    if (e.length + id.length + between.length + tail.length <= width) {
      const keep = width - e.length - id.length - between.length - tail.length;
      return `${text.slice(0, keep)}${e}${id}${between}${tail}`;
    }
    if (e.length + id.length + e.length + tail.length <= width) return `${e}${id}${e}${tail}`;
  } else if (tail && tail.length + e.length <= width) {
    return `${text.slice(0, width - e.length - tail.length)}${e}${tail}`;
  }
  return plainMiddle(text, width, e);
}
