/**
 * The licence of the observatory's published figures: Eurostat's and the World Bank's data are
 * CC BY 4.0, and so is what the observatory publishes from them (the DCAT-AP catalogue says the same).
 */
export const DATA_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;
