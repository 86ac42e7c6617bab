export interface TableEntry {
  tag: '' | 'str' | 'html';
  parts: Array<{static: boolean; text: string}>;
}
export declare function readTable(source: string): Map<string, TableEntry>;
export declare function inlineMessages(source: string, tables: Array<Map<string, TableEntry> | undefined>, file?: string): string;
