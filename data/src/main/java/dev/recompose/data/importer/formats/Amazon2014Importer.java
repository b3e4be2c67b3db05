package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.json.JsonLinesReader;
import dev.recompose.data.importer.json.JsonRecord;
import dev.recompose.data.log.EntityTableBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Imports the 2014 Amazon review data as McAuley distributes it: {@code
 * reviews_<Category>(_5).json(.gz)} (one JSON object per line: reviewerID, asin, overall,
 * unixReviewTime, reviewText, summary, helpful...) and the optional {@code
 * meta_<Category>.json(.gz)}, whose lines are Python dict literals (asin, title, description,
 * price, brand, categories as a list of category paths, related, salesRank).
 *
 * <p>McAuley, Targett, Shi and van den Hengel, "Image-based Recommendations on Styles and
 * Substitutes", SIGIR 2015; He and McAuley, "Ups and Downs", WWW 2016. This is the release behind
 * the S3Rec / ICLRec / TIGER Beauty, Sports and Toys benchmarks (5-core review files, all ratings
 * kept, iterative 5-core re-filtering: {@code --option kcore=5}). Interactions: reviewer, item,
 * rating 1-5, Unix time. Items: title, description (text), brand (categorical), categories (the
 * category paths flattened, each name once), price (NaN when absent); {@code related} and
 * {@code salesRank} are read but not stored.
 */
public final class Amazon2014Importer extends AmazonReviewsBase {
  private static final AmazonFiles.Naming NAMING = new AmazonFiles.Naming(
      Pattern.compile("^reviews_(?<cat>.+?)(?<five>_5)?\\.json(\\.gz)?$"), "meta_", ".json",
      "reviews_Beauty_5.json.gz");

  @Override
  public String format() {
    return "amazon-2014";
  }

  @Override
  public String description() {
    return "Amazon 2014 reviews_<Category>(_5).json(.gz) + optional meta_<Category>.json(.gz)"
        + " (Python literals)";
  }

  @Override
  public Map<String, String> options() {
    return commonOptions(true, false);
  }

  @Override
  AmazonFiles.Naming naming() {
    return NAMING;
  }

  @Override
  String userField() {
    return "reviewerID";
  }

  @Override
  String itemField(ImportRequest req) {
    return "asin";
  }

  @Override
  String ratingField() {
    return "overall";
  }

  @Override
  String timeField() {
    return "unixReviewTime";
  }

  @Override
  String verifiedField() {
    return null;
  }

  @Override
  JsonLinesReader.Syntax metaSyntax() {
    return JsonLinesReader.Syntax.PYTHON_LITERAL;
  }

  @Override
  String metaKeyField() {
    return "asin";
  }

  @Override
  EntityTableBuilder itemTable() {
    return new EntityTableBuilder()
        .textField("title", "product title")
        .textField("description", "product description")
        .categoryField("brand", "brand name")
        .categoriesField("categories", "category names from all category paths, each once")
        .numberField("price", "price in US dollars at crawl time, NaN when absent");
  }

  @Override
  IntConsumer parseMeta(JsonRecord r, EntityTableBuilder table, Map<String, Long> counts) {
    String title = r.optionalText("title");
    String description = r.optionalText("description");
    String brand = r.optionalText("brand");
    List<String> categories = r.flatStrings("categories");
    float price = price(r, "price", counts);
    return code -> {
      table.text("title", code, title);
      table.text("description", code, description);
      table.category("brand", code, brand == null ? null : brand.strip());
      table.categories("categories", code, categories);
      table.number("price", code, price);
    };
  }

  @Override
  Map<String, String> baseNotes(ImportRequest req) {
    return Map.of("time", "unixReviewTime (Unix seconds, day resolution)");
  }
}
