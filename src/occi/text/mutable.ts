/**
 * A writable view of a readonly model type, to build a model whose optional properties are set
 * only when present (exactOptionalPropertyTypes forbids writing `undefined` into them).
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
