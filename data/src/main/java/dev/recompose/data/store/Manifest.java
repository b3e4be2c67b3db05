package dev.recompose.data.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code manifest.json} of a dataset directory: schema, counts, vocabularies, split and
 * provenance.
 *
 * <p>It exists so that a dataset describes itself completely: a reader in Java or Python needs
 * nothing but this file to find, type and interpret every column. {@code contentSha256} is a
 * digest over every column and vocabulary file (see {@link DatasetWriter}); results cite it as
 * the dataset checksum.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
    String format,
    int version,
    String name,
    String createdBy,
    String createdAt,
    Counts counts,
    Map<String, TableSpec> tables,
    Map<String, VocabSpec> vocabs,
    Provenance provenance,
    SplitInfo split,
    String contentSha256) {
  /** The value of {@code format} in every manifest. */
  public static final String FORMAT = "recompose-dataset";

  /** The store format version this code writes and reads. */
  public static final int VERSION = 1;

  public Manifest {
    Objects.requireNonNull(format, "format");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    vocabs = Collections.unmodifiableMap(new LinkedHashMap<>(vocabs));
  }

  public Manifest withSplit(SplitInfo s) {
    return new Manifest(
        format, version, name, createdBy, createdAt, counts, tables, vocabs, provenance, s,
        contentSha256);
  }

  public Manifest withTables(Map<String, TableSpec> t) {
    return new Manifest(
        format, version, name, createdBy, createdAt, counts, t, vocabs, provenance, split,
        contentSha256);
  }

  public Manifest withProvenance(Provenance p) {
    return new Manifest(
        format, version, name, createdBy, createdAt, counts, tables, vocabs, p, split,
        contentSha256);
  }

  public Manifest withContentSha256(String sha) {
    return new Manifest(
        format, version, name, createdBy, createdAt, counts, tables, vocabs, provenance, split,
        sha);
  }
}
