import { Anchor, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      description={
        <Anchor component={Link} to="/apps">
          Back to my apps
        </Anchor>
      }
    />
  );
}
