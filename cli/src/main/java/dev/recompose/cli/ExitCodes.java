package dev.recompose.cli;

/** The exit codes of {@code recompose}: success, user error, internal error. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  public static final int USER_ERROR = 1;
  public static final int INTERNAL_ERROR = 2;
}
