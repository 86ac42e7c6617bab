import type {Plugin} from 'vite';
export declare function minifyTemplates(source: string): string;
export declare function minifyTemplatesPlugin(): Plugin;
