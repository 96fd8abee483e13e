import { warning } from '../diagnostics/diagnostic.js';
import { CODES } from '../diagnostics/codes.js';
import { formatDateShort } from '../format/date.js';
import { at, type Rule } from './context.js';

/** Figures "as of" a date outside the reporting period are suspicious (warning: the seed quotes 18/9 and 20/9). */
export const asOfOutsidePeriod: Rule = ({ submissions, period }) => {
  const span = `${formatDateShort(period.from)}–${formatDateShort(period.to)}`;
  const outside = (d: string | null | undefined): d is string => d != null && (d < period.from || d > period.to);
  return submissions.flatMap((s) => {
    const dates: [string | null | undefined, (string | number)[]][] = [
      [s.submission.asOf, ['asOf']],
      ...Object.entries(s.submission.indicators ?? {}).map(([id, e]): [string | null | undefined, (string | number)[]] => [e.asOf, ['indicators', id, 'asOf']]),
    ];
    return dates
      .filter(([d]) => outside(d))
      .map(([d, path]) => warning(CODES.asOfOutsidePeriod, `ngày chốt số liệu ${formatDateShort(d!)} nằm ngoài kỳ báo cáo ${span}`, at(s, path)));
  });
};
