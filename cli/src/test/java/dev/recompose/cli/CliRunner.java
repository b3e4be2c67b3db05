package dev.recompose.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures exit code, standard output and standard error. */
record CliRunner(int code, String out, String err) {
  static CliRunner run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
    return new CliRunner(code, o.toString(), e.toString());
  }
}
