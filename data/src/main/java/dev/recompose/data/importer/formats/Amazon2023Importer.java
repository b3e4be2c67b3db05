package dev.recompose.data.importer.formats;

import dev.recompose.data.importer.ImportRequest;
import dev.recompose.data.importer.json.JsonLinesReader;
import dev.recompose.data.importer.json.JsonRecord;
import dev.recompose.data.log.EntityTableBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Imports Amazon Reviews'23 as McAuley Lab distributes it: {@code <Category>.jsonl(.gz)} (rating,
 * title, text, images, asin, parent_asin, user_id, timestamp in milliseconds, verified_purchase,
 * helpful_vote) and the optional {@code meta_<Category>.jsonl(.gz)} (parent_asin, title,
 * main_category, features, description, price as a number or null, store, categories, details,
 * bought_together...).
 *
 * <p>Hou, Li, He, Yan, Chen and McAuley, "Bridging Language and Items for Retrieval and
 * Recommendation", arXiv 2403.03952, 2024. Items are keyed by {@code parent_asin} as the
 * benchmark scripts do ({@code --option item-key=asin} keys them by the variant's asin instead;
 * metadata then describes every variant of a parent). Times are stored in Unix seconds (the
 * milliseconds floored; rows within the same second keep file order). Items: title, features and
 * description (lists joined by newlines), main_category and store (categorical), categories,
 * price.
 */
public final class Amazon2023Importer extends AmazonReviewsBase {
  private static final AmazonFiles.Naming NAMING = new AmazonFiles.Naming(
      Pattern.compile("^(?!meta_)(?<cat>.+?)\\.jsonl(\\.gz)?$"), "meta_", ".jsonl",
      "All_Beauty.jsonl.gz");

  @Override
  public String format() {
    return "amazon-2023";
  }

  @Override
  public String description() {
    return "Amazon Reviews'23 <Category>.jsonl(.gz) + optional meta_<Category>.jsonl(.gz)";
  }

  @Override
  public Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>(commonOptions(false, true));
    m.put("item-key", "parent_asin (default, as the benchmark scripts) or asin");
    return m;
  }

  @Override
  AmazonFiles.Naming naming() {
    return NAMING;
  }

  @Override
  String userField() {
    return "user_id";
  }

  @Override
  String itemField(ImportRequest req) {
    String k = req.option("item-key", "parent_asin");
    if (!k.equals("parent_asin") && !k.equals("asin")) {
      throw new IllegalArgumentException(
          "item-key: expected parent_asin or asin, found '" + k + "'");
    }
    return k;
  }

  @Override
  String joinField(ImportRequest req) {
    return "parent_asin";
  }

  @Override
  String ratingField() {
    return "rating";
  }

  @Override
  String timeField() {
    return "timestamp";
  }

  @Override
  long seconds(long millis) {
    return Math.floorDiv(millis, 1000L);
  }

  @Override
  String verifiedField() {
    return "verified_purchase";
  }

  @Override
  JsonLinesReader.Syntax metaSyntax() {
    return JsonLinesReader.Syntax.JSON;
  }

  @Override
  String metaKeyField() {
    return "parent_asin";
  }

  @Override
  EntityTableBuilder itemTable() {
    return new EntityTableBuilder()
        .textField("title", "product title")
        .textField("features", "bullet-point features joined by newlines")
        .textField("description", "description paragraphs joined by newlines")
        .categoryField("main_category", "top-level domain")
        .categoryField("store", "store name")
        .categoriesField("categories", "hierarchical categories")
        .numberField("price", "price in US dollars, NaN when absent");
  }

  @Override
  IntConsumer parseMeta(JsonRecord r, EntityTableBuilder table, Map<String, Long> counts) {
    String title = r.optionalText("title");
    String features = r.optionalText("features");
    String description = r.optionalText("description");
    String mainCategory = r.optionalText("main_category");
    String store = r.optionalText("store");
    List<String> categories = r.flatStrings("categories");
    float price = price(r, "price", counts);
    return code -> {
      table.text("title", code, title);
      table.text("features", code, features);
      table.text("description", code, description);
      table.category("main_category", code, mainCategory == null ? null : mainCategory.strip());
      table.category("store", code, store == null ? null : store.strip());
      table.categories("categories", code, categories);
      table.number("price", code, price);
    };
  }

  @Override
  Map<String, String> baseNotes(ImportRequest req) {
    return Map.of("time", "timestamp in milliseconds, stored as Unix seconds (floored)",
        "item_key", req.option("item-key", "parent_asin"),
        "verified_only", req.option("verified-only", "false"));
  }
}
