package dev.recompose.data.fetch;

import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Downloads a {@link CatalogEntry}, verifies every file, and installs the unpacked dataset folder
 * in one atomic step.
 *
 * <p>It exists so that {@code recompose data fetch NAME} is safe to interrupt and to repeat:
 *
 * <ul>
 *   <li>files download into {@code DEST/.partial/FILE.part}; a later run resumes them with an HTTP
 *       {@code Range} request (a server that ignores it is handled by starting over);
 *   <li>a whole download is checked against the catalog's size, SHA-256 and MD5 (or a SHA-256 the
 *       user supplies); a mismatch deletes the download and installs nothing;
 *   <li>a file with no known checksum is downloaded, its SHA-256 reported, and then refused unless
 *       the user passes that SHA-256 or allows unpinned files;
 *   <li>the archives are unpacked into {@code DEST/.partial/NAME.staging-*}, a {@code FETCHED.json}
 *       (URLs, sizes, SHA-256, time) is written there, and the folder is renamed to {@code
 *       DEST/NAME};
 *   <li>a dataset already installed by fetch is left alone unless {@code force} is set.
 * </ul>
 *
 * <p>Nothing is downloaded by constructing a fetcher; only {@link #fetch} touches the network.
 */
public final class DatasetFetcher {
  /** The name of the provenance file written into every installed dataset folder. */
  public static final String FETCHED_JSON = FetchRecord.FILE_NAME;

  /** The folder under the destination that holds partial downloads and staging folders. */
  public static final String PARTIAL_DIR = ".partial";

  private final ProgressFactory progress;
  private final Consumer<String> notes;
  private final Clock clock;
  private final Downloader downloader;

  /**
   * A fetcher with every collaborator injected.
   *
   * @param http the client that performs requests (its redirect policy and connect timeout apply)
   * @param progress opens a byte counter per download and per verification
   * @param notes receives one-line remarks (resuming, computed checksums, skipped steps)
   * @param clock stamps {@code FETCHED.json}
   */
  public DatasetFetcher(
      HttpClient http, ProgressFactory progress, Consumer<String> notes, Clock clock) {
    Objects.requireNonNull(http, "http");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.notes = Objects.requireNonNull(notes, "notes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.downloader = new Downloader(http, progress, notes);
  }

  /** A fetcher whose remarks go to standard error and whose clock is the system's UTC clock. */
  public DatasetFetcher(HttpClient http, ProgressFactory progress) {
    this(http, progress, System.err::println, Clock.systemUTC());
  }

  /**
   * The client the command line should use: follows redirects (except HTTPS to HTTP) and gives up
   * connecting after 30 s.
   */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  /**
   * Fetches one dataset into {@code destRoot/entry.name()}.
   *
   * @param entry what to fetch, usually {@code DatasetCatalog.standard().get(name)}
   * @param destRoot the folder that holds fetched datasets (created if missing)
   * @param options mirror, checksum overrides, timeouts
   * @return where the dataset is and what was fetched
   * @throws FetchException with a one-line user-facing message when anything goes wrong; partial
   *     downloads are kept for a resume, and nothing half-unpacked is ever left in place
   */
  public FetchResult fetch(CatalogEntry entry, Path destRoot, FetchOptions options)
      throws FetchException {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(destRoot, "destRoot");
    Objects.requireNonNull(options, "options");
    for (String named : options.expectedSha256().keySet()) {
      if (entry.files().stream().noneMatch(f -> f.fileName().equals(named))) {
        throw new FetchException(
            "--sha256 names "
                + named
                + ", which is not a file of "
                + entry.name()
                + "; its files are: "
                + String.join(", ", entry.files().stream().map(RemoteFile::fileName).toList()));
      }
    }
    Path target = destRoot.resolve(entry.name());
    if (Files.exists(target) && !options.force()) {
      return alreadyThere(entry, target);
    }
    Path partial = destRoot.resolve(PARTIAL_DIR);
    createDirectories(partial);
    Path lockFile = partial.resolve(entry.name() + ".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel, entry, destRoot)) {
      FetchResult result = fetchLocked(entry, target, partial, options);
      lock.release();
      Files.deleteIfExists(lockFile);
      deleteIfEmpty(partial);
      return result;
    } catch (IOException e) {
      throw new FetchException(
          "cannot use the lock file " + lockFile + " (" + Downloader.describe(e) + ")", e);
    }
  }

  private FetchResult alreadyThere(CatalogEntry entry, Path target) throws FetchException {
    Optional<FetchResult> previous = FetchRecord.read(target);
    if (previous.isPresent()) {
      notes.accept(
          entry.name() + " is already installed at " + target + " (use --force to fetch again)");
      return previous.get();
    }
    throw new FetchException(
        target
            + " already exists and was not installed by fetch (no "
            + FETCHED_JSON
            + "); move it away or pass --force to replace it");
  }

  private static FileLock tryLock(FileChannel channel, CatalogEntry entry, Path destRoot)
      throws IOException, FetchException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new FetchException(
          "another fetch of "
              + entry.name()
              + " into "
              + destRoot
              + " is running; wait for it to end");
    }
    return lock;
  }

  private FetchResult fetchLocked(
      CatalogEntry entry, Path target, Path partial, FetchOptions options) throws FetchException {
    if (Files.exists(target) && !options.force()) {
      return alreadyThere(entry, target); // installed by a fetch that held the lock before us
    }
    List<Verified> verified = new ArrayList<>();
    List<Verified> refused = new ArrayList<>();
    for (RemoteFile file : entry.files()) {
      Verified v = downloadAndVerify(file, partial, options);
      verified.add(v);
      if (v.verifiedBy().equals("unpinned") && !options.allowUnpinned()) {
        refused.add(v);
      }
    }
    if (!refused.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Verified v : refused) {
        sb.append(sb.isEmpty() ? "" : ", ")
            .append(v.file().fileName())
            .append(" (")
            .append(v.digests().bytes())
            .append(" bytes, sha256 ")
            .append(v.digests().sha256())
            .append(')');
      }
      throw new FetchException(
          "refusing to install "
              + entry.name()
              + ": no published checksum for "
              + sb
              + "; the downloads are kept in "
              + partial
              + ". After checking them, run again with"
              + " --sha256 FILE=HEX for each file, or with --allow-unpinned");
    }

    Instant now = clock.instant();
    Path staging = partial.resolve(entry.name() + ".staging-" + UUID.randomUUID());
    List<FetchedFile> fetched = new ArrayList<>();
    try {
      createDirectories(staging);
      for (Verified v : verified) {
        RemoteFile f = v.file();
        notes.accept("unpacking " + f.fileName());
        Path into = f.targetDir().isEmpty() ? staging : staging.resolve(f.targetDir());
        Unpacker.unpack(v.path(), f.archive(), into, f.stripComponents());
        fetched.add(
            new FetchedFile(
                f.fileName(), v.url(), v.digests().bytes(), v.digests().sha256(), v.verifiedBy()));
      }
      FetchRecord.write(entry, staging, fetched, now);
    } catch (IOException e) {
      deleteTree(staging);
      throw new FetchException(
          "cannot unpack "
              + entry.name()
              + " ("
              + Downloader.describe(e)
              + "); nothing installed, the verified downloads are kept in "
              + partial,
          e);
    }
    install(staging, target, partial);
    for (Verified v : verified) {
      try {
        Files.deleteIfExists(v.path());
        Files.deleteIfExists(sourceFile(v.path()));
      } catch (IOException e) {
        notes.accept("could not delete " + v.path() + ": " + Downloader.describe(e));
      }
    }
    notes.accept(
        "installed "
            + entry.name()
            + " at "
            + target
            + "; import it with: recompose data import "
            + entry.importerFormat()
            + " --from "
            + target);
    return new FetchResult(entry.name(), entry.importerFormat(), target, fetched, now, false);
  }

  /** A downloaded, checked file waiting to be unpacked. */
  private record Verified(
      RemoteFile file, Path path, URI url, Checksums.Digests digests, String verifiedBy) {}

  private Verified downloadAndVerify(RemoteFile file, Path partial, FetchOptions options)
      throws FetchException {
    String name = file.fileName();
    String userSha = options.expectedSha256().get(name);
    List<URI> urls = new ArrayList<>();
    if (options.baseUrl() != null) {
      urls.add(options.baseUrl().resolve(name));
    } else {
      urls.add(file.url());
      urls.addAll(file.alternates());
    }
    long expectedBytes = userSha != null ? -1 : file.bytes();
    Path complete = partial.resolve(name);
    Path part = partial.resolve(name + ".part");
    URI used;
    if (Files.isRegularFile(complete)) {
      notes.accept("using the finished download " + complete);
      used = readSource(complete, urls.getFirst());
    } else {
      used = downloader.download(urls, name, expectedBytes, part, complete, options);
      try {
        Files.writeString(sourceFile(complete), used.toString(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        notes.accept("could not record the source of " + name + ": " + Downloader.describe(e));
      }
    }
    Checksums.Digests d;
    try (Progress bar = progress.start("verify " + name, sizeOf(complete), "B")) {
      d = Checksums.of(complete, bar);
    } catch (IOException e) {
      throw new FetchException("cannot read " + complete + ": " + Downloader.describe(e), e);
    }
    String verifiedBy;
    if (userSha != null) {
      check(name, used, complete, "sha256 (given with --sha256)", userSha, d.sha256(), d, false);
      verifiedBy = "user sha256";
    } else {
      if (file.sizeKnown()) {
        check(
            name,
            used,
            complete,
            "size",
            Long.toString(file.bytes()),
            Long.toString(d.bytes()),
            d,
            true);
      }
      if (file.sha256() != null) {
        check(name, used, complete, "sha256", file.sha256(), d.sha256(), d, true);
      }
      if (file.md5() != null) {
        check(name, used, complete, "md5", file.md5(), d.md5(), d, true);
      }
      verifiedBy =
          file.sha256() != null
              ? "catalog sha256"
              : file.md5() != null ? "catalog md5" : "unpinned";
    }
    notes.accept(
        name + ": " + d.bytes() + " bytes, sha256 " + d.sha256() + " (" + verifiedBy + ")");
    return new Verified(file, complete, used, d, verifiedBy);
  }

  /**
   * Fails when {@code got} differs from {@code expected}. A download that contradicts the catalog
   * is deleted (it is wrong); one that contradicts a user-given checksum is kept, since the typo
   * may be in the checksum.
   */
  private static void check(
      String name,
      URI url,
      Path complete,
      String what,
      String expected,
      String got,
      Checksums.Digests d,
      boolean deleteOnMismatch)
      throws FetchException {
    if (expected.equals(got)) {
      return;
    }
    String fate;
    if (deleteOnMismatch) {
      try {
        Files.deleteIfExists(complete);
        Files.deleteIfExists(sourceFile(complete));
        fate =
            "the download was deleted and nothing installed - run again to re-download, or, if"
                + " the publisher changed the file, check it and pass --sha256 "
                + name
                + "=HEX";
      } catch (IOException e) {
        fate = "nothing installed; delete " + complete + " to download again";
      }
    } else {
      fate =
          "nothing installed; the download is kept at "
              + complete
              + " - check the value given with --sha256, or delete the file to download again";
    }
    throw new FetchException(
        "checksum mismatch for "
            + name
            + " from "
            + url
            + ": expected "
            + what
            + " "
            + expected
            + ", got "
            + got
            + " ("
            + d.bytes()
            + " bytes, sha256 "
            + d.sha256()
            + "); "
            + fate);
  }

  private void install(Path staging, Path target, Path partial) throws FetchException {
    Path old = null;
    try {
      if (Files.exists(target)) {
        old = partial.resolve(target.getFileName() + ".old-" + UUID.randomUUID());
        move(target, old);
      }
      move(staging, target);
    } catch (IOException e) {
      if (old != null && !Files.exists(target)) {
        try {
          move(old, target);
          old = null;
        } catch (IOException ignored) {
          // the message below says where the old copy is
        }
      }
      deleteTree(staging);
      throw new FetchException(
          "cannot move the unpacked dataset to "
              + target
              + " ("
              + Downloader.describe(e)
              + ")"
              + (old != null ? "; the previous copy is at " + old : ""),
          e);
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static Path sourceFile(Path complete) {
    return complete.resolveSibling(complete.getFileName() + ".source");
  }

  private static URI readSource(Path complete, URI fallback) {
    try {
      return URI.create(Files.readString(sourceFile(complete), StandardCharsets.UTF_8).trim());
    } catch (IOException | IllegalArgumentException e) {
      return fallback;
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void createDirectories(Path p) throws FetchException {
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new FetchException(
          "cannot create folder " + p + " (" + Downloader.describe(e) + ")", e);
    }
  }

  private static void deleteIfEmpty(Path dir) {
    try (var s = Files.list(dir)) {
      if (s.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException ignored) {
      // leaving an empty .partial folder is harmless
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // best effort: a leftover staging folder under .partial is harmless
    }
  }
}
