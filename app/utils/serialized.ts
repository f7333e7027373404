/** What loader data looks like after JSON: Dates become strings (for props built from loader results). */
export type Serialized<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;
