package dev.recompose.data.fetch;

import dev.recompose.data.progress.Progress;
import dev.recompose.data.progress.ProgressFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file over HTTP into {@code NAME.part}, resuming with a {@code Range} request when a
 * partial file exists, and renames it to {@code NAME} once the body arrived whole.
 */
final class Downloader {
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED_RANGE =
      Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);

  private final HttpClient http;
  private final ProgressFactory progress;
  private final Consumer<String> notes;

  Downloader(HttpClient http, ProgressFactory progress, Consumer<String> notes) {
    this.http = http;
    this.progress = progress;
    this.notes = notes;
  }

  /** An HTTP status or an unreachable host: the next URL may do better. */
  private static final class TryNext extends Exception {
    private static final long serialVersionUID = 1L;

    TryNext(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Makes {@code complete} hold the whole file, trying {@code urls} in order.
   *
   * @return the URL the last bytes came from
   */
  URI download(
      List<URI> urls, String fileName, long expectedBytes, Path part, Path complete, FetchOptions o)
      throws FetchException {
    List<String> failures = new ArrayList<>();
    for (URI url : urls) {
      try {
        downloadOne(url, fileName, expectedBytes, part, complete, o, true);
        return url;
      } catch (TryNext e) {
        failures.add(e.getMessage());
        if (urls.size() > 1) {
          notes.accept(e.getMessage() + (url == urls.getLast() ? "" : "; trying the next URL"));
        }
      }
    }
    throw new FetchException(
        urls.size() == 1
            ? failures.getFirst()
            : "no URL served " + fileName + ": " + String.join("; ", failures));
  }

  private void downloadOne(
      URI url,
      String fileName,
      long expectedBytes,
      Path part,
      Path complete,
      FetchOptions o,
      boolean mayRestart)
      throws FetchException, TryNext {
    long have = size(part);
    if (expectedBytes > 0 && have > expectedBytes) {
      notes.accept(
          "partial "
              + part
              + " is larger ("
              + have
              + " bytes) than "
              + fileName
              + " ("
              + expectedBytes
              + " bytes); starting again");
      delete(part);
      have = 0;
    }
    if (expectedBytes > 0 && have == expectedBytes) {
      finish(part, complete);
      return;
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url)
            .timeout(o.responseTimeout())
            .header("User-Agent", "recompose-fetch/1")
            .GET();
    if (have > 0) {
      req.header("Range", "bytes=" + have + "-");
      notes.accept("resuming " + fileName + " from byte " + have);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted while requesting " + url);
    } catch (IOException e) {
      throw new TryNext(
          "cannot reach " + url + " (" + describe(e) + "); check the network or use a mirror", e);
    }
    int status = response.statusCode();
    long total;
    boolean append;
    if (status == 206 && have > 0) {
      String range = response.headers().firstValue("Content-Range").orElse("");
      Matcher m = CONTENT_RANGE.matcher(range);
      if (!m.find() || Long.parseLong(m.group(1)) != have) {
        close(response);
        if (!mayRestart) {
          throw new FetchException(
              url + " answered a resume from byte " + have + " with Content-Range '" + range + "'");
        }
        notes.accept(
            "server sent an unexpected range '" + range + "'; starting " + fileName + " again");
        delete(part);
        downloadOne(url, fileName, expectedBytes, part, complete, o, false);
        return;
      }
      total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
      append = true;
    } else if (status == 200) {
      if (have > 0) {
        notes.accept(
            "server ignored the Range request; downloading " + fileName + " from the start");
        have = 0;
      }
      total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      append = false;
    } else if (status == 416 && have > 0) {
      close(response);
      Matcher m =
          UNSATISFIED_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
      if (m.find() && Long.parseLong(m.group(1)) == have) {
        finish(part, complete); // the partial file was already whole
        return;
      }
      if (!mayRestart) {
        throw new FetchException(url + " refused to resume " + fileName + " from byte " + have);
      }
      notes.accept("server cannot resume " + fileName + " from byte " + have + "; starting again");
      delete(part);
      downloadOne(url, fileName, expectedBytes, part, complete, o, false);
      return;
    } else {
      close(response);
      String location = response.headers().firstValue("Location").orElse(null);
      throw new TryNext(
          "HTTP "
              + status
              + " "
              + statusText(status)
              + " for "
              + url
              + (status / 100 == 3 && location != null
                  ? " (redirects to " + location + ", not followed)"
                  : "")
              + " (expected "
              + fileName
              + (expectedBytes > 0 ? ", " + expectedBytes + " bytes" : "")
              + ")",
          null);
    }
    if (total > 0 && expectedBytes > 0 && total != expectedBytes) {
      close(response);
      throw new FetchException(
          url
              + " serves "
              + total
              + " bytes but "
              + fileName
              + " should have "
              + expectedBytes
              + " bytes; nothing installed (if the publisher changed the file, check it and pass"
              + " --sha256 "
              + fileName
              + "=HEX)");
    }
    long expectedTotal = total > 0 ? total : expectedBytes;
    copyBody(response, url, fileName, part, append, have, expectedTotal, o);
    long got = size(part);
    if (expectedTotal > 0 && got < expectedTotal) {
      throw new FetchException(
          "download of "
              + url
              + " ended early: got "
              + got
              + " of "
              + expectedTotal
              + " bytes; the partial file is kept at "
              + part
              + " - run the same command again to resume");
    }
    if (expectedTotal > 0 && got > expectedTotal) {
      delete(part);
      throw new FetchException(
          "download of "
              + url
              + " is longer than announced: got "
              + got
              + " of "
              + expectedTotal
              + " bytes; the partial file was deleted, nothing installed");
    }
    finish(part, complete);
  }

  private void copyBody(
      HttpResponse<InputStream> response,
      URI url,
      String fileName,
      Path part,
      boolean append,
      long have,
      long expectedTotal,
      FetchOptions o)
      throws FetchException {
    Thread reader = Thread.currentThread();
    long stallNanos = o.stallTimeout().toNanos();
    long[] last = {System.nanoTime()};
    boolean[] state = new boolean[2]; // [0] finished, [1] stalled
    Object lock = new Object();
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "recompose-fetch-watchdog");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(10_000_000L, Math.min(stallNanos / 4, 1_000_000_000L));
    InputStream body = response.body();
    watchdog.scheduleAtFixedRate(
        () -> {
          synchronized (lock) {
            if (!state[0] && !state[1] && System.nanoTime() - last[0] > stallNanos) {
              state[1] = true;
              try {
                body.close();
              } catch (IOException ignored) {
                // closing is best effort; the interrupt below unblocks the reader
              }
              reader.interrupt();
            }
          }
        },
        period,
        period,
        TimeUnit.NANOSECONDS);
    long written = have;
    try (Progress bar = progress.start("download " + fileName, expectedTotal, "B");
        InputStream in = body;
        OutputStream out =
            Files.newOutputStream(
                part,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      bar.advance(have);
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (n == 0) {
          continue;
        }
        out.write(buf, 0, n);
        written += n;
        bar.advance(n);
        synchronized (lock) {
          last[0] = System.nanoTime();
        }
      }
    } catch (IOException e) {
      boolean stalled;
      synchronized (lock) {
        state[0] = true;
        stalled = state[1];
      }
      if (stalled) {
        Thread.interrupted(); // clear the watchdog's interrupt
      }
      long got = Math.max(written, size(part));
      String why =
          stalled ? "no data for " + o.stallTimeout().toMillis() / 1000.0 + " s" : describe(e);
      throw new FetchException(
          "download of "
              + url
              + " stopped after "
              + got
              + (expectedTotal > 0 ? " of " + expectedTotal : "")
              + " bytes ("
              + why
              + "); the partial file is kept at "
              + part
              + " - run the same command again to resume",
          e);
    } finally {
      synchronized (lock) {
        state[0] = true;
        if (state[1]) {
          Thread.interrupted(); // a late watchdog interrupt must not outlive the download
        }
      }
      watchdog.shutdownNow();
    }
  }

  private static void finish(Path part, Path complete) throws FetchException {
    try {
      Files.move(
          part, complete, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new FetchException("cannot rename " + part + " to " + complete + ": " + describe(e), e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path p) throws FetchException {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new FetchException("cannot delete " + p + ": " + describe(e), e);
    }
  }

  private static void close(HttpResponse<InputStream> r) {
    try {
      r.body().close();
    } catch (IOException ignored) {
      // the response is being abandoned
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    String type = e.getClass().getSimpleName();
    return m == null || m.isBlank() ? type : type + ": " + m;
  }

  private static String statusText(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default ->
          status >= 500
              ? "(server error)"
              : status >= 400
                  ? "(client error)"
                  : status >= 300 ? "(redirect)" : "(unexpected status)";
    };
  }
}
