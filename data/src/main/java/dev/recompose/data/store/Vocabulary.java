package dev.recompose.data.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable list of tokens where a token's position is its dense code.
 *
 * <p>It exists to map between the store's int32 codes and the ids and labels of the source data
 * (user ids, item ids, genre names). The TSV codec is documented on {@link VocabSpec}.
 */
public final class Vocabulary {
  private final List<String> tokens;
  private volatile Map<String, Integer> index;

  public Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
  }

  public int size() {
    return tokens.size();
  }

  /** The token of code {@code code}. */
  public String token(int code) {
    Objects.checkIndex(code, tokens.size());
    return tokens.get(code);
  }

  /** The code of {@code token}, or -1 when absent. */
  public int code(String token) {
    Map<String, Integer> m = index;
    if (m == null) {
      m = new HashMap<>(tokens.size() * 2);
      for (int i = 0; i < tokens.size(); i++) {
        m.putIfAbsent(tokens.get(i), i);
      }
      index = m;
    }
    return m.getOrDefault(token, -1);
  }

  public List<String> tokens() {
    return tokens;
  }

  /** Writes the TSV form. */
  public static void write(Path file, List<String> tokens) throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("index\ttoken\n");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < tokens.size(); i++) {
        sb.setLength(0);
        sb.append(i).append('\t');
        escape(tokens.get(i), sb);
        sb.append('\n');
        w.append(sb);
      }
    }
  }

  /** Reads the TSV form, checking that codes run 0, 1, 2... */
  public static Vocabulary read(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (!"index\ttoken".equals(header)) {
        throw new StoreFormatException(file + ":1: expected header 'index<TAB>token'");
      }
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        int tab = line.indexOf('\t');
        if (tab < 0 || !line.substring(0, tab).equals(Integer.toString(out.size()))) {
          throw new StoreFormatException(
              file + ":" + lineNo + ": expected '" + out.size() + "<TAB>token'");
        }
        out.add(unescape(line.substring(tab + 1)));
      }
    }
    return new Vocabulary(out);
  }

  static void escape(String s, StringBuilder sb) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\\' -> sb.append("\\\\");
        default -> sb.append(c);
      }
    }
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
