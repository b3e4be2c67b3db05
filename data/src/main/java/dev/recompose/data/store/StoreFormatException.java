package dev.recompose.data.store;

/**
 * Thrown when a dataset directory or one of its files does not follow the store format.
 *
 * <p>It exists so that a damaged or foreign directory gives a one-line message naming the file
 * and the problem, which the command line shows as a user error.
 */
public final class StoreFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreFormatException(String message) {
    super(message);
  }

  public StoreFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
