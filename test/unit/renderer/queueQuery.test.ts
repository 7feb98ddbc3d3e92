import { describe, expect, it } from 'vitest';
import { QueueQuery } from '../../../common/api/methods/cases';
import { EMPTY_FILTERS, PAGE_SIZE, queryInput } from '../../../renderer/features/queue/queueStore';

describe('queue query input', () => {
  it('is accepted by the contract schema and pages by offset', () => {
    const input = queryInput({ sort: 'priority', dir: 'desc', search: '', filters: EMPTY_FILTERS }, 3 * PAGE_SIZE);
    expect(QueueQuery.parse(input)).toMatchObject({ offset: 300, limit: PAGE_SIZE, sort: 'priority', dir: 'desc', filters: {} });
    expect(input).not.toHaveProperty('search');
  });

  it('maps every filter and trims the search', () => {
    const input = queryInput(
      {
        sort: 'balance',
        dir: 'asc',
        search: '  张 ',
        filters: {
          placementId: '01a22588-092b-7414-8a32-fe9600b00ea2',
          status: 'promise',
          bucket: 'M7+',
          promiseDueToday: true,
          contactableNow: true,
          includeClosed: false,
        },
      },
      0,
    );
    expect(QueueQuery.parse(input)).toMatchObject({
      search: '张',
      filters: { placementId: '01a22588-092b-7414-8a32-fe9600b00ea2', status: ['promise'], bucket: 'M7+', promiseDueToday: true, contactableNow: true },
    });
  });

  it('includes closed cases when the status filter asks for them', () => {
    const input = queryInput({ sort: 'reference', dir: 'asc', search: '', filters: { ...EMPTY_FILTERS, status: 'closed' } }, 0);
    expect(input.filters).toMatchObject({ status: ['closed'], includeClosed: true });
  });
});
