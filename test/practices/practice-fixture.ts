import type { Actor } from '../../server/http/actor';
import type { PracticeInputRaw } from '../../server/shared/api/practice-record';

export const user = (
  role: 'contact_point' | 'curator' | 'secretariat',
  geos: string[] = [],
  email = `${role}@example.eu`,
): Actor => ({
  kind: 'user',
  id: 7,
  email,
  role,
  geos,
  via: 'session',
});

/** A valid practice record; tests change one field at a time. */
export function practiceInput(over: Partial<PracticeInputRaw> = {}): PracticeInputRaw {
  const met = { met: true, justification: 'Stated in the project plan.' };
  return {
    title: 'Neighbourhood burglary cocooning pilot',
    summary: 'A pilot that visits the neighbours of burgled homes to advise on security and watchfulness.',
    description: 'After each burglary, officers visit the surrounding homes within a week to give security advice.',
    geos: ['NL'],
    level: 'local',
    startYear: 2019,
    themes: ['property_crime'],
    iccsCodes: ['05012'],
    targetGroups: ['residents', 'victims'],
    approaches: ['situational'],
    preventionLevels: ['secondary'],
    criteria: { problem: met, mechanism: met, evidence: met, replicability: met },
    evaluations: [
      {
        design: 'quasi_experimental',
        sms: 3,
        geos: ['NL'],
        year: 2021,
        sample: 'Burgled homes and their neighbours in two districts',
        outcomes: ['repeat burglary'],
        direction: 'positive',
        independent: true,
        reference: 'Example, E. (2021). An evaluation of cocooning. Tijdschrift voor Veiligheid.',
        url: 'https://example.org/cocooning',
      },
    ],
    ...over,
  } as PracticeInputRaw;
}
