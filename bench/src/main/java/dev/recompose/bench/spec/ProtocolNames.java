package dev.recompose.bench.spec;

import dev.recompose.models.eval.Protocols;
import java.util.ArrayList;
import java.util.List;

/**
 * Every evaluation protocol a spec may name: the ranking protocols of
 * {@link Protocols#NAMES} and {@code ctr-logged} (logged impressions, CTR models).
 *
 * <p>It exists because protocols are never implicit (DESIGN.md): a spec names them, and an
 * unknown one fails listing these.
 */
public final class ProtocolNames {
  /** The CTR protocol over logged impressions. */
  public static final String CTR_LOGGED = "ctr-logged";

  /** Every name, ranking protocols first. */
  public static final List<String> ALL;

  static {
    List<String> all = new ArrayList<>(Protocols.NAMES);
    all.add(CTR_LOGGED);
    ALL = List.copyOf(all);
  }

  private ProtocolNames() {}

  /** Whether {@code protocol} ranks items for a user (as opposed to scoring logged samples). */
  public static boolean isRanking(String protocol) {
    return Protocols.NAMES.contains(protocol);
  }
}
