package dev.recompose.cli;

/**
 * An error caused by what the user asked for (a wrong path, option or value), reported as one
 * line with exit code 1.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
