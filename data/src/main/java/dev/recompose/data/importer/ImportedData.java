package dev.recompose.data.importer;

import dev.recompose.data.log.EntityTableBuilder;
import dev.recompose.data.log.IdIndex;
import dev.recompose.data.log.ImpressionLogBuilder;
import dev.recompose.data.log.InteractionLog;
import dev.recompose.data.store.RowReport;
import dev.recompose.data.store.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an importer read: id vocabularies, interactions, side tables, impressions and the
 * accounting of every source file.
 *
 * @param name dataset name for the manifest (e.g. {@code ml-100k})
 * @param users user ids in code order
 * @param items item ids in code order (including text-less items seen only in logs)
 * @param interactions the interaction table
 * @param itemTable item attributes, keyed by item code (may be empty)
 * @param userTable user attributes, keyed by user code (may be empty)
 * @param impressions logged impressions, or null when the source has none
 * @param reports rows read/kept/dropped per file
 * @param sources every file read with size and SHA-256
 * @param notes free-form provenance notes (e.g. {@code negatives=logged})
 */
public record ImportedData(
    String name,
    IdIndex users,
    IdIndex items,
    InteractionLog interactions,
    EntityTableBuilder itemTable,
    EntityTableBuilder userTable,
    ImpressionLogBuilder impressions,
    List<RowReport> reports,
    List<SourceFile> sources,
    Map<String, String> notes) {
  public ImportedData {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(interactions, "interactions");
    itemTable = itemTable == null ? new EntityTableBuilder() : itemTable;
    userTable = userTable == null ? new EntityTableBuilder() : userTable;
    reports = List.copyOf(reports);
    sources = List.copyOf(sources);
    notes = Map.copyOf(notes == null ? Map.of() : notes);
  }
}
