const URL = /https?:\/\/[^\s)）\]】"'，。；、<>]+/gi;

/**
 * Links are replaced by tokens (URL_1 …) before prompting and mapped back after, so a model can place a
 * link but never write one: any address in its answer that did not come from a token is invented.
 */
export class UrlTokens {
  private readonly byUrl = new Map<string, string>();
  private readonly byToken = new Map<string, string>();

  hide(text: string): string {
    return text.replace(URL, (url) => {
      let token = this.byUrl.get(url);
      if (!token) {
        token = `URL_${this.byUrl.size + 1}`;
        this.byUrl.set(url, token);
        this.byToken.set(token, url);
      }
      return token;
    });
  }

  /** Maps known tokens back; unknown tokens are left for the output guard to catch. */
  restore(text: string): string {
    return text.replace(/URL_\d+/g, (token) => this.byToken.get(token) ?? token);
  }

  /** For streaming: maps tokens back and holds back a token still being written at the end. */
  restorePartial(text: string): string {
    return this.restore(text.replace(/U(?:R(?:L(?:_\d*)?)?)?$/, ''));
  }
}
