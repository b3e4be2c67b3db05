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
 * Imports the 2018 Amazon review data as distributed by Ni, Li and McAuley: {@code
 * <Category>(_5).json(.gz)} (JSON lines: reviewerID, asin, overall, unixReviewTime, verified,
 * reviewText, summary, vote, style...) and the optional {@code meta_<Category>.json(.gz)} (JSON
 * lines: asin, title, description as a list, category as a list, brand, price as a string such
 * as {@code "$12.99"}, main_cat, feature, also_buy...).
 *
 * <p>Ni, Li and McAuley, "Justifying Recommendations using Distantly-Labeled Reviews and
 * Fine-Grained Aspects", EMNLP 2019. Interactions: reviewer, item, rating 1-5, Unix time
 * ({@code --option verified-only=true} keeps verified purchases). Items: title, description
 * (list joined by newlines), brand and main_cat (categorical), categories (the {@code category}
 * list), price (parsed from the dollar string; ranges and other text become NaN, counted in the
 * note {@code price_unparsed}). The real metadata files repeat some rows: the first is kept and
 * the rest counted ({@code meta_duplicates}).
 */
public final class Amazon2018Importer extends AmazonReviewsBase {
  private static final AmazonFiles.Naming NAMING = new AmazonFiles.Naming(
      Pattern.compile("^(?!meta_)(?<cat>.+?)(?<five>_5)?\\.json(\\.gz)?$"), "meta_", ".json",
      "All_Beauty_5.json.gz");

  @Override
  public String format() {
    return "amazon-2018";
  }

  @Override
  public String description() {
    return "Amazon 2018 <Category>(_5).json(.gz) + optional meta_<Category>.json(.gz) (JSON lines)";
  }

  @Override
  public Map<String, String> options() {
    return commonOptions(true, true);
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
    return "verified";
  }

  @Override
  JsonLinesReader.Syntax metaSyntax() {
    return JsonLinesReader.Syntax.JSON;
  }

  @Override
  String metaKeyField() {
    return "asin";
  }

  @Override
  EntityTableBuilder itemTable() {
    return new EntityTableBuilder()
        .textField("title", "product title")
        .textField("description", "product description (paragraphs joined by newlines)")
        .categoryField("brand", "brand name")
        .categoryField("main_cat", "main category")
        .categoriesField("categories", "category path (field 'category')")
        .numberField("price", "price in US dollars parsed from e.g. \"$12.99\", NaN when absent");
  }

  @Override
  IntConsumer parseMeta(JsonRecord r, EntityTableBuilder table, Map<String, Long> counts) {
    String title = r.optionalText("title");
    String description = r.optionalText("description");
    String brand = r.optionalText("brand");
    String mainCat = r.optionalText("main_cat");
    List<String> categories = r.flatStrings("category");
    float price = price(r, "price", counts);
    return code -> {
      table.text("title", code, title);
      table.text("description", code, description);
      table.category("brand", code, brand == null ? null : brand.strip());
      table.category("main_cat", code, mainCat == null ? null : mainCat.strip());
      table.categories("categories", code, categories);
      table.number("price", code, price);
    };
  }

  @Override
  Map<String, String> baseNotes(ImportRequest req) {
    return Map.of("time", "unixReviewTime (Unix seconds, day resolution)",
        "verified_only", req.option("verified-only", "false"));
  }
}
