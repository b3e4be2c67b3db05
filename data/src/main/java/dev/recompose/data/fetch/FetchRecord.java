package dev.recompose.data.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code FETCHED.json} file that {@link DatasetFetcher} writes into every dataset folder it
 * installs: dataset name, importer format, time, homepage, license, and per file the URL, size,
 * SHA-256 and what it was verified against.
 *
 * <p>It exists so that provenance survives the download: an importer (or {@code data info}) can
 * call {@link #read} on its {@code --from} folder and carry the original URLs and checksums into
 * the dataset manifest.
 */
public final class FetchRecord {
  /** The file's name inside a dataset folder. */
  public static final String FILE_NAME = "FETCHED.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FetchRecord() {}

  /**
   * Reads the record of a folder installed by fetch.
   *
   * @param datasetDir the installed dataset folder (the importer's {@code --from})
   * @return the record as a result with {@code alreadyInstalled = true}, or empty when the folder
   *     has no {@code FETCHED.json}
   * @throws FetchException when the file exists but cannot be read
   */
  public static Optional<FetchResult> read(Path datasetDir) throws FetchException {
    Objects.requireNonNull(datasetDir, "datasetDir");
    Path file = datasetDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<FetchedFile> files = new ArrayList<>();
      for (JsonNode f : root.path("files")) {
        files.add(
            new FetchedFile(
                f.path("fileName").asText(),
                URI.create(f.path("url").asText()),
                f.path("bytes").asLong(),
                f.path("sha256").asText(),
                f.path("verifiedBy").asText()));
      }
      return Optional.of(
          new FetchResult(
              root.path("dataset").asText(),
              root.path("importerFormat").asText(),
              datasetDir,
              files,
              Instant.parse(root.path("fetchedAt").asText()),
              true));
    } catch (IOException | RuntimeException e) {
      throw new FetchException(
          "cannot read " + file + " (" + Downloader.describe(e) + "); pass --force to fetch again",
          e);
    }
  }

  static void write(CatalogEntry entry, Path datasetDir, List<FetchedFile> files, Instant at)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", entry.name());
    root.put("importerFormat", entry.importerFormat());
    root.put("fetchedAt", at.toString());
    root.put("homepage", entry.homepage());
    root.put("license", entry.license());
    ArrayNode arr = root.putArray("files");
    for (FetchedFile f : files) {
      ObjectNode o = arr.addObject();
      o.put("fileName", f.fileName());
      o.put("url", f.url().toString());
      o.put("bytes", f.bytes());
      o.put("sha256", f.sha256());
      o.put("verifiedBy", f.verifiedBy());
    }
    JSON.writeValue(datasetDir.resolve(FILE_NAME).toFile(), root);
  }
}
