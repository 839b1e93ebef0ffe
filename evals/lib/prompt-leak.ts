import { promptLines } from '../../server/llm/prompts.ts';

let lines: string[] | undefined;

/** Lines of our prompts that a reply repeats (a prompt leak); checked on 16-character windows of each line. */
export function leakedPromptLines(reply: string): string[] {
  lines ??= promptLines();
  const flat = reply.replace(/\s+/g, ' ');
  return lines.filter((line) => {
    for (let i = 0; i + 16 <= line.length; i += 8) if (flat.includes(line.slice(i, i + 16))) return true;
    return false;
  });
}
