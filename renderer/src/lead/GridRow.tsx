import { Fragment } from 'react';

/**
 * One row of a lead's reading grid (adjudication, backreading): its heading and its cells side by side,
 * or — `compact`, beside the evidence where the column is narrow — the heading on a row of its own,
 * spanning the `columns` below it.
 */
export function GridRow({ compact, columns, heading, className, children }: { compact: boolean; columns: number; heading: React.ReactNode; className?: string; children: React.ReactNode }): React.JSX.Element {
  const title = (
    <th scope="row" colSpan={compact ? columns : undefined} className={compact ? 'criterion-title' : undefined}>
      {heading}
    </th>
  );
  return compact ? (
    <Fragment>
      <tr className={className}>{title}</tr>
      <tr>{children}</tr>
    </Fragment>
  ) : (
    <tr className={className}>
      {title}
      {children}
    </tr>
  );
}
