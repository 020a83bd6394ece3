import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../client/api/session';
import type { Geo, Indicator, Observation, UserView } from '../../client/api/types';
import { DEFAULT_STATE, type ViewState } from '../../client/state/url-state';
import { rejectionProblem } from '../../client/views/approvals/state';
import { countryProfileGeo } from '../../client/views/country-profile/state';
import { countriesOf, type ExploreData, exploreKey, yearShown } from '../../client/views/explore/state';
import { myCountryGeos } from '../../client/views/my-country/state';
import { practiceSort, withFacetValues } from '../../client/views/practices/state';
import { linkToken, newPasswordProblem } from '../../client/views/reset-password/state';
import { returnProblem } from '../../client/views/review/state';
import { missingCredentials } from '../../client/views/sign-in/state';
import { uploadCountries } from '../../client/views/upload/state';
import type { Catalogue } from '../../client/views/view-parts';
import { REFERENCE_GROUP } from '../../server/shared/reference-group';
import { testGeo } from './geo-fixture';

/** The views' state modules: what each view shows and checks, decided without the DOM. */
const state = (change: Partial<ViewState>): ViewState => ({ ...DEFAULT_STATE, ...change });

const geo = (code: string, kind: Geo['kind'] = 'country'): Geo => testGeo(code, { kind });

const homicide = { code: 'ICCS0101', rate_derivable: 1 } as Indicator;
const geos = [geo('NL'), geo('DE'), geo('BE'), geo(REFERENCE_GROUP, 'aggregate')];
const catalogue: Catalogue = {
  geos,
  geoByCode: new Map(geos.map((g) => [g.code, g])),
  indicators: [homicide],
  indicatorByCode: new Map([['ICCS0101', homicide]]),
  themes: [],
};

function session(role: UserView['role'] | null, scope: string[] = []): SessionState {
  const user = role ? ({ id: 1, email: 'x@y.eu', role, geos: scope } as UserView) : null;
  return { user, via: user ? 'session' : null, csrfToken: null, expiresAt: null };
}

describe('explore state', () => {
  const observation = (geoCode: string, year: number, value: number | null) =>
    ({ geo: geoCode, period: String(year), value }) as Observation;
  const loaded: ExploreData = {
    key: 'k',
    measure: 'rate',
    dataVersion: null,
    contexts: new Map(),
    years: [2019, 2020, 2021],
    observations: [
      observation('NL', 2019, 1),
      observation('DE', 2019, 2),
      observation('BE', 2019, 3),
      observation('NL', 2020, 1),
      observation('DE', 2020, 1),
      observation('NL', 2021, 1),
    ],
  };

  it('shows the year asked for when it has data, else the latest year most countries cover', () => {
    expect(yearShown(state({ year: 2021 }), loaded)).toBe(2021);
    expect(yearShown(state({ year: 2005 }), loaded)).toBe(2020);
    expect(yearShown(state({ year: null }), loaded)).toBe(2020);
    expect(yearShown(state({ year: 2019 }), null)).toBeNull();
  });

  it('colours countries only, and refetches when the measure it can show changes', () => {
    expect(countriesOf(catalogue).map((c) => c.code)).toEqual(['NL', 'DE', 'BE']);
    expect(exploreKey(state({ measure: 'rate' }), catalogue)).toBe('ICCS0101|rate|');
    expect(exploreKey(state({ indicator: 'UNKNOWN', measure: 'rate' }), catalogue)).toBe('UNKNOWN|count|');
  });
});

describe('country profile state', () => {
  it('shows the geo in the URL, and the reference group without one', () => {
    expect(countryProfileGeo(state({ view: 'profile', id: 'NL' }))).toBe('NL');
    expect(countryProfileGeo(state({ view: 'profile', id: null }))).toBe('EU27_2020');
  });
});

describe('practices state', () => {
  it('sorts a search by relevance and a listing by rating unless a sort is chosen', () => {
    expect(practiceSort(state({ q: 'burglary' }))).toBe('relevance');
    expect(practiceSort(state({ q: '' }))).toBe('rating');
    expect(practiceSort(state({ q: 'x', facets: { sort: 'title' } }))).toBe('title');
  });

  it("replaces one facet's values and drops a facet left empty", () => {
    expect(withFacetValues({ theme: 'violent', geo: 'NL' }, 'geo', new Set(['NL', 'BE']))).toEqual({
      theme: 'violent',
      geo: 'NL,BE',
    });
    expect(withFacetValues({ theme: 'violent', geo: 'NL' }, 'geo', new Set())).toEqual({ theme: 'violent' });
  });
});

describe('upload and my-country state', () => {
  it('offers a contact point its own countries and the secretariat every country', () => {
    expect(uploadCountries(catalogue, session('contact_point', ['BE']), state({ geos: ['NL'] }))).toMatchObject({
      geo: 'BE',
    });
    const all = uploadCountries(catalogue, session('secretariat'), state({ geos: ['DE'] }));
    expect(all.countries.map((g) => g.code)).toEqual(['NL', 'DE', 'BE']);
    expect(all.geo).toBe('DE');
  });

  it("lists a contact point's geos, and one chosen country for the secretariat", () => {
    expect(myCountryGeos(session('contact_point', ['NL', 'BE']), catalogue, state({}))).toEqual({
      geos: ['NL', 'BE'],
      chosen: null,
    });
    expect(myCountryGeos(session('secretariat'), catalogue, state({ geos: ['BE'] }))).toEqual({
      geos: ['BE'],
      chosen: 'BE',
    });
    expect(myCountryGeos(session('secretariat'), catalogue, state({ geos: ['XX'] }))).toEqual({
      geos: ['NL'],
      chosen: 'NL',
    });
  });
});

describe('checks made before sending', () => {
  it('asks for the field that is missing before signing in', () => {
    expect(missingCredentials('', 'secret')).toMatchObject({ field: 'email' });
    expect(missingCredentials('a@b.eu', '')).toMatchObject({ field: 'password' });
    expect(missingCredentials('  a@b.eu ', 'secret')).toBeNull();
  });

  it("checks a new password's length and repetition, and reads the token from the fragment", () => {
    expect(newPasswordProblem('short', 'short')).toBe('The password has 5 characters; it needs at least 12.');
    expect(newPasswordProblem('a long passphrase', 'a long passphrasE')).toBe(
      'The two passwords differ. Type the same password twice.',
    );
    expect(newPasswordProblem('a long passphrase', 'a long passphrase')).toBeNull();
    expect(linkToken('#token=abc123')).toBe('abc123');
    expect(linkToken('')).toBeNull();
  });

  it('wants a rejection and a return to say what is wrong', () => {
    expect(rejectionProblem('  no ')).toMatch(/at least 5 characters/);
    expect(rejectionProblem('Wrong year in row 3')).toBeNull();
    expect(returnProblem('too short')).toMatch(/at least 10 characters/);
    expect(returnProblem('Add the evaluation report')).toBeNull();
  });
});
