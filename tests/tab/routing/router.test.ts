/** The tab's hash router, and where a conversation leads a person. */
import { describe, expect, it } from '@jest/globals';
import { href, matchPath, parseHash } from '../../../src/tab/routing/router.js';
import { sectionsFor, targetHref, type Situation } from '../../../src/tab/routing/targets.js';

describe('hash router', () => {
  it('splits path and query', () => {
    const location = parseHash('#/plannen?employee=fatima');
    expect(location.path).toBe('/plannen');
    expect(location.query.get('employee')).toBe('fatima');
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#/team/').path).toBe('/team');
  });

  it('matches patterns with parameters', () => {
    expect(matchPath('/gesprek/:id/:section', '/gesprek/abc/verslag')).toEqual({
      id: 'abc',
      section: 'verslag',
    });
    expect(matchPath('/gesprek/:id', '/gesprek/abc/verslag')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/team', '/archief')).toBeNull();
  });

  it('builds links with a query', () => {
    expect(href('/plannen', { employee: 'fatima', request: undefined })).toBe('#/plannen?employee=fatima');
  });
});

describe('where a conversation leads', () => {
  const base: Situation = {
    id: 'c1',
    type: 'vitaliteit',
    stage: 'planned',
    party: 'employee',
    nextStep: 'prepare',
    employeeId: 'fatima',
  };

  it('sends each party to the page of its next step', () => {
    expect(targetHref(base)).toBe('#/gesprek/c1/voorbereiden');
    expect(targetHref({ ...base, party: 'manager' })).toBe('#/gesprek/c1/gesprek');
    expect(targetHref({ ...base, stage: 'held' })).toBe('#/gesprek/c1/verslag');
    expect(targetHref({ ...base, stage: 'awaiting_approval' })).toBe('#/gesprek/c1/akkoord');
    expect(targetHref({ ...base, stage: 'approved' })).toBe('#/gesprek/c1/pop');
    expect(targetHref({ ...base, stage: 'archived', party: 'manager' })).toBe('#/archief/c1');
    expect(targetHref({ ...base, stage: 'requested', party: 'manager' })).toBe(
      '#/plannen?employee=fatima&request=c1',
    );
    expect(targetHref({ ...base, stage: 'requested' })).toBeUndefined();
  });

  it('offers only the sub-pages that mean something now', () => {
    expect(sectionsFor(base)).toEqual(['voorbereiden']);
    expect(sectionsFor({ ...base, party: 'manager', stage: 'held' })).toEqual(['gesprek', 'verslag']);
    expect(sectionsFor({ ...base, stage: 'archived' })).toEqual([
      'voorbereiden',
      'verslag',
      'akkoord',
      'pop',
      'evaluatie',
    ]);
    expect(sectionsFor({ ...base, type: 'reflectie', stage: 'archived' })).toEqual([
      'voorbereiden',
      'verslag',
      'akkoord',
    ]);
  });
});
