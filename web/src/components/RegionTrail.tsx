import { Fragment } from 'react';
import { Link } from '../router';

export interface TrailRegion {
  shortCode: string;
  name: string;
}

/** A region with the regions above it, each linking to its page: 广西 › 百色市 › 田东县. */
export function RegionTrail({ region, ancestors = [] }: { region: TrailRegion; ancestors?: TrailRegion[] }) {
  return (
    <span className="trail">
      {[...ancestors, region].map((r, i) => (
        <Fragment key={r.shortCode}>
          {i > 0 && ' › '}
          <Link to={`/villages/${r.shortCode}`}>{r.name}</Link>
        </Fragment>
      ))}
    </span>
  );
}
