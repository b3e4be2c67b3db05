package dev.recompose.models.repr;

import dev.recompose.data.store.Manifest;
import dev.recompose.data.store.Provenance;
import dev.recompose.data.store.VocabSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small edits of a {@link Manifest} used when a representation job commits its columns.
 *
 * <p>It exists because the store's {@code DatasetUpdater} adds columns but leaves vocabularies
 * and notes to the caller's manifest edit; the representation jobs record their vocabulary and a
 * readable report (collision rate, codebook use, throughput) in {@code provenance.notes}.
 */
public final class ManifestEdits {
  private ManifestEdits() {}

  /** {@code m} with vocabulary {@code name} added or replaced. */
  public static Manifest withVocab(Manifest m, String name, VocabSpec spec) {
    Map<String, VocabSpec> v = new LinkedHashMap<>(m.vocabs());
    v.put(name, spec);
    return new Manifest(m.format(), m.version(), m.name(), m.createdBy(), m.createdAt(),
        m.counts(), m.tables(), v, m.provenance(), m.split(), m.contentSha256());
  }

  /** {@code m} with provenance note {@code key} set to {@code value}. */
  public static Manifest withNote(Manifest m, String key, String value) {
    Provenance p = m.provenance() != null
        ? m.provenance()
        : new Provenance(null, null, null, null, null, null, null);
    Map<String, String> notes = new LinkedHashMap<>(p.notes());
    notes.put(key, value);
    return m.withProvenance(new Provenance(p.importer(), p.source(), p.options(), p.files(),
        p.rows(), p.filters(), notes));
  }
}
