package dev.recompose.cli;

import dev.recompose.data.fetch.FetchException;
import dev.recompose.data.importer.DataFormatException;
import dev.recompose.data.store.StoreFormatException;
import dev.recompose.llm.embed.EmbeddingException;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Maps exceptions escaping a subcommand to a message and an exit code.
 *
 * <p>User errors (bad input files, wrong options, missing paths) print one line and exit 1;
 * anything else is an internal error that prints the stack trace and exits 2. With
 * {@code --verbose} user errors print their stack trace too.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  static boolean isUserError(Throwable t) {
    Throwable c = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
    return c instanceof UserException
        || c instanceof IllegalArgumentException
        || c instanceof DataFormatException
        || c instanceof StoreFormatException
        || c instanceof NoSuchFileException
        || c instanceof FileNotFoundException
        || c instanceof AccessDeniedException
        || c instanceof FileAlreadyExistsException
        || c instanceof FetchException
        || c instanceof EmbeddingException;
  }

  static String message(Throwable t) {
    Throwable c = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
    if (c instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile() + (n.getReason() != null ? " (" + n.getReason() + ")" : "");
    }
    if (c instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    boolean verbose = RecomposeCommand.verbose(cl);
    if (isUserError(ex)) {
      err.println("error: " + message(ex));
      if (verbose) {
        ex.printStackTrace(err);
      }
      return ExitCodes.USER_ERROR;
    }
    err.println("internal error: " + ex);
    ex.printStackTrace(err);
    err.println("this is a bug in Recompose; please report it with the command you ran");
    return ExitCodes.INTERNAL_ERROR;
  }
}
