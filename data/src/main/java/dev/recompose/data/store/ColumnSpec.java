package dev.recompose.data.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The manifest's description of one column: its layout, element type, files and vocabulary.
 *
 * @param kind layout on disk
 * @param dtype element type (of the values file for lists and text)
 * @param file the values file, relative to the dataset directory
 * @param offsets the CSR offsets file for {@code LIST} and {@code TEXT}, else null
 * @param width vector width for {@code VECTOR}, else 0
 * @param vocab name of the vocabulary the codes index, or null
 * @param description what the column holds, for people reading the manifest
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ColumnSpec(
    ColumnKind kind,
    DType dtype,
    String file,
    String offsets,
    int width,
    String vocab,
    String description) {
  public ColumnSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(file, "file");
    if ((kind == ColumnKind.LIST || kind == ColumnKind.TEXT) && offsets == null) {
      throw new IllegalArgumentException(kind + " column " + file + " needs an offsets file");
    }
  }
}
