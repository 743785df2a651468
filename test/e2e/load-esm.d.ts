export declare function importEsm<T>(specifier: string): Promise<T>;
