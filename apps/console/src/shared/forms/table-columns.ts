/**
 * A column of a list (`VirtualTable`): its key (the row's field shown unless `text` says otherwise), heading and width
 * in pixels; `grow` columns share the width the others leave; `slot` columns are drawn by the table's `cell` slot
 * (links, masked values, buttons).
 */
export interface TableColumn<T> {
  key: string;
  title: string;
  width: number;
  grow?: boolean;
  text?: (row: T) => string;
  slot?: boolean;
}
