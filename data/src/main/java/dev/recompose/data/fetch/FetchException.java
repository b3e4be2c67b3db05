package dev.recompose.data.fetch;

import java.io.Serial;

/**
 * A fetch that could not be completed, with a message meant for the user: the URL or file, what was
 * expected, what came, and what to do next.
 *
 * <p>It exists so that the command line can print {@link #getMessage()} on one line and exit with
 * the user-error code, without a stack trace, for every foreseeable failure (unknown name, HTTP
 * error, truncated download, checksum mismatch, unpinned file).
 */
public final class FetchException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** A failure with a user-facing message. */
  public FetchException(String message) {
    super(message);
  }

  /** A failure with a user-facing message and the low-level cause (for {@code --verbose}). */
  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
