import { z } from 'zod';

const columnName = z.string().min(1).max(200);

/**
 * What a mapped column holds. A declared unit that differs from the indicator's is converted when the
 * conversion is exact (a rate per 1,000 onto a per-100,000 indicator) and refused otherwise (docs/ingest.md).
 */
export const MAPPING_UNITS = ['count', 'rate_per_1000', 'rate_per_100k', 'percent'] as const;
export type MappingUnit = (typeof MAPPING_UNITS)[number];

/** A national code mapped to an observatory indicator, with what makes the figures not quite comparable. */
export const IndicatorMapping = z.object({
  code: z.string().min(1).max(300),
  indicator: z.string().min(1).max(32),
  comparability: z.string().min(3).max(2000),
  /** Flags added to every cell of this mapping, e.g. "d" (definition differs). */
  flags: z.string().max(16).default(''),
  /** What the column holds for this code; without it, the indicator's own unit is assumed. */
  unit: z.enum(MAPPING_UNITS).optional(),
  /**
   * With roll-up's sumParts: this code is the indicator's figure given directly (a parent offence),
   * never a part to add to others; a cell both given directly and summed from parts is an error.
   */
  whole: z.boolean().default(false),
});

/** One line of a correspondence: a national code or name, and the observatory geo it is (see correspondences.ts). */
export const CorrespondenceEntry = z.object({
  name: z.string().trim().min(1).max(200),
  geo: z.string().trim().min(2).max(16),
});

/** How the geo column's national codes or names become observatory geos (issue 19). */
export const GeoCorrespondence = z.object({
  /** A correspondence shipped in data/correspondences, e.g. "it-provinces-nuts3". */
  shipped: z.string().max(64).nullable().default(null),
  /** The contact point's own lines (uploaded as a two-column CSV); they come before the shipped ones. */
  entries: z.array(CorrespondenceEntry).max(5000).default([]),
  /** Names are matched among the country's geos of this NUTS level only (0: the country); null: every level. */
  level: z.number().int().min(0).max(3).nullable().default(null),
});

/** Rows that land on one cell as parts of it, and the national figure derived from regions (issue 19). */
export const Rollup = z.object({
  /** Rows mapping to the same cell are parts to add up (several offence codes into one indicator), not duplicates. */
  sumParts: z.boolean().default(false),
  /** Derive the country's cell as the sum of its regions of this NUTS level in the file. */
  nationalFrom: z.number().int().min(1).max(3).nullable().default(null),
  /** A national figure given directly differing from its regions' sum by more than this share is a warning. */
  tolerance: z.number().min(0).max(1).default(0.005),
});

export const RowFilter = z
  .object({
    column: columnName,
    equals: z.string().optional(),
    in: z.array(z.string()).optional(),
    notIn: z.array(z.string()).optional(),
  })
  .refine((f) => f.equals !== undefined || f.in !== undefined || f.notIn !== undefined, {
    message: 'a row filter needs equals, in or notIn',
  });

export const ProfileDefinition = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'use 2 to 63 lower-case letters, digits, "-" or "_"'),
  description: z.string().max(2000).default(''),
  /** The country the profile is for; null for a profile any geo may use (Eurostat, World Bank). */
  geo: z.string().max(16).nullable().default(null),
  /**
   * long: one row per cell; wide: one column per period; eurostat: Eurostat TSV (or its quoted CSV variant);
   * worldbank: WDI bulk CSV; jsonstat: a JSON-stat 2.0 dataset, whose dimensions count as columns.
   */
  shape: z.enum(['long', 'wide', 'eurostat', 'worldbank', 'jsonstat']),
  encoding: z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).default('auto'),
  delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
  /** Which column holds what. Eurostat key dimensions (e.g. "iccs", "geo") count as columns. */
  columns: z
    .object({
      geo: columnName.optional(),
      indicator: columnName.optional(),
      period: columnName.optional(),
      value: columnName.optional(),
      flags: columnName.optional(),
      note: columnName.optional(),
    })
    .default({}),
  /**
   * Long files: the indicator is these columns' values joined by " | " (e.g. Indicator | Dimension | Category),
   * mapped by `indicators`; it takes the place of `columns.indicator`.
   */
  indicatorFrom: z.array(columnName).min(2).max(6).optional(),
  /** How the geo column writes countries. Without a geo column, every row is for the submission's geo. */
  geoCodes: z.enum(['eurostat', 'iso3', 'iso2', 'name']).default('eurostat'),
  /** National codes or names → observatory geos; with geoCodes "name", names are also matched to geo names. */
  correspondence: GeoCorrespondence.optional(),
  /** Summing parts and deriving national figures; without it, two rows for one cell are duplicates. */
  rollup: Rollup.optional(),
  /** Rows for other geos than the submission's: refused (an error each) or left out (counted). */
  otherGeos: z.enum(['reject', 'skip']).default('reject'),
  /** National code → indicator. When present, rows with unmapped codes are left out (counted). */
  indicators: z.array(IndicatorMapping).max(5000).default([]),
  filters: z.array(RowFilter).max(50).default([]),
  numberFormat: z.object({ decimal: z.enum(['.', ',']), thousands: z.enum(['', ',', '.', ' ', "'"]) }).optional(),
  /** yy reads two-digit years: 50–99 as 19xx, 00–49 as 20xx. */
  yearFormat: z.enum(['yyyy', 'yy']).default('yyyy'),
  /** Eurostat: the key dimensions this profile reads, so a file with the same key picks it automatically. */
  keyDimensions: z.array(z.string()).optional(),
  /**
   * Values every row shares when the file has no column for them: a file of one year ({ period: "2019" }),
   * or of one national offence ({ indicator: "TOTAL" }, mapped by `indicators` as a column's code would be).
   * A role takes a column or a fixed value, never both.
   */
  fixed: z
    .object({
      period: z.string().trim().min(1).max(32).optional(),
      indicator: z.string().trim().min(1).max(300).optional(),
    })
    .default({}),
});

export type ProfileDefinition = z.infer<typeof ProfileDefinition>;
export type IndicatorMapping = z.infer<typeof IndicatorMapping>;
export type RowFilter = z.infer<typeof RowFilter>;
export type GeoCorrespondence = z.infer<typeof GeoCorrespondence>;
export type CorrespondenceEntry = z.infer<typeof CorrespondenceEntry>;
export type Rollup = z.infer<typeof Rollup>;

/** An import profile as GET /api/import-profiles lists it: its definition, and who saved it when (shipped ones: null). */
export const ImportProfileViewSchema = ProfileDefinition.extend({
  builtIn: z.boolean().describe('Shipped with the observatory in data/profiles: read-only'),
  createdBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const ImportProfilesAnswerSchema = z.object({ data: z.array(ImportProfileViewSchema) });

export type ImportProfileView = z.infer<typeof ImportProfileViewSchema>;
export type ImportProfilesAnswer = z.infer<typeof ImportProfilesAnswerSchema>;
