import { AGENCY, DATAFLOW, KEY_DIMENSIONS, STRUCTURE_REF, VERSION } from './artefacts';
import type { DataSetSource } from './data-read';
import type { SdmxObservation, SeriesBlock } from '../../analytics/series-block';
import type { Detail } from './data-query';
import { esc, header, NS, XML_DECLARATION } from './xml';

export interface DataShape {
  detail: Detail;
  allDimensions: boolean;
}

const withAttributes = (detail: Detail) => detail === 'full' || detail === 'nodata';
const withObservations = (detail: Detail) => detail === 'full' || detail === 'dataonly';
const valueText = (value: number | null) => (value === null ? null : String(value));
const keyValues = (s: SeriesBlock) => [s.freq, s.indicator, s.geo];

function structureHeader(shape: DataShape, namespace = ''): string {
  const at = shape.allDimensions ? 'AllDimensions' : 'TIME_PERIOD';
  return (
    `<mes:Structure structureID="${STRUCTURE_REF}"${namespace ? ` namespace="${namespace}"` : ''} ` +
    `dimensionAtObservation="${at}"><com:StructureUsage>` +
    `<Ref agencyID="${AGENCY}" id="${DATAFLOW}" version="${VERSION}"/></com:StructureUsage></mes:Structure>`
  );
}

function validity(set: DataSetSource, prefix = ''): string {
  const from = set.validFrom ? ` ${prefix}validFromDate="${set.validFrom}"` : '';
  const to = set.validTo ? ` ${prefix}validToDate="${set.validTo}"` : '';
  return `${from}${to}`;
}

const gv = (id: string, value: string) => `<generic:Value id="${id}" value="${esc(value)}"/>`;
const seriesKey = (series: SeriesBlock) => KEY_DIMENSIONS.map((d, i) => gv(d, keyValues(series)[i]!)).join('');

function genericObs(series: SeriesBlock, obs: SdmxObservation, shape: DataShape): string {
  const value = valueText(obs.value);
  const key = shape.allDimensions
    ? `<generic:ObsKey>${seriesKey(series)}${gv('TIME_PERIOD', obs.period)}</generic:ObsKey>`
    : `<generic:ObsDimension value="${esc(obs.period)}"/>`;
  const measure = value !== null && withObservations(shape.detail) ? `<generic:ObsValue value="${value}"/>` : '';
  const attributes = [
    ...(withAttributes(shape.detail) && obs.flags ? [gv('OBS_FLAG', obs.flags)] : []),
    ...(shape.allDimensions && withAttributes(shape.detail) ? [gv('UNIT_MEASURE', series.unit)] : []),
  ];
  const attached = attributes.length ? `<generic:Attributes>${attributes.join('')}</generic:Attributes>` : '';
  return `<generic:Obs>${key}${measure}${attached}</generic:Obs>`;
}

function genericSeries(series: SeriesBlock, shape: DataShape): string {
  if (shape.allDimensions) return series.observations.map((o) => genericObs(series, o, shape)).join('');
  const key = `<generic:SeriesKey>${seriesKey(series)}</generic:SeriesKey>`;
  const attributes = withAttributes(shape.detail)
    ? `<generic:Attributes>${gv('UNIT_MEASURE', series.unit)}</generic:Attributes>`
    : '';
  const observations = withObservations(shape.detail)
    ? series.observations.map((o) => genericObs(series, o, shape)).join('')
    : '';
  return `<generic:Series>${key}${attributes}${observations}</generic:Series>`;
}

/** SDMX-ML 2.1 GenericData, written a series at a time. */
export async function* genericData(sets: DataSetSource[], shape: DataShape, prepared: string): AsyncGenerator<string> {
  yield `${XML_DECLARATION}<mes:GenericData xmlns:mes="${NS.message}" xmlns:generic="${NS.generic}" ` +
    `xmlns:com="${NS.common}">`;
  yield header(prepared, structureHeader(shape));
  for (const set of sets) {
    yield `<mes:DataSet structureRef="${STRUCTURE_REF}" action="Information"${validity(set)}>`;
    for await (const series of set.series) yield genericSeries(series, shape);
    yield '</mes:DataSet>';
  }
  yield '</mes:GenericData>';
}

const attr = (id: string, value: string | null) => (value === null || value === '' ? '' : ` ${id}="${esc(value)}"`);

function specificObs(series: SeriesBlock, obs: SdmxObservation, shape: DataShape): string {
  const key = shape.allDimensions ? KEY_DIMENSIONS.map((d, i) => attr(d, keyValues(series)[i]!)).join('') : '';
  const value = withObservations(shape.detail) ? attr('OBS_VALUE', valueText(obs.value)) : '';
  const flags = withAttributes(shape.detail) ? attr('OBS_FLAG', obs.flags) : '';
  const unit = shape.allDimensions && withAttributes(shape.detail) ? attr('UNIT_MEASURE', series.unit) : '';
  return `<Obs${key}${attr('TIME_PERIOD', obs.period)}${value}${flags}${unit}/>`;
}

function specificSeries(series: SeriesBlock, shape: DataShape): string {
  if (shape.allDimensions) return series.observations.map((o) => specificObs(series, o, shape)).join('');
  const key = KEY_DIMENSIONS.map((d, i) => attr(d, keyValues(series)[i]!)).join('');
  const unit = withAttributes(shape.detail) ? attr('UNIT_MEASURE', series.unit) : '';
  const observations = withObservations(shape.detail)
    ? series.observations.map((o) => specificObs(series, o, shape)).join('')
    : '';
  return `<Series${key}${unit}>${observations}</Series>`;
}

/** SDMX-ML 2.1 StructureSpecificData: the DSD's components as XML attributes. */
export async function* structureSpecificData(
  sets: DataSetSource[],
  shape: DataShape,
  prepared: string,
): AsyncGenerator<string> {
  const at = shape.allDimensions ? 'AllDimensions' : 'TIME_PERIOD';
  const flow = `${AGENCY}:${DATAFLOW}(${VERSION})`;
  const namespace = `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${flow}:ObsLevelDim:${at}`;
  yield `${XML_DECLARATION}<mes:StructureSpecificData xmlns:mes="${NS.message}" xmlns:ss="${NS.structureSpecific}" ` +
    `xmlns:com="${NS.common}" xmlns:xsi="${NS.xsi}" xmlns:ns1="${esc(namespace)}">`;
  yield header(prepared, structureHeader(shape, esc(namespace)));
  for (const set of sets) {
    yield `<mes:DataSet ss:structureRef="${STRUCTURE_REF}" xsi:type="ns1:DataSetType" ss:dataScope="DataStructure" ` +
      `ss:action="Information"${validity(set, 'ss:')}>`;
    for await (const series of set.series) yield specificSeries(series, shape);
    yield '</mes:DataSet>';
  }
  yield '</mes:StructureSpecificData>';
}
