/**
 * The appendices of the report as the definition (data/report/appendices.yaml) lays them out, resolved: the
 * columns with their widths, the heading rows with their merged cells, the labels to fill. Renderers lay out
 * these and the rows of the lists they name; they hold no heading of their own.
 */

export type NumberingStyle = '1' | '1.' | 'I' | 'I.' | 'a' | 'a)';

export type ServiceField = 'stt' | 'name' | 'status' | 'total' | 'online' | 'rate' | 'onTime' | 'overdue' | 'difficulties';
export type ModelField = 'stt' | 'model' | 'results' | 'status' | 'lead' | 'difficulties' | 'effectiveness' | 'funding' | 'continuation';
export type TallyField = 'stt' | 'status' | 'count' | 'rate';
export type IndicatorField = 'stt' | 'name' | 'unit' | 'value' | 'total' | 'rate' | 'previous' | 'change';

export interface TableColumn<F extends string> {
  readonly field: F;
  /** twips in the .docx; null: the rest of the text width */
  readonly width: number | null;
  /** Excel's character units */
  readonly sheetWidth: number;
}

/** A cell of the table's heading rows: its grid position and spans (0-based) */
export interface HeadingCell {
  /** the heading as printed: first line bold, further lines (a template's note) italic */
  readonly text: string;
  /** the template whose lines are the heading, in place of `text` */
  readonly template: string | null;
  readonly row: number;
  readonly column: number;
  readonly span: number;
  readonly rowSpan: number;
}

interface TableBase<F extends string> {
  readonly list: string;
  readonly columns: readonly TableColumn<F>[];
  /** the heading rows, top to bottom, each with its cells left to right */
  readonly headings: readonly (readonly HeadingCell[])[];
}

export interface ServicesTableSpec extends TableBase<ServiceField> {
  readonly kind: 'services';
  /** "{title}", with {id}, {title}, {count} */
  readonly groupLabel: string;
}

export interface ModelsTableSpec extends TableBase<ModelField> {
  readonly kind: 'models';
  readonly numbering: NumberingStyle;
  /** "{title} ({count:02} MÔ HÌNH)" */
  readonly groupLabel: string;
  /** "Mô hình {number}:" */
  readonly rowLabel: string;
  /** "Đánh giá tiến độ:" */
  readonly progressLabel: string;
}

export interface TallyRow {
  /** the status's printed wording; the total row's filled label */
  readonly label: string;
  readonly count: number;
  /** count / all, null when the list is empty */
  readonly rate: number | null;
  readonly rateText: string;
}

export interface TallyTableSpec extends TableBase<TallyField> {
  readonly kind: 'tally';
  readonly numbering: NumberingStyle;
  /** one row per status of the list's vocabulary, in its order */
  readonly rows: readonly TallyRow[];
  readonly total: TallyRow;
}

export interface IndicatorsTableSpec extends TableBase<IndicatorField> {
  readonly kind: 'indicators';
  readonly numbering: NumberingStyle;
}

export type AppendixTableSpec = ServicesTableSpec | ModelsTableSpec | TallyTableSpec | IndicatorsTableSpec;

export interface Appendix {
  readonly id: string;
  /** template names (templates/<name>.hbs) */
  readonly title: string;
  readonly attachedTo: string;
  readonly orientation: 'landscape' | 'portrait';
  readonly table: AppendixTableSpec;
}

export interface AppendicesSpec {
  /** the .xlsx's title, filled */
  readonly workbookTitle: string;
  /** the appendices printed, in order: one whose list is empty is left out */
  readonly appendices: readonly Appendix[];
}
