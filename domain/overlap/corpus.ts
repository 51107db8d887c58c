/**
 * Document frequencies of a growing set of documents (projects), for IDF weights. Documents are added
 * and removed one at a time, so the model follows the workspace as projects are created, edited (remove
 * the old terms, add the new) and deleted, without a rebuild. It serialises to plain JSON for storage.
 */
export class CorpusModel {
  private readonly df = new Map<string, number>();
  private docs = 0;

  get documentCount(): number {
    return this.docs;
  }

  get vocabularySize(): number {
    return this.df.size;
  }

  /** Counts a document's distinct terms (duplicates in `terms` count once). */
  addDocument(terms: Iterable<string>): void {
    this.docs++;
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Uncounts a document added before with the same terms. */
  removeDocument(terms: Iterable<string>): void {
    this.docs = Math.max(0, this.docs - 1);
    for (const t of new Set(terms)) {
      const n = (this.df.get(t) ?? 0) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /**
   * Smoothed IDF, ln((N + 1) / (df + 1)) + 1: never zero (a term every document has still counts a
   * little), and defined for terms the corpus has not seen (they weigh most).
   */
  idf(term: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  /** The IDF of an unseen term: the largest any term can have now, for normalising to 0..1. */
  maxIdf(): number {
    return Math.log(this.docs + 1) + 1;
  }

  toJSON(): { documentCount: number; df: [string, number][] } {
    return { documentCount: this.docs, df: [...this.df] };
  }

  static fromJSON(data: { documentCount: number; df: [string, number][] }): CorpusModel {
    const model = new CorpusModel();
    model.docs = data.documentCount;
    for (const [t, n] of data.df) model.df.set(t, n);
    return model;
  }
}
