export interface TableEntry {
  tag: '' | 'str' | 'html';
  parts: Array<{static: boolean; text: string}>;
}
export declare function readTable(source: string): Map<string, TableEntry>;
export declare function inlineMessages(source: string, table: Map<string, TableEntry> | undefined, file?: string): string;

export interface Message {
  index: number;
  texts: string[];
}
export declare function tableMessages(source: string, tables: Array<Map<string, TableEntry> | undefined>, messages: Map<string, Message>, file?: string): string;
export declare function messagesModule(messages: Map<string, Message>, localization: string, languages: unknown[]): string;
