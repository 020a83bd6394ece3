import type { Locale } from './i18n/locales';
import type { AGGREGATIONS, POLARITIES, UNIT_KINDS } from './indicator-vocabulary';
import type {
  APPROACHES,
  EFFECT_DIRECTIONS,
  EMMIE_DIMENSIONS,
  EUCPN_CRITERIA,
  EVALUATION_DESIGNS,
  EVIDENCE_RATINGS,
  LINK_KINDS,
  PRACTICE_LEVELS,
  PREVENTION_LEVELS,
  TARGET_GROUPS,
  WORKFLOW_STATES,
} from './practice-vocabulary';

/**
 * The names of every closed-list value (practice vocabularies, indicator units, polarities and
 * aggregation rules) in the four languages: [English, Dutch, French, German]. English is the
 * reference; the Dutch, French and German names are the observatory's own translations, shown as
 * "not yet reviewed" until a reviewer marks them (server/labels/, docs/i18n.md "Domain labels").
 * None of these lists has an official multilingual codelist, so none claims an official source.
 */
type Names = readonly [en: string, nl: string, fr: string, de: string];

const LEVEL: Record<(typeof PRACTICE_LEVELS)[number], Names> = {
  local: ['Local', 'Lokaal', 'Local', 'Lokal'],
  regional: ['Regional', 'Regionaal', 'Régional', 'Regional'],
  national: ['National', 'Nationaal', 'National', 'National'],
  eu: ['EU', 'EU', 'UE', 'EU'],
  international: ['International', 'Internationaal', 'International', 'International'],
};

const APPROACH: Record<(typeof APPROACHES)[number], Names> = {
  situational: ['Situational', 'Situationeel', 'Situationnelle', 'Situativ'],
  developmental: ['Developmental', 'Ontwikkelingsgericht', 'Développementale', 'Entwicklungsorientiert'],
  community: ['Community', 'Gemeenschapsgericht', 'Communautaire', 'Gemeinwesenorientiert'],
  criminal_justice: ['Criminal justice', 'Strafrechtelijk', 'Pénale', 'Strafjustiz'],
  administrative: ['Administrative', 'Bestuurlijk', 'Administrative', 'Verwaltungsrechtlich'],
  awareness_harm_reduction: [
    'Awareness raising and harm reduction',
    'Bewustmaking en schadebeperking',
    'Sensibilisation et réduction des risques',
    'Sensibilisierung und Schadensminderung',
  ],
};

const PREVENTION_LEVEL: Record<(typeof PREVENTION_LEVELS)[number], Names> = {
  primary: ['Primary', 'Primair', 'Primaire', 'Primär'],
  secondary: ['Secondary', 'Secundair', 'Secondaire', 'Sekundär'],
  tertiary: ['Tertiary', 'Tertiair', 'Tertiaire', 'Tertiär'],
};

const TARGET_GROUP: Record<(typeof TARGET_GROUPS)[number], Names> = {
  general_public: ['General public', 'Algemeen publiek', 'Grand public', 'Allgemeine Öffentlichkeit'],
  residents: ['Residents', 'Bewoners', 'Habitants', 'Anwohner'],
  children: ['Children', 'Kinderen', 'Enfants', 'Kinder'],
  young_people: ['Young people', 'Jongeren', 'Jeunes', 'Jugendliche'],
  families: ['Families', 'Gezinnen', 'Familles', 'Familien'],
  schools: ['Schools', 'Scholen', 'Écoles', 'Schulen'],
  victims: ['Victims', 'Slachtoffers', 'Victimes', 'Opfer'],
  offenders: ['Offenders', 'Daders', 'Auteurs d’infractions', 'Täter'],
  young_offenders: ['Young offenders', 'Jonge daders', 'Jeunes auteurs d’infractions', 'Junge Täter'],
  high_risk_groups: ['High-risk groups', 'Risicogroepen', 'Groupes à haut risque', 'Hochrisikogruppen'],
  drug_users: ['Drug users', 'Drugsgebruikers', 'Usagers de drogues', 'Drogenkonsumierende'],
  businesses: ['Businesses', 'Bedrijven', 'Entreprises', 'Unternehmen'],
  vehicle_owners: ['Vehicle owners', 'Voertuigeigenaren', 'Propriétaires de véhicules', 'Fahrzeughalter'],
  places: ['Places', 'Plaatsen', 'Lieux', 'Orte'],
  professionals: ['Professionals', 'Professionals', 'Professionnels', 'Fachkräfte'],
};

const EVALUATION_DESIGN: Record<(typeof EVALUATION_DESIGNS)[number], Names> = {
  randomised_trial: [
    'Randomised controlled trial',
    'Gerandomiseerd gecontroleerd onderzoek',
    'Essai contrôlé randomisé',
    'Randomisierte kontrollierte Studie',
  ],
  quasi_experimental: ['Quasi-experimental', 'Quasi-experimenteel', 'Quasi expérimental', 'Quasi-experimentell'],
  before_after: ['Before and after', 'Voor- en nameting', 'Avant-après', 'Vorher-nachher'],
  process_qualitative: [
    'Process or qualitative',
    'Proces- of kwalitatief onderzoek',
    'Évaluation de processus ou qualitative',
    'Prozess- oder qualitative Evaluation',
  ],
  systematic_review: ['Systematic review', 'Systematische review', 'Revue systématique', 'Systematisches Review'],
};

const EFFECT_DIRECTION: Record<(typeof EFFECT_DIRECTIONS)[number], Names> = {
  positive: ['Positive', 'Positief', 'Positif', 'Positiv'],
  none: ['No effect', 'Geen effect', 'Sans effet', 'Keine Wirkung'],
  negative: ['Negative', 'Negatief', 'Négatif', 'Negativ'],
  mixed: ['Mixed', 'Gemengd', 'Mitigé', 'Gemischt'],
};

const LINK_KIND: Record<(typeof LINK_KINDS)[number], Names> = {
  evaluation: ['Evaluation', 'Evaluatie', 'Évaluation', 'Evaluation'],
  manual: ['Manual', 'Handleiding', 'Manuel', 'Handbuch'],
  website: ['Website', 'Website', 'Site web', 'Website'],
  other: ['Other', 'Overig', 'Autre', 'Sonstiges'],
};

/** French ratings agree with « pratique » (feminine), as the rating reasons quote them. */
const EVIDENCE_RATING: Record<(typeof EVIDENCE_RATINGS)[number], Names> = {
  effective: ['Effective', 'Effectief', 'Efficace', 'Wirksam'],
  promising: ['Promising', 'Veelbelovend', 'Prometteuse', 'Vielversprechend'],
  theory_based: ['Theory-based', 'Theoretisch onderbouwd', 'Fondée sur la théorie', 'Theoriebasiert'],
  inconclusive: ['Inconclusive', 'Niet eenduidig', 'Non concluante', 'Nicht eindeutig'],
  no_effect: ['No effect', 'Geen effect', 'Sans effet', 'Keine Wirkung'],
  harmful: ['Harmful', 'Schadelijk', 'Nuisible', 'Schädlich'],
  not_rated: ['Not rated', 'Niet beoordeeld', 'Non évaluée', 'Nicht bewertet'],
};

const WORKFLOW_STATE: Record<(typeof WORKFLOW_STATES)[number], Names> = {
  draft: ['Draft', 'Concept', 'Brouillon', 'Entwurf'],
  submitted: ['Submitted', 'Ingediend', 'Soumis', 'Eingereicht'],
  in_review: ['In review', 'In beoordeling', 'En cours d’examen', 'In Prüfung'],
  published: ['Published', 'Gepubliceerd', 'Publié', 'Veröffentlicht'],
  returned: ['Returned', 'Teruggestuurd', 'Renvoyé', 'Zurückgegeben'],
};

const CRITERION: Record<(typeof EUCPN_CRITERIA)[number], Names> = {
  problem: [
    'Clear problem description',
    'Duidelijke probleemomschrijving',
    'Description claire du problème',
    'Klare Problembeschreibung',
  ],
  mechanism: ['Clear mechanism', 'Duidelijk werkingsmechanisme', 'Mécanisme clair', 'Klarer Wirkmechanismus'],
  evidence: [
    'Positive outcome evaluation',
    'Positieve effectevaluatie',
    'Évaluation positive des résultats',
    'Positive Wirkungsevaluation',
  ],
  replicability: ['Replicability', 'Overdraagbaarheid', 'Reproductibilité', 'Übertragbarkeit'],
};

const EMMIE_DIMENSION: Record<(typeof EMMIE_DIMENSIONS)[number], Names> = {
  effect: ['Effect', 'Effect', 'Effet', 'Wirkung'],
  mechanism: ['Mechanism', 'Mechanisme', 'Mécanisme', 'Mechanismus'],
  moderators: ['Moderators', 'Moderatoren', 'Modérateurs', 'Moderatoren'],
  implementation: ['Implementation', 'Implementatie', 'Mise en œuvre', 'Umsetzung'],
  economicCost: ['Economic cost', 'Economische kosten', 'Coût économique', 'Wirtschaftliche Kosten'],
};

const UNIT: Record<(typeof UNIT_KINDS)[number], Names> = {
  count: ['Count', 'Aantal', 'Nombre', 'Anzahl'],
  rate_per_100k: [
    'Rate per 100,000 inhabitants',
    'Aantal per 100.000 inwoners',
    'Taux pour 100 000 habitants',
    'Rate je 100.000 Einwohner',
  ],
  percent: ['Percent', 'Procent', 'Pourcentage', 'Prozent'],
  currency_per_inhabitant: ['Euro per inhabitant', 'Euro per inwoner', 'Euros par habitant', 'Euro je Einwohner'],
  index: ['Index', 'Index', 'Indice', 'Index'],
};

const POLARITY: Record<(typeof POLARITIES)[number], Names> = {
  higher_is_worse: ['Higher is worse', 'Hoger is slechter', 'Plus élevé est pire', 'Höher ist schlechter'],
  higher_is_better: ['Higher is better', 'Hoger is beter', 'Plus élevé est meilleur', 'Höher ist besser'],
  neutral: ['Neutral', 'Neutraal', 'Neutre', 'Neutral'],
};

const AGGREGATION: Record<(typeof AGGREGATIONS)[number], Names> = {
  sum: ['Sum', 'Som', 'Somme', 'Summe'],
  population_weighted_mean: [
    'Population-weighted mean',
    'Naar bevolking gewogen gemiddelde',
    'Moyenne pondérée par la population',
    'Bevölkerungsgewichteter Mittelwert',
  ],
  none: ['Not aggregated', 'Niet geaggregeerd', 'Non agrégé', 'Nicht aggregiert'],
};

/** Every vocabulary, by the subject name its labels are reviewed under (e.g. /api/labels/approach/...). */
export const VOCABULARY_NAMES = {
  level: LEVEL,
  approach: APPROACH,
  prevention_level: PREVENTION_LEVEL,
  target_group: TARGET_GROUP,
  evaluation_design: EVALUATION_DESIGN,
  effect_direction: EFFECT_DIRECTION,
  link_kind: LINK_KIND,
  evidence_rating: EVIDENCE_RATING,
  workflow_state: WORKFLOW_STATE,
  criterion: CRITERION,
  emmie_dimension: EMMIE_DIMENSION,
  unit: UNIT,
  polarity: POLARITY,
  aggregation: AGGREGATION,
} as const satisfies Record<string, Record<string, Names>>;

export type Vocabulary = keyof typeof VOCABULARY_NAMES;
export const VOCABULARIES = Object.keys(VOCABULARY_NAMES) as Vocabulary[];

const COLUMN: Record<Locale, number> = { en: 0, nl: 1, fr: 2, de: 3 };

export function isVocabulary(subject: string): subject is Vocabulary {
  return Object.hasOwn(VOCABULARY_NAMES, subject);
}

/**
 * A vocabulary value's name in one language, as written in this file (a reviewer's correction is
 * served by the API's `labels`). English by default, so code written before the languages keeps
 * its meaning; an unknown value is returned as it is.
 */
export function vocabularyLabel(vocabulary: Vocabulary, value: string, locale: Locale = 'en'): string {
  const names = (VOCABULARY_NAMES[vocabulary] as Record<string, Names>)[value];
  return names?.[COLUMN[locale]] ?? value;
}
