/**
 * Fetching the public recommendation datasets: {@code recompose data fetch NAME}.
 *
 * <p>Why: a user should get MovieLens, MIND, Amazon, Last.fm or Goodreads onto disk with one
 * command, verified against sizes and checksums written down in advance, resumable after a dropped
 * connection, and unpacked into exactly the folder the matching importer reads.
 *
 * <h2>Use from the command line layer</h2>
 *
 * <pre>{@code
 * DatasetCatalog catalog = DatasetCatalog.standard();          // no network
 * CatalogEntry entry = catalog.get(name);                      // FetchException lists valid names
 * FetchOptions options = FetchOptions.defaults()
 *     .withBaseUrl(mirror)                                     // --mirror URL (optional)
 *     .withExpectedSha256("ml-32m.zip", hex)                   // --sha256 FILE=HEX (repeatable)
 *     .withAllowUnpinned(allowUnpinned)                        // --allow-unpinned
 *     .withForce(force);                                       // --force
 * DatasetFetcher fetcher =
 *     new DatasetFetcher(DatasetFetcher.defaultHttpClient(), ProgressFactory.CONSOLE);
 * FetchResult result = fetcher.fetch(entry, destRoot, options); // installs destRoot/NAME
 * // next step: recompose data import result.importerFormat() --from result.directory()
 * }</pre>
 *
 * <p>An importer can read the download provenance of its {@code --from} folder with {@code
 * FetchRecord.read(dir)} (empty when the folder was not made by fetch).
 *
 * <p>Every failure is a {@link dev.recompose.data.fetch.FetchException} whose message is one
 * user-facing line (URL, what was expected, what came, what to do): print it and exit 1.
 *
 * <h2>On disk</h2>
 *
 * <ul>
 *   <li>{@code DEST/.partial/FILE.part} — a download in progress; kept on failure and resumed with
 *       an HTTP {@code Range} request on the next run.
 *   <li>{@code DEST/.partial/FILE} — a whole download awaiting verification or unpacking (for
 *       example one refused as unpinned); reused by the next run without downloading again.
 *   <li>{@code DEST/NAME/} — the installed dataset, created by renaming a fully unpacked staging
 *       folder, with {@code FETCHED.json} (dataset, importer format, time, and per file: URL,
 *       bytes, sha256, what it was verified against).
 * </ul>
 *
 * <h2>Installed layouts (what {@code --from DEST/NAME} finds)</h2>
 *
 * <ul>
 *   <li>{@code ml-100k}: {@code u.data u.item u.user u.genre ...} (the zip's {@code ml-100k/}
 *       folder is dropped); {@code ml-1m}: {@code ratings.dat movies.dat users.dat}; {@code
 *       ml-20m}, {@code ml-25m}, {@code ml-32m}: {@code ratings.csv movies.csv tags.csv links.csv}.
 *   <li>{@code mind-small}: {@code train/} and {@code dev/}, each with {@code news.tsv
 *       behaviors.tsv entity_embedding.vec relation_embedding.vec}.
 *   <li>{@code lastfm-hetrec2011}: {@code user_artists.dat artists.dat tags.dat
 *       user_taggedartists.dat user_taggedartists-timestamps.dat user_friends.dat}.
 *   <li>{@code amazon2014-*}: {@code reviews_CATEGORY_5.json meta_CATEGORY.json}; {@code
 *       amazon2018-*}: {@code CATEGORY_5.json meta_CATEGORY.json}; {@code amazon2023-*}: {@code
 *       CATEGORY.jsonl meta_CATEGORY.jsonl} (gzip is undone on install).
 *   <li>{@code goodreads-*}: {@code goodreads_interactions_GENRE.json goodreads_books_GENRE.json}.
 * </ul>
 *
 * <h2>Checksums</h2>
 *
 * <p>The catalog never invents a checksum. Files whose SHA-256 or MD5 could be found in public
 * sources are pinned (the source is named in {@link
 * dev.recompose.data.fetch.RemoteFile#checksumSource()}); the others are unpinned, and fetching
 * them reports the computed SHA-256 and stops until the user passes it with {@code --sha256
 * FILE=HEX} (which also replaces the catalog's values for that file, should a publisher re-release
 * it) or allows unpinned files.
 */
package dev.recompose.data.fetch;
