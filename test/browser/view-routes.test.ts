import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../client/state/url-state';
import { VIEW_ROUTES } from './view-routes';

describe('the browser tests’ routes into the views', () => {
  it('reach every view the client router declares, and no view it does not', () => {
    expect([...new Set(VIEW_ROUTES.map((r) => r.view))].sort()).toEqual([...VIEWS].sort());
  });

  it('name each route once (names title the tests and the screenshots)', () => {
    const names = VIEW_ROUTES.map((r) => r.name);
    expect(names.length).toBe(new Set(names).size);
  });
});
