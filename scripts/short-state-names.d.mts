import type {Plugin} from 'vite';

export const PRIVATE_STATE: Record<string, string[]>;
export function shortStateNames(source: string, file: string): string;
export function shortStateNamesPlugin(): Plugin;
