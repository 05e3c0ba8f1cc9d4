import { Pagination, type PaginationProps } from '@mantine/core';

const CONTROL_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

/** Mantine's Pagination with a name on every button, for screen readers (axe: button-name). */
export function LabelledPagination(props: PaginationProps) {
  return (
    <Pagination
      {...props}
      getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
      getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
    />
  );
}
