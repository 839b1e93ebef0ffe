import { OpenAIEmbeddings } from '@langchain/openai';
import type { KnowledgeOptions } from '../knowledge/index.ts';
import type { Config } from './config.ts';

/**
 * The embeddings the dense index uses: an OpenAI-compatible endpoint when `EMBEDDINGS_MODEL` is set (base URL
 * and key default to the `OPENAI_*` ones; a local server may need no key), otherwise the embedded default.
 */
export function embeddingsOptions(config: Config): Pick<KnowledgeOptions, 'embeddings' | 'embeddingsId'> {
  if (!config.EMBEDDINGS_MODEL) return {};
  const baseURL = config.EMBEDDINGS_BASE_URL ?? config.OPENAI_BASE_URL;
  const embeddings = new OpenAIEmbeddings({
    model: config.EMBEDDINGS_MODEL,
    apiKey: config.EMBEDDINGS_API_KEY ?? config.OPENAI_API_KEY ?? 'not-needed',
    ...(baseURL ? { configuration: { baseURL } } : {}),
    batchSize: 256,
    // Many OpenAI-compatible servers (vLLM, TEI, Ollama) only send float arrays.
    encodingFormat: 'float',
    maxRetries: 2,
  });
  return { embeddings, embeddingsId: `openai-${config.EMBEDDINGS_MODEL.replace(/[^\w.-]+/g, '_')}` };
}
