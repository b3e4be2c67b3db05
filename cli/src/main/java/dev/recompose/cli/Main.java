package dev.recompose.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The entry point of the {@code recompose} command.
 *
 * <p>It exists to fix the exit-code contract in one place: 0 on success, 1 on a user error
 * (a one-line message; the stack trace only with {@code --verbose}), 2 on an internal error.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new RecomposeCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println("error: " + ex.getMessage());
          e.println("see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
          return ExitCodes.USER_ERROR;
        });
    return cl.execute(args);
  }
}
