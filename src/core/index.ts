export * from './locale.js';
export * from './themes.js';
export * from './triage.js';
export * from './ptv.js';
export * from './acting-for.js';
export * from './return-path.js';
export * from './prerender.js';
