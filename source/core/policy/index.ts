export * from './json.js';
export * from './json-pointer.js';
export * from './model.js';
export * from './parse.js';
export * from './serialize.js';
