package dev.recompose.data.store;

/** A file an importer read, with its size and SHA-256, so that a dataset names its exact origin. */
public record SourceFile(String path, long bytes, String sha256) {}
