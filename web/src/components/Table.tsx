import type { ReactNode } from 'react';

/** A table that scrolls sideways on a narrow screen instead of overflowing the page. */
export function Table({ caption, head, children, testId }: { caption?: string; head: ReactNode[]; children: ReactNode; testId?: string }) {
  return (
    <div className="table-wrap" data-testid={testId}>
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {head.map((cell, i) => (
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Label–value pairs, e.g. a record's fields. */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([label, value], i) => (
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
