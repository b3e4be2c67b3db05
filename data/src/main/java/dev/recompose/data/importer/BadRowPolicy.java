package dev.recompose.data.importer;

/**
 * What an importer does with a row it cannot parse.
 *
 * <p>It exists because nothing may be lost silently: either the import stops with the file, line
 * and column ({@code FAIL}, the default), or it skips the row and counts it under a reason in the
 * manifest ({@code SKIP}, {@code --on-bad-row skip}).
 */
public enum BadRowPolicy {
  FAIL,
  SKIP
}
