package dev.recompose.cli.repr;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code recompose repr}: compute item representations (text tokens, embeddings, semantic ids). */
@Command(
    name = "repr",
    mixinStandardHelpOptions = true,
    description = {
      "Represent items four ways: ID (always there), text tokens (repr tokenize), semantic"
          + " embeddings from a language model (repr embed) and semantic IDs by residual"
          + " quantisation (repr sid). Each writes columns of the items table."
    },
    subcommands = {ReprTokenizeCommand.class, ReprEmbedCommand.class, ReprSidCommand.class})
public final class ReprCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
