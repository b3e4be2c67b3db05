package dev.recompose.data.store;

/**
 * Headline counts of a dataset, kept in the manifest so that {@code data info} needs no scan.
 *
 * @param users distinct users
 * @param items distinct items (including text-less items referenced only by logs)
 * @param interactions rows of the interactions table
 * @param impressions rows of the impressions table (0 when the source has none)
 */
public record Counts(long users, long items, long interactions, long impressions) {}
