package dev.recompose.data.fetch;

import java.net.URI;

/**
 * What one downloaded file turned out to be, as recorded in {@code FETCHED.json}.
 *
 * <p>It exists so that provenance (which URL, which bytes) follows the data into the dataset
 * store's manifest, and so the user sees the computed SHA-256 of every file, pinned or not.
 *
 * @param fileName the file's name, e.g. {@code ml-100k.zip}
 * @param url the URL the bytes finally came from
 * @param bytes the verified size
 * @param sha256 the computed SHA-256, lower-case hex
 * @param verifiedBy what the file was checked against: {@code "catalog sha256"}, {@code "catalog
 *     md5"}, {@code "user sha256"}, or {@code "unpinned"}
 */
public record FetchedFile(String fileName, URI url, long bytes, String sha256, String verifiedBy) {}
