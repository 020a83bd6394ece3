import type { Catalogue } from '../../analytics/catalogue';
import { FLAG_MEANINGS } from '../../shared/flags';
import { AGENCY, CODELISTS, CONCEPTS, CONCEPT_SCHEME, DATAFLOW, DSD, KEY_DIMENSIONS, VERSION, urn } from './artefacts';
import { FREQUENCIES, UNITS } from '../../analytics/series-block';
import { esc, header, name, NS, XML_DECLARATION } from './xml';

/** The artefacts a structure query returns, chosen by structure-query.ts. */
export interface StructureSelection {
  dataflow: boolean;
  datastructure: boolean;
  codelists: string[];
  conceptscheme: boolean;
}

const FLOW_DESCRIPTION =
  'Every indicator of the common core set, by country, region and aggregate, with Eurostat flags.';
const maintainable = (id: string) => `id="${id}" agencyID="${AGENCY}" version="${VERSION}" isFinal="false"`;
const ref = (id: string, pkg: string, cls: string) =>
  `<Ref id="${id}" agencyID="${AGENCY}" version="${VERSION}" package="${pkg}" class="${cls}"/>`;

/** The codes of each codelist, from the catalogue (indicators and geos, regions and aggregates included). */
export function codelistCodes(catalogue: Catalogue): Record<string, { id: string; name: string }[]> {
  // ':' (not available) is no SDMX id; a value that is not available is sent without OBS_VALUE.
  const flags = Object.entries(FLAG_MEANINGS).filter(([code]) => code !== ':');
  return {
    [CODELISTS.FREQ]: Object.entries(FREQUENCIES).map(([id, label]) => ({ id, name: label })),
    [CODELISTS.INDICATOR]: [...catalogue.indicators.values()].map((i) => ({ id: i.code, name: i.name })),
    [CODELISTS.GEO]: [...catalogue.geos.values()].map((g) => ({ id: g.code, name: g.name })),
    [CODELISTS.OBS_FLAG]: flags.map(([id, meaning]) => ({ id, name: meaning })),
    [CODELISTS.UNIT_MEASURE]: Object.entries(UNITS).map(([id, label]) => ({ id, name: label })),
  };
}

const CODELIST_NAMES: Record<string, string> = {
  [CODELISTS.FREQ]: 'Frequency',
  [CODELISTS.INDICATOR]: 'Indicators of the common core set',
  [CODELISTS.GEO]: 'Countries, regions and aggregates',
  [CODELISTS.OBS_FLAG]: 'Observation status flags (Eurostat)',
  [CODELISTS.UNIT_MEASURE]: 'Units of measure',
};

function codelistXml(id: string, codes: { id: string; name: string }[]): string {
  const items = codes.map(
    (c) => `<str:Code id="${esc(c.id)}" urn="${urn('Codelist', id)}.${esc(c.id)}">${name(c.name)}</str:Code>`,
  );
  const head = `<str:Codelist ${maintainable(id)} urn="${urn('Codelist', id)}">${name(CODELIST_NAMES[id]!)}`;
  return `${head}${items.join('')}</str:Codelist>`;
}

function conceptSchemeXml(): string {
  const concepts = Object.entries(CONCEPTS).map(
    ([id, label]) => `<str:Concept id="${id}">${name(label)}</str:Concept>`,
  );
  return (
    `<str:ConceptScheme ${maintainable(CONCEPT_SCHEME)} urn="${urn('ConceptScheme', CONCEPT_SCHEME)}">` +
    `${name('Concepts of the crime prevention observatory')}${concepts.join('')}</str:ConceptScheme>`
  );
}

const conceptRef = (id: string) =>
  `<str:ConceptIdentity><Ref id="${id}" maintainableParentID="${CONCEPT_SCHEME}" ` +
  `maintainableParentVersion="${VERSION}" agencyID="${AGENCY}" package="conceptscheme" class="Concept"/>` +
  '</str:ConceptIdentity>';
const enumeration = (codelist: string) =>
  `<str:LocalRepresentation><str:Enumeration>${ref(codelist, 'codelist', 'Codelist')}</str:Enumeration>` +
  '</str:LocalRepresentation>';

function dataStructureXml(): string {
  const dimensions = KEY_DIMENSIONS.map(
    (id, i) =>
      `<str:Dimension id="${id}" position="${i + 1}">${conceptRef(id)}${enumeration(CODELISTS[id])}</str:Dimension>`,
  );
  const time =
    `<str:TimeDimension id="TIME_PERIOD" position="${KEY_DIMENSIONS.length + 1}">${conceptRef('TIME_PERIOD')}` +
    '<str:LocalRepresentation><str:TextFormat textType="ObservationalTimePeriod"/></str:LocalRepresentation>' +
    '</str:TimeDimension>';
  const seriesLevel = KEY_DIMENSIONS.map((id) => `<str:Dimension><Ref id="${id}"/></str:Dimension>`).join('');
  const attributes =
    '<str:Attribute id="OBS_FLAG" assignmentStatus="Conditional">' +
    `${conceptRef('OBS_FLAG')}${enumeration(CODELISTS.OBS_FLAG)}` +
    '<str:AttributeRelationship><str:PrimaryMeasure><Ref id="OBS_VALUE"/></str:PrimaryMeasure>' +
    '</str:AttributeRelationship>' +
    '</str:Attribute><str:Attribute id="UNIT_MEASURE" assignmentStatus="Mandatory">' +
    `${conceptRef('UNIT_MEASURE')}${enumeration(CODELISTS.UNIT_MEASURE)}` +
    `<str:AttributeRelationship>${seriesLevel}</str:AttributeRelationship></str:Attribute>`;
  return (
    `<str:DataStructure ${maintainable(DSD)} urn="${urn('DataStructure', DSD)}">` +
    name('Crime and crime prevention indicators') +
    '<str:DataStructureComponents>' +
    `<str:DimensionList id="DimensionDescriptor">${dimensions.join('')}${time}</str:DimensionList>` +
    `<str:AttributeList id="AttributeDescriptor">${attributes}</str:AttributeList>` +
    `<str:MeasureList id="MeasureDescriptor"><str:PrimaryMeasure id="OBS_VALUE">${conceptRef('OBS_VALUE')}` +
    '</str:PrimaryMeasure></str:MeasureList>' +
    '</str:DataStructureComponents></str:DataStructure>'
  );
}

function dataflowXml(): string {
  return (
    `<str:Dataflow ${maintainable(DATAFLOW)} urn="${urn('Dataflow', DATAFLOW)}">` +
    `${name('Crime and crime prevention indicators of the observatory')}` +
    name(FLOW_DESCRIPTION, 'com:Description') +
    `<str:Structure>${ref(DSD, 'datastructure', 'DataStructure')}</str:Structure></str:Dataflow>`
  );
}

/** An SDMX-ML 2.1 Structure message, its sections in the order the schema requires. */
export function structureMessage(catalogue: Catalogue, selection: StructureSelection, prepared: string): string {
  const codes = codelistCodes(catalogue);
  const sections = [
    selection.dataflow ? `<str:Dataflows>${dataflowXml()}</str:Dataflows>` : '',
    selection.codelists.length
      ? `<str:Codelists>${selection.codelists.map((id) => codelistXml(id, codes[id]!)).join('')}</str:Codelists>`
      : '',
    selection.conceptscheme ? `<str:Concepts>${conceptSchemeXml()}</str:Concepts>` : '',
    selection.datastructure ? `<str:DataStructures>${dataStructureXml()}</str:DataStructures>` : '',
  ];
  return (
    `${XML_DECLARATION}<mes:Structure xmlns:mes="${NS.message}" xmlns:str="${NS.structure}" xmlns:com="${NS.common}">` +
    `${header(prepared)}<mes:Structures>${sections.join('')}</mes:Structures></mes:Structure>`
  );
}
