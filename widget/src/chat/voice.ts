/** Voice where the browser has it: speech input (Web Speech API) and read-aloud (speechSynthesis). */

interface Recognition {
  lang: string;
  interimResults: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionCtor = new () => Recognition;

function recognitionCtor(): RecognitionCtor | undefined {
  const w = window as unknown as {
    SpeechRecognition?: RecognitionCtor;
    webkitSpeechRecognition?: RecognitionCtor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

export const canListen = (): boolean => recognitionCtor() !== undefined;
export const canSpeak = (): boolean => 'speechSynthesis' in window;

/** Listens once in Mandarin; `heard` gets the text. Returns a stop function. */
export function listen(heard: (text: string) => void, ended: () => void): () => void {
  const Ctor = recognitionCtor();
  if (!Ctor) return () => undefined;
  const r = new Ctor();
  r.lang = 'zh-CN';
  r.interimResults = false;
  r.onresult = (e) => {
    const text = Array.from(e.results)
      .map((x) => x[0]?.transcript ?? '')
      .join('');
    if (text) heard(text);
  };
  r.onend = ended;
  r.start();
  return () => r.stop();
}

/** Reads a reply aloud in Mandarin, cutting off whatever was being read. */
export function speak(text: string): void {
  if (!canSpeak()) return;
  speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'zh-CN';
  speechSynthesis.speak(u);
}
