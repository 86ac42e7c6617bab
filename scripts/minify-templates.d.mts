import type {Plugin} from 'vite';
export declare function minifyTemplates(source: string): string;
export declare function minifyTemplatesPlugin(): Plugin;
export declare function readTemplate(src: string, pos: number): {parts: Array<{static: boolean; text: string}>; end: number};
