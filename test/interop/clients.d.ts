// The parts of two untyped client libraries that the interoperability tests use.
declare module 'sdmx-rest' {
  interface Service {
    url: string;
  }
  interface FetchResponse {
    status: number;
    headers: { get(name: string): string | null };
    text(): Promise<string>;
  }
  const sdmxrest: {
    getService(input: { url: string; api?: string; id?: string }): Service;
    getDataQuery(input: Record<string, unknown>): object;
    getMetadataQuery(input: Record<string, unknown>): object;
    getUrl(query: object, service: Service): string;
    request(query: object, service: Service, options?: { headers?: Record<string, string> }): Promise<string>;
    request2(query: object, service: Service, options?: { headers?: Record<string, string> }): Promise<FetchResponse>;
    checkStatus(query: object, response: FetchResponse): void;
    checkMediaType(requested: string, response: FetchResponse): void;
    data: { DataFormat: Record<string, string>; DataDetail: Record<string, string> };
  };
  export default sdmxrest;
}

declare module 'jsonstat-toolkit' {
  interface Category {
    label: string;
    unit?: unknown;
  }
  interface Dimension {
    Category(id: string): Category;
  }
  interface JsonStat {
    class: string;
    length: number;
    id: string[];
    role: Record<string, string[] | null>;
    extension: Record<string, unknown>;
    Dimension(id: string): Dimension;
    Data(where: Record<string, string>): { value: number | null; status: string | null } | null;
    Item(index: number): object;
  }
  export default function JSONstat(input: object): JsonStat;
}
