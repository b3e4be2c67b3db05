package dev.recompose.data.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The public datasets {@code recompose data fetch} knows: names, publisher URLs, sizes and
 * checksums, and the importer that reads each unpacked folder.
 *
 * <p>It exists so that a user types a name instead of hunting for URLs, and so that every download
 * is compared with values written down in advance. <b>No checksum here is invented:</b> each pinned
 * value names its source in {@link RemoteFile#checksumSource()}, and a file whose checksum could
 * not be found has {@code sha256 = null, md5 = null} (unpinned); fetching it prints the computed
 * SHA-256 and requires {@code --sha256 FILE=HEX} or {@code --allow-unpinned}. Where a publisher
 * offers the same bytes at several hosts, the others are listed as alternates.
 */
public final class DatasetCatalog {

  /** The importer formats a catalog entry may name. */
  public static final Set<String> IMPORTER_FORMATS =
      Set.of(
          "movielens-100k",
          "movielens-1m",
          "movielens-csv",
          "mind",
          "amazon-2014",
          "amazon-2018",
          "amazon-2023",
          "lastfm-hetrec",
          "goodreads");

  private static final String GROUPLENS = "https://files.grouplens.org/datasets/";
  private static final String TFDS_SOURCE =
      "size and sha256: tensorflow/datasets tensorflow_datasets/url_checksums/movielens.txt;"
          + " md5: GroupLens' published %s.md5";
  private static final String MOVIELENS_LICENSE =
      "GroupLens terms: research use, no redistribution, cite Harper & Konstan 2015";
  private static final String MCAULEY = "https://mcauleylab.ucsd.edu/public_datasets/";
  private static final String DATAREPO = "https://datarepo.eng.ucsd.edu/mcauley_group/";
  private static final String JMCAULEY = "https://jmcauley.ucsd.edu/data/";
  private static final String SNAP =
      "https://snap.stanford.edu/data/amazon/productGraph/categoryFiles/";
  private static final String AMAZON_LICENSE =
      "McAuley Lab (UCSD) research data; see the homepage for terms and citation";

  private final Map<String, CatalogEntry> entries;

  /**
   * A catalog of the given entries (tests build small ones; the command line uses {@link
   * #standard()}).
   *
   * @throws IllegalArgumentException on a repeated name or an unknown importer format
   */
  public DatasetCatalog(List<CatalogEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    Map<String, CatalogEntry> m = new LinkedHashMap<>();
    for (CatalogEntry e : entries) {
      if (!IMPORTER_FORMATS.contains(e.importerFormat())) {
        throw new IllegalArgumentException(
            "dataset '"
                + e.name()
                + "' names unknown importer format '"
                + e.importerFormat()
                + "'");
      }
      if (m.put(e.name(), e) != null) {
        throw new IllegalArgumentException("dataset name '" + e.name() + "' appears twice");
      }
    }
    this.entries = java.util.Collections.unmodifiableMap(m);
  }

  /** The built-in catalog. Building it touches no network. */
  public static DatasetCatalog standard() {
    return Holder.STANDARD;
  }

  /** The entry called {@code name}, or a {@link FetchException} that lists the valid names. */
  public CatalogEntry get(String name) throws FetchException {
    Objects.requireNonNull(name, "name");
    return find(name)
        .orElseThrow(
            () ->
                new FetchException(
                    "unknown dataset '"
                        + name
                        + "'; known datasets: "
                        + String.join(", ", names())));
  }

  /** The entry called {@code name} (case-insensitive), if any. */
  public Optional<CatalogEntry> find(String name) {
    return Optional.ofNullable(entries.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** All names, in catalog order. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** All entries, in catalog order. */
  public List<CatalogEntry> entries() {
    return List.copyOf(entries.values());
  }

  private static final class Holder {
    static final DatasetCatalog STANDARD = new DatasetCatalog(build());
  }

  private static List<CatalogEntry> build() {
    List<CatalogEntry> list = new ArrayList<>();
    // ---- MovieLens (GroupLens) --------------------------------------------------------------
    list.add(
        movielens(
            "ml-100k",
            "MovieLens 100K: 943 users, 1,682 movies, 100,000 ratings (1998), with titles, genres"
                + " and user demographics",
            "movielens-100k",
            "https://grouplens.org/datasets/movielens/100k/",
            4_924_029L,
            "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229",
            "0e33842e24a9c977be4e0107933c0723",
            String.format(Locale.ROOT, TFDS_SOURCE, "ml-100k.zip")));
    list.add(
        movielens(
            "ml-1m",
            "MovieLens 1M: 6,040 users, 3,706 movies, 1,000,209 ratings (2003), with user"
                + " demographics",
            "movielens-1m",
            "https://grouplens.org/datasets/movielens/1m/",
            5_917_549L,
            "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20",
            "c4d9eecfca2ab87c1945afe126590906",
            String.format(Locale.ROOT, TFDS_SOURCE, "ml-1m.zip")));
    list.add(
        movielens(
            "ml-20m",
            "MovieLens 20M: 138,493 users, 27,278 movies, 20,000,263 ratings (CSV release, 2016)",
            "movielens-csv",
            "https://grouplens.org/datasets/movielens/20m/",
            198_702_078L,
            "96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3",
            "cd245b17a1ae2cc31bb14903e1204af3",
            String.format(Locale.ROOT, TFDS_SOURCE, "ml-20m.zip")));
    list.add(
        movielens(
            "ml-25m",
            "MovieLens 25M: 162,541 users, 62,423 movies, 25,000,095 ratings (CSV release, 2019)",
            "movielens-csv",
            "https://grouplens.org/datasets/movielens/25m/",
            261_978_986L,
            "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa",
            "6b51fb2759a8657d3bfcbfc42b592ada",
            String.format(Locale.ROOT, TFDS_SOURCE, "ml-25m.zip")));
    list.add(
        movielens(
            "ml-32m",
            "MovieLens 32M: 200,948 users, 87,585 movies, 32,000,204 ratings (CSV release, 2024)",
            "movielens-csv",
            "https://grouplens.org/datasets/movielens/32m/",
            238_950_008L,
            null,
            "d472be332d4daa821edc399621853b57",
            "md5: GroupLens' published ml-32m.zip.md5 and size, as quoted by several public"
                + " projects; no sha256 is published"));
    // ---- MIND (Microsoft News Dataset), small ----------------------------------------------
    String mindSource =
        "md5: DataRec (datarec/datasets/mind/mindSmall.py); size: download log in Microsoft"
            + " Recommenders' MIND notebook; no sha256 is published";
    list.add(
        new CatalogEntry(
            "mind-small",
            "MIND small: 50,000 users' news clicks with logged impressions, train and dev"
                + " (news.tsv, behaviors.tsv, entity embeddings)",
            "mind",
            "https://msnews.github.io/",
            "Microsoft Research License Terms: non-commercial research, cite Wu et al. 2020",
            List.of(
                mind(
                    "MINDsmall_train.zip",
                    "train",
                    52_952_752L,
                    "8ab752c7d11564622d93132be05dcf6b",
                    mindSource),
                mind(
                    "MINDsmall_dev.zip",
                    "dev",
                    30_945_572L,
                    "e3bac5485be8fc7a9934e85e3b78615f",
                    mindSource))));
    // ---- Last.fm hetrec2011 -----------------------------------------------------------------
    list.add(
        new CatalogEntry(
            "lastfm-hetrec2011",
            "Last.fm HetRec 2011: 1,892 users, 17,632 artists, listening counts, tags with"
                + " timestamps, friendships",
            "lastfm-hetrec",
            "https://grouplens.org/datasets/hetrec-2011/",
            "non-commercial use; cite Last.fm and the HetRec'11 workshop",
            List.of(
                new RemoteFile(
                    URI.create(GROUPLENS + "hetrec2011/hetrec2011-lastfm-2k.zip"),
                    List.of(),
                    -1,
                    "6738f48195667ff03caaab4d32ca9a3133d8cc026b7c3cdaf6ce1010e913c59c",
                    null,
                    "sha256: recorded and enforced by one public research project's loader"
                        + " (single source); GroupLens publishes no checksum for it",
                    ArchiveType.ZIP,
                    "",
                    0))));
    // ---- Amazon Reviews 2014 (5-core reviews + metadata; the S3Rec/SASRec benchmarks) -------
    for (String[] c :
        new String[][] {
          {"beauty", "Beauty", "Beauty"},
          {"sports", "Sports_and_Outdoors", "Sports and Outdoors"},
          {"toys", "Toys_and_Games", "Toys and Games"}
        }) {
      list.add(
          new CatalogEntry(
              "amazon2014-" + c[0],
              "Amazon Reviews 2014, "
                  + c[2]
                  + ": 5-core reviews (JSON lines) and product"
                  + " metadata (Python literals), as used by SASRec/S3Rec/TIGER",
              "amazon-2014",
              "https://cseweb.ucsd.edu/~jmcauley/datasets/amazon/links.html",
              AMAZON_LICENSE,
              List.of(
                  RemoteFile.unpinned(SNAP + "reviews_" + c[1] + "_5.json.gz", ""),
                  RemoteFile.unpinned(SNAP + "meta_" + c[1] + ".json.gz", ""))));
    }
    // ---- Amazon Reviews 2018 (5-core reviews + metadata) -------------------------------------
    for (String[] c :
        new String[][] {
          {"all-beauty", "All_Beauty", "All Beauty"},
          {"luxury-beauty", "Luxury_Beauty", "Luxury Beauty"},
          {"toys", "Toys_and_Games", "Toys and Games"},
          {"sports", "Sports_and_Outdoors", "Sports and Outdoors"}
        }) {
      list.add(
          new CatalogEntry(
              "amazon2018-" + c[0],
              "Amazon Reviews 2018, "
                  + c[2]
                  + ": 5-core reviews (JSON lines) and product"
                  + " metadata",
              "amazon-2018",
              "https://cseweb.ucsd.edu/~jmcauley/datasets/amazon_v2/",
              AMAZON_LICENSE,
              List.of(
                  mcauley("data/amazon_v2/categoryFilesSmall/" + c[1] + "_5.json.gz", true),
                  mcauley("data/amazon_v2/metaFiles2/meta_" + c[1] + ".json.gz", true))));
    }
    // ---- Amazon Reviews 2023 (all reviews + metadata of a category) -------------------------
    for (String[] c :
        new String[][] {
          {"all-beauty", "All_Beauty", "All Beauty"},
          {"video-games", "Video_Games", "Video Games"},
          {"toys", "Toys_and_Games", "Toys and Games"},
          {"sports", "Sports_and_Outdoors", "Sports and Outdoors"}
        }) {
      RemoteFile reviews =
          mcauley("data/amazon_2023/raw/review_categories/" + c[1] + ".jsonl.gz", false);
      RemoteFile meta =
          mcauley("data/amazon_2023/raw/meta_categories/meta_" + c[1] + ".jsonl.gz", false);
      if (c[1].equals("Sports_and_Outdoors")) {
        String src =
            "size and sha256: recorded in one public project's EXPERIMENTS.md (single source)";
        reviews =
            reviews.withPins(
                2_634_864_204L,
                "8f6ddb51c2674d048387533f1c58e22840e5eee639a59737eae979d66a87d642",
                null,
                src);
        meta =
            meta.withPins(
                1_037_418_105L,
                "f75abcf0af21db0a6c6701f29d1f9b94480557ecbdc238dfc39ebf83a3c9fc3a",
                null,
                src);
      }
      list.add(
          new CatalogEntry(
              "amazon2023-" + c[0],
              "Amazon Reviews 2023, "
                  + c[2]
                  + ": all reviews (JSONL, parent_asin) and item"
                  + " metadata",
              "amazon-2023",
              "https://amazon-reviews-2023.github.io/",
              AMAZON_LICENSE,
              List.of(reviews, meta)));
    }
    // ---- Goodreads (UCSD Book Graph), by genre ----------------------------------------------
    for (String[] g :
        new String[][] {
          {"poetry", "poetry", "Poetry"},
          {"comics", "comics_graphic", "Comics and graphic novels"},
          {"children", "children", "Children"}
        }) {
      list.add(
          new CatalogEntry(
              "goodreads-" + g[0],
              "Goodreads (UCSD Book Graph), "
                  + g[2]
                  + ": user-book interactions and book"
                  + " metadata (JSON lines)",
              "goodreads",
              "https://mengtingwan.github.io/data/goodreads.html",
              "academic use only; do not redistribute; cite Wan & McAuley 2018",
              List.of(
                  goodreads("goodreads_interactions_" + g[1] + ".json.gz"),
                  goodreads("goodreads_books_" + g[1] + ".json.gz"))));
    }
    return list;
  }

  private static CatalogEntry movielens(
      String name,
      String description,
      String format,
      String homepage,
      long bytes,
      String sha256,
      String md5,
      String source) {
    RemoteFile zip =
        new RemoteFile(
            URI.create(GROUPLENS + "movielens/" + name + ".zip"),
            List.of(),
            bytes,
            sha256,
            md5,
            source,
            ArchiveType.ZIP,
            "",
            1);
    return new CatalogEntry(name, description, format, homepage, MOVIELENS_LICENSE, List.of(zip));
  }

  private static RemoteFile mind(String file, String dir, long bytes, String md5, String source) {
    return new RemoteFile(
        URI.create("https://mind201910small.blob.core.windows.net/release/" + file),
        List.of(URI.create("https://recodatasets.z20.web.core.windows.net/newsrec/" + file)),
        bytes,
        null,
        md5,
        source,
        ArchiveType.ZIP,
        dir,
        0);
  }

  private static RemoteFile mcauley(String path, boolean alsoJmcauley) {
    List<URI> alternates = new ArrayList<>();
    alternates.add(URI.create(DATAREPO + path));
    if (alsoJmcauley) {
      alternates.add(URI.create(JMCAULEY + path.substring("data/".length())));
    }
    return RemoteFile.unpinned(MCAULEY + path, "").withAlternates(alternates);
  }

  private static RemoteFile goodreads(String file) {
    String path = "gdrive/goodreads/byGenre/" + file;
    return RemoteFile.unpinned(MCAULEY + path, "")
        .withAlternates(List.of(URI.create(DATAREPO + path)));
  }
}
