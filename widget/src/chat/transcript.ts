/**
 * The conversation as kept across a reload, on yishi's origin: what was said (identifiers masked) and what was
 * answered, the last 40 turns.
 */
import type { Answer } from './answer.ts';
import { store } from './storage.ts';

export interface Entry {
  id: string;
  message: string;
  answer?: Answer;
}

const LOG_KEY = 'yishi.log';
const KEEP = 40;

const masked = (text: string) => text.replace(/\d{11,}[\dXx]?/g, (d) => `${d.slice(0, 3)}****${d.slice(-2)}`);

export class Transcript {
  private entries: Entry[] = read();

  get all(): readonly Entry[] {
    return this.entries;
  }

  /** A new turn, stored masked. */
  add(id: string, message: string): Entry {
    const entry: Entry = { id, message: masked(message) };
    this.entries.push(entry);
    this.save();
    return entry;
  }

  /** Records a turn's answer; false when there is no such turn or it was answered already (a repeated reply). */
  answer(answer: Answer & { id: string }): boolean {
    const entry = this.entries.find((e) => e.id === answer.id);
    if (!entry || entry.answer) return false;
    entry.answer = answer;
    this.save();
    return true;
  }

  drop(id: string): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.save();
  }

  private save(): void {
    store.setItem(LOG_KEY, JSON.stringify(this.entries.slice(-KEEP)));
  }
}

function read(): Entry[] {
  try {
    const raw = JSON.parse(store.getItem(LOG_KEY) ?? '[]');
    return Array.isArray(raw) ? raw : [];
  } catch {
    return [];
  }
}
